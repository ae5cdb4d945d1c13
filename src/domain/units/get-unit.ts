import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jobs, units } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize, may } from '../../policy/policy';
import { jobScope, unitScope } from '../../policy/scope';
import { selectJobs } from '../jobs/list-jobs';
import { selectUnits } from './list-units';

const recentJobCount = 10;

/**
 * One home with its most recent jobs — only the jobs the actor may see, so a team leader does not
 * learn about other teams' work through the address. `null` when absent or out of scope.
 */
export async function getUnit({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  authorize(actor, 'masterdata.read');
  const [unit] = await selectUnits(db).where(and(eq(units.id, id), unitScope(actor)));
  if (!unit) return null;
  const recentJobs = may(actor, 'job.read')
    ? await selectJobs(db)
        .where(and(eq(jobs.unitId, id), jobScope(actor)))
        .orderBy(
          sql`coalesce(${jobs.completedAt}, ${jobs.reportedAt}, ${jobs.createdAt}) desc`,
          desc(jobs.id),
        )
        .limit(recentJobCount)
    : [];
  return { ...unit, recentJobs };
}
