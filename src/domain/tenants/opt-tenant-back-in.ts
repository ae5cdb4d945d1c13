import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { tenants } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { recordAudit } from '../audit/record-audit';
import { badRequest, conflict } from '../errors';

/** The longest reason an admin may give; it is kept in the audit log. */
export const OPT_IN_REASON_MAX = 500;

export interface OptTenantBackInOptions {
  db: Db;
  actor: Actor;
  tenantId: number;
  /** why, in the admin's words: that the tenant asked, how and when ("telefonisch verzoek 28-11") */
  reason: string;
  ip?: string;
}

/**
 * A tenant who opted out themselves (survey link or e-mail unsubscribe, `selfOptedOutAt`) asks the
 * corporation for surveys again: an admin records that they asked, and the opt-out is undone in one
 * transaction — `optedOut` false, `optedOutAt` and `selfOptedOutAt` cleared, audited as
 * `tenant.opted_in` with the actor and the reason. From then on the tenant is like any other: the
 * ERP's upsert may opt them out again. Refused with 409, changing nothing, when there is no own
 * opt-out to undo: an erased tenant (AVG: nobody left to survey), a tenant opted out only by the ERP
 * (the ERP opts them in again), a tenant not opted out — which is also what a second request meets.
 * `null` when the tenant is unknown.
 */
export async function optTenantBackIn({ db, actor, tenantId, reason, ip }: OptTenantBackInOptions) {
  authorize(actor, 'tenant-data.manage');
  const why = reason.trim();
  if (!why || why.length > OPT_IN_REASON_MAX)
    throw badRequest(`reason: say why, in 1 to ${OPT_IN_REASON_MAX} characters`, {
      issues: [{ field: 'body.reason', message: `must be 1 to ${OPT_IN_REASON_MAX} characters` }],
    });
  return db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for('update');
    if (!tenant) return null;
    if (tenant.erasedAt) throw conflict("This tenant's data were erased (AVG); an erasure cannot be undone.");
    if (!tenant.selfOptedOutAt)
      throw conflict(
        tenant.optedOut
          ? 'This tenant did not opt out themselves: the ERP opted them out, and only the ERP opts them in again.'
          : 'This tenant is not opted out: surveys already reach them.',
      );
    const [optedIn] = await tx
      .update(tenants)
      .set({ optedOut: false, optedOutAt: null, selfOptedOutAt: null })
      .where(eq(tenants.id, tenantId))
      .returning();
    await recordAudit({
      db: tx,
      actor,
      action: 'tenant.opted_in',
      subjectType: 'tenant',
      subjectId: tenantId,
      details: { reason: why, selfOptedOutAt: tenant.selfOptedOutAt.toISOString() },
      ip,
    });
    return optedIn!;
  });
}
