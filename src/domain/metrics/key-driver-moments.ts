import { and, sql } from 'drizzle-orm';
import { responses } from '../../db/schema';
import { metricScope } from '../../policy/scope';
import { rowsOf } from '../ingest/upsert-sql';
import type { CrossProductMoments } from './key-drivers';
import { responseFilterConditions } from './metric-filters';
import type { MetricRequest } from './metric-request';

/**
 * n, Σx and Σxᵢxⱼ over the period's responses (in scope) that have the overall grade and an answer
 * to every one of `keys` — variable 0 the grade, 1… the keys — summed in SQL, one row out.
 */
export async function keyDriverMoments(
  req: MetricRequest,
  keys: readonly string[],
): Promise<CrossProductMoments> {
  const where = and(metricScope(req.actor, responses), ...responseFilterConditions(req.filters, req.period));
  const variables = ['v0', ...keys.map((_, i) => `v${i + 1}`)];
  const pivot = keys.map(
    (key, i) =>
      sql`max(a.numeric_value) FILTER (WHERE a.question_key = ${key}) AS ${sql.identifier(`v${i + 1}`)}`,
  );
  const sums = variables.map((v) => sql`coalesce(sum(${sql.identifier(v)}), 0)::float8`);
  const products = variables.flatMap((a, i) =>
    variables.slice(i).map((b) => sql`coalesce(sum(${sql.identifier(a)} * ${sql.identifier(b)}), 0)::float8`),
  );
  const complete = sql.join(
    variables.map((v) => sql`${sql.identifier(v)} IS NOT NULL`),
    sql` AND `,
  );
  const [row] = await rowsOf<{ values: number[] }>(
    req.db,
    sql`WITH pivoted AS (
          SELECT ${responses.grade}::float8 AS v0, ${sql.join(pivot, sql`, `)}
          FROM ${responses} JOIN response_answers a ON a.response_id = ${responses.id}
            AND a.question_key IN (${sql.join(
              keys.map((k) => sql`${k}`),
              sql`, `,
            )})
          WHERE ${where ?? sql`true`} AND ${responses.grade} IS NOT NULL
          GROUP BY ${responses.id}
        )
        SELECT ARRAY[count(*)::float8, ${sql.join([...sums, ...products], sql`, `)}] AS values
        FROM pivoted WHERE ${complete}`,
  );
  const values = (row?.values ?? []).map(Number);
  const n = values[0] ?? 0;
  const k = variables.length;
  const crossProducts = variables.map(() => new Array<number>(k).fill(0));
  let at = 1 + k;
  for (let i = 0; i < k; i++)
    for (let j = i; j < k; j++) {
      crossProducts[i]![j] = values[at] ?? 0;
      crossProducts[j]![i] = values[at] ?? 0;
      at++;
    }
  return { n, sums: values.slice(1, 1 + k), crossProducts };
}
