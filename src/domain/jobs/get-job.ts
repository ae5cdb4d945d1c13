import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments, jobs, tenants } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize, may } from '../../policy/policy';
import { jobScope } from '../../policy/scope';
import { selectJobs } from './list-jobs';

/**
 * One job with its description and department; the tenant's name only for those who may see
 * tenant contact data. `null` when absent or outside the actor's scope.
 */
export async function getJob({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  authorize(actor, 'job.read');
  const [row] = await selectJobs(db, {
    description: jobs.description,
    reportingChannel: jobs.reportingChannel,
    cancelledAt: jobs.cancelledAt,
    department: { id: departments.id, name: departments.name },
    tenant: { id: tenants.id, name: tenants.name },
  })
    .leftJoin(departments, eq(departments.id, jobs.departmentId))
    .leftJoin(tenants, eq(tenants.id, jobs.tenantId))
    .where(and(eq(jobs.id, id), jobScope(actor)));
  if (!row) return null;
  return { ...row, tenant: may(actor, 'tenant-contact.read') ? row.tenant : null };
}
