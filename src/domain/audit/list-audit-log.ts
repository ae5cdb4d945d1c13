import { and, count, desc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { apiKeys, auditLog, users } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';

export interface ListAuditLogOptions {
  db: Db;
  actor: Actor;
  action?: string;
  actorUserId?: string;
  subjectType?: string;
  subjectId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** The audit log for admins, newest first, with who did it by name (user or API key). */
export async function listAuditLog(opts: ListAuditLogOptions) {
  const { db, actor, page, pageSize } = opts;
  authorize(actor, 'audit.read');
  const where = and(
    opts.action ? eq(auditLog.action, opts.action) : undefined,
    opts.actorUserId ? eq(auditLog.actorUserId, opts.actorUserId) : undefined,
    opts.subjectType ? eq(auditLog.subjectType, opts.subjectType) : undefined,
    opts.subjectId ? eq(auditLog.subjectId, opts.subjectId) : undefined,
    opts.from ? gte(auditLog.at, opts.from) : undefined,
    opts.to ? lt(auditLog.at, opts.to) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        subjectType: auditLog.subjectType,
        subjectId: auditLog.subjectId,
        details: auditLog.details,
        ip: auditLog.ip,
        actorUserId: auditLog.actorUserId,
        actorUserName: users.name,
        actorApiKeyId: auditLog.actorApiKeyId,
        actorApiKeyName: apiKeys.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(apiKeys, eq(apiKeys.id, auditLog.actorApiKeyId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, page, pageSize, total: total?.n ?? 0 };
}
