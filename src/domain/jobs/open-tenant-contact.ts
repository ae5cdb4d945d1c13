import { and, eq, not } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jobs, tenants } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { jobScope } from '../../policy/scope';
import { recordAudit } from '../audit/record-audit';
import { answeredAnonymously } from './get-job';

export interface OpenTenantContactOptions {
  db: Db;
  actor: Actor;
  jobId: number;
  ip?: string;
}

/**
 * The contact data of a job's tenant, for calling back or following up. Every opening is
 * written to the audit log, so privacy officers can see who looked at whom. Contractors may not
 * (ForbiddenError); `null` when the job is absent, out of scope or has no tenant — and when the
 * tenant answered the job's survey anonymously: the job page shows the answers, so contact data
 * opened there would name them (the contact centre still finds the tenant in the tenant list).
 */
export async function openTenantContact({ db, actor, jobId, ip }: OpenTenantContactOptions) {
  authorize(actor, 'tenant-contact.read');
  const [row] = await db
    .select({
      id: tenants.id,
      name: tenants.name,
      email: tenants.email,
      mobile: tenants.mobile,
      preferredChannel: tenants.preferredChannel,
      optedOut: tenants.optedOut,
      selfOptedOutAt: tenants.selfOptedOutAt,
      erasedAt: tenants.erasedAt,
    })
    .from(jobs)
    .innerJoin(tenants, eq(tenants.id, jobs.tenantId))
    .where(and(eq(jobs.id, jobId), jobScope(actor), not(answeredAnonymously)));
  if (!row) return null;
  await recordAudit({
    db,
    actor,
    action: 'tenant_contact.opened',
    subjectType: 'tenant',
    subjectId: row.id,
    details: { jobId },
    ip,
  });
  return row;
}
