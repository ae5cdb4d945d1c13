import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments, jobs, responses, tenants } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize, may } from '../../policy/policy';
import { jobScope } from '../../policy/scope';
import { selectJobs } from './list-jobs';

/**
 * The tenant answered this job's survey without consenting to be named: from then on no staff view
 * puts the tenant's name or contact data next to the job (and with it, next to the answers).
 */
export const answeredAnonymously = sql<boolean>`exists (select 1 from ${responses} where ${responses.jobId} = ${jobs.id} and not ${responses.consent})`;

/**
 * One job with its description and department; the tenant's name only for those who may see
 * tenant contact data, and not once the tenant answered anonymously (`tenant: {anonymous: true}`).
 * `null` when absent or outside the actor's scope.
 */
export async function getJob({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  authorize(actor, 'job.read');
  const [row] = await selectJobs(db, {
    description: jobs.description,
    reportingChannel: jobs.reportingChannel,
    cancelledAt: jobs.cancelledAt,
    department: { id: departments.id, name: departments.name },
    tenant: { id: tenants.id, name: tenants.name },
    anonymous: answeredAnonymously,
  })
    .leftJoin(departments, eq(departments.id, jobs.departmentId))
    .leftJoin(tenants, eq(tenants.id, jobs.tenantId))
    .where(and(eq(jobs.id, id), jobScope(actor)));
  if (!row) return null;
  const { anonymous, ...job } = row;
  if (!may(actor, 'tenant-contact.read')) return { ...job, tenant: null };
  return { ...job, tenant: anonymous && job.tenant ? ({ anonymous: true } as const) : job.tenant };
}
