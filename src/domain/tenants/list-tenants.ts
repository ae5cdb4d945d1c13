import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { tenants } from '../../db/schema';
import { containsPattern, offsetOf, type PageRequest } from '../../lib/search-pattern';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { recordAudit } from '../audit/record-audit';

export interface ListTenantsOptions extends PageRequest {
  db: Db;
  actor: Actor;
  /** name, external id or e-mail */
  q?: string;
  /** the tenants of one home (the unit page's tenant block) */
  unitId?: number;
}

/** Tenants with their contact data: only for roles whose work is contacting them (policy `tenant.list`). */
export async function listTenants({ db, actor, q, unitId, ...page }: ListTenantsOptions) {
  authorize(actor, 'tenant.list');
  const conditions: (SQL | undefined)[] = [unitId ? eq(tenants.unitId, unitId) : undefined];
  if (q?.trim()) {
    const pattern = containsPattern(q);
    conditions.push(
      or(ilike(tenants.name, pattern), ilike(tenants.externalId, pattern), ilike(tenants.email, pattern)),
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(tenants)
      .where(where)
      .orderBy(asc(tenants.name), asc(tenants.id))
      .limit(page.pageSize)
      .offset(offsetOf(page)),
    db.select({ n: count() }).from(tenants).where(where),
  ]);
  // a page of tenants shows their contact data: who looked at whose is written down, as for a single job
  if (rows.length) {
    await recordAudit({
      db,
      actor,
      action: 'tenant_contact.listed',
      subjectType: 'tenant',
      details: { q: q ?? null, unitId: unitId ?? null, page: page.page, tenantIds: rows.map((r) => r.id) },
    });
  }
  return { rows, total: total?.n ?? 0 };
}
