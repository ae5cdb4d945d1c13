import { and, sql } from 'drizzle-orm';
import { jobs, responses } from '../../db/schema';
import { metricScope } from '../../policy/scope';
import { rowsOf } from '../ingest/upsert-sql';
import type { MeanMoments } from './mean';
import { responseFilterConditions } from './metric-filters';
import type { MetricRequest } from './metric-request';

/** Days after a job's completion within which a new job of the same trade at the same home means it was not fixed. */
export const REPEAT_JOB_DAYS = 30;

export interface FirstTimeFixSums {
  /** responses whose job is known and completed at least REPEAT_JOB_DAYS ago */
  judged: number;
  fixed: number;
  gradeWhenFixed: MeanMoments;
  gradeWhenNotFixed: MeanMoments;
}

/**
 * First-time fix from job data (docs/METRICS.md): a responded job counts as fixed the first time
 * when no other job of the same trade at the same home was reported within 30 days of its
 * completion. Jobs completed less than 30 days ago are not judged yet; responses the retention
 * unlinked from their job neither. With the grade of the fixed against the others.
 */
export async function firstTimeFixFromJobs(req: MetricRequest): Promise<FirstTimeFixSums> {
  const where = and(metricScope(req.actor, responses), ...responseFilterConditions(req.filters, req.period));
  const [row] = await rowsOf<Record<string, number>>(
    req.db,
    sql`WITH judged AS (
          SELECT ${responses.grade} AS grade, NOT EXISTS (
              SELECT 1 FROM ${jobs} again
              WHERE again.unit_id = j.unit_id AND again.trade = j.trade AND again.id <> j.id
                AND coalesce(again.reported_at, again.created_at) > j.completed_at
                AND coalesce(again.reported_at, again.created_at) <= j.completed_at + make_interval(days => ${REPEAT_JOB_DAYS})
            ) AS fixed
          FROM ${responses} JOIN ${jobs} j ON j.id = ${responses.jobId}
          WHERE ${where ?? sql`true`} AND j.unit_id IS NOT NULL AND j.trade IS NOT NULL
            AND j.completed_at <= now() - make_interval(days => ${REPEAT_JOB_DAYS})
        )
        SELECT count(*)::int AS judged, (count(*) FILTER (WHERE fixed))::int AS fixed,
          (count(grade) FILTER (WHERE fixed))::int AS fixed_n, coalesce(sum(grade) FILTER (WHERE fixed), 0)::float8 AS fixed_sum,
          coalesce(sum(grade * grade) FILTER (WHERE fixed), 0)::float8 AS fixed_sq,
          (count(grade) FILTER (WHERE NOT fixed))::int AS other_n, coalesce(sum(grade) FILTER (WHERE NOT fixed), 0)::float8 AS other_sum,
          coalesce(sum(grade * grade) FILTER (WHERE NOT fixed), 0)::float8 AS other_sq
        FROM judged`,
  );
  const r = (k: string) => Number(row?.[k] ?? 0);
  return {
    judged: r('judged'),
    fixed: r('fixed'),
    gradeWhenFixed: { n: r('fixed_n'), sum: r('fixed_sum'), sumOfSquares: r('fixed_sq') },
    gradeWhenNotFixed: { n: r('other_n'), sum: r('other_sum'), sumOfSquares: r('other_sq') },
  };
}
