import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { Actor } from '../../policy/actor';

export interface RecordAuditOptions {
  db: Db;
  actor: Actor | null;
  action: string;
  subjectType?: string;
  subjectId?: string | number;
  details?: Record<string, unknown>;
  ip?: string;
}

/** Appends to the audit log: sign-ins, role changes, API keys, imports, opened tenant contact data. */
export async function recordAudit({
  db,
  actor,
  action,
  subjectType,
  subjectId,
  details,
  ip,
}: RecordAuditOptions) {
  await db.insert(auditLog).values({
    actorUserId: actor?.kind === 'user' ? actor.userId : null,
    actorApiKeyId: actor?.kind === 'api_key' ? actor.apiKeyId : null,
    action,
    subjectType,
    subjectId: subjectId === undefined ? undefined : String(subjectId),
    details: { ...(actor?.kind === 'system' ? { system: actor.name } : {}), ...details },
    ip,
  });
}
