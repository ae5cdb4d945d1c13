import { type SQL, sql } from 'drizzle-orm';
import { businessMonthOf, businessWeekOf } from '../business-time/business-time';
import { rowsOf, type Tx } from '../ingest/upsert-sql';

const attribution = sql.raw('journey, department_id, team_id, technician_id, contractor_id, trade');
const rollupKey = sql.raw(
  'grain, period_start, journey, department_id, team_id, technician_id, contractor_id, trade',
);

/**
 * Adds responses not yet rolled up to the week and month rollups, and marks them rolled up, in one
 * statement (one snapshot): each response is added exactly once, however often this runs and in
 * how many processes (a response another transaction is adding is skipped, not waited for). `ids`
 * limits it to those responses (the rollup processor passes the event's); without, it takes the
 * oldest `limit` waiting (the backlog: the demo, history, a rebuild). Returns how many it added.
 */
export async function rollUpResponses(
  tx: Tx,
  { ids, limit = 5000 }: { ids?: number[]; limit?: number } = {},
) {
  const which: SQL = ids
    ? sql`id = ANY(${`{${ids.map(Number).join(',')}}`}::int[]) AND NOT rolled_up`
    : sql`NOT rolled_up`;
  const [result] = await rowsOf<{ added: number }>(
    tx,
    sql`WITH claimed AS (
          UPDATE responses SET rolled_up = true
          WHERE id IN (SELECT id FROM responses WHERE ${which} ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
          RETURNING id, grade, nps, ${attribution},
            ${businessWeekOf(sql.raw('submitted_at'))} AS week, ${businessMonthOf(sql.raw('submitted_at'))} AS month
        ),
        periods AS (
          SELECT c.*, g.grain, CASE g.grain WHEN 'week' THEN c.week ELSE c.month END AS period_start
          FROM claimed c CROSS JOIN (VALUES ('week'), ('month')) AS g(grain)
        ),
        response_sums AS (
          INSERT INTO response_rollups AS r (${rollupKey}, responses, grade_n, grade_sum, grade_sum_sq,
            grade8_plus, grade6_plus, grade5_or_less, nps_n, nps_promoters, nps_detractors)
          SELECT ${rollupKey}, count(*), count(grade), coalesce(sum(grade), 0), coalesce(sum(grade * grade), 0),
            count(*) FILTER (WHERE grade >= 8), count(*) FILTER (WHERE grade >= 6),
            count(*) FILTER (WHERE grade <= 5), count(nps), count(*) FILTER (WHERE nps >= 9),
            count(*) FILTER (WHERE nps <= 6)
          FROM periods GROUP BY ${rollupKey} ORDER BY ${rollupKey}
          ON CONFLICT ON CONSTRAINT response_rollups_key DO UPDATE SET
            responses = r.responses + excluded.responses, grade_n = r.grade_n + excluded.grade_n,
            grade_sum = r.grade_sum + excluded.grade_sum, grade_sum_sq = r.grade_sum_sq + excluded.grade_sum_sq,
            grade8_plus = r.grade8_plus + excluded.grade8_plus, grade6_plus = r.grade6_plus + excluded.grade6_plus,
            grade5_or_less = r.grade5_or_less + excluded.grade5_or_less, nps_n = r.nps_n + excluded.nps_n,
            nps_promoters = r.nps_promoters + excluded.nps_promoters,
            nps_detractors = r.nps_detractors + excluded.nps_detractors
          RETURNING 1
        ),
        answer_sums AS (
          INSERT INTO answer_rollups AS a (${rollupKey}, question_key, question_type, phase,
            technician_influenceable, n, sum, sum_sq)
          SELECT p.grain, p.period_start, p.journey, p.department_id, p.team_id, p.technician_id,
            p.contractor_id, p.trade, x.question_key, x.question_type, x.phase, x.technician_influenceable,
            count(*), sum(x.numeric_value), sum(x.numeric_value * x.numeric_value)
          FROM periods p JOIN response_answers x ON x.response_id = p.id AND x.numeric_value IS NOT NULL
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
          ON CONFLICT ON CONSTRAINT answer_rollups_key DO UPDATE SET
            n = a.n + excluded.n, sum = a.sum + excluded.sum, sum_sq = a.sum_sq + excluded.sum_sq
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM claimed)::int AS added,
          (SELECT count(*) FROM response_sums) + (SELECT count(*) FROM answer_sums) AS rows`,
  );
  return result?.added ?? 0;
}

/**
 * Throws the rollups away and marks every response waiting again: the backlog job then builds them
 * from the tables (after a change to what they hold, or to measure the build).
 */
export async function resetRollups(tx: Tx) {
  await rowsOf(tx, sql`TRUNCATE response_rollups, answer_rollups`);
  await rowsOf(tx, sql`UPDATE responses SET rolled_up = false WHERE rolled_up`);
}
