import { and, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { answerRollups, responseAnswers, responseRollups, responses, units } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { metricScope } from '../../policy/scope';
import { businessMonthOf, businessWeekOf } from '../business-time/business-time';
import { rowsOf } from '../ingest/upsert-sql';
import {
  attributionConditions,
  type MetricFilters,
  responseFilterConditions,
  rollupsCanFilter,
} from './metric-filters';
import {
  dayAfter,
  dayBefore,
  type Period,
  rollupPeriodEnd,
  wholeMonths,
  wholeRollupPeriods,
} from './periods';

/** What figures are grouped by; `total` is one group. */
export const dimensions = [
  'total',
  'journey',
  'department',
  'team',
  'technician',
  'contractor',
  'trade',
  'week',
  'month',
  'complex',
  'city',
] as const;
export type Dimension = (typeof dimensions)[number];

/** The sums every response figure is computed from (src/domain/metrics/figures.ts). */
export interface ResponseSums {
  responses: number;
  gradeN: number;
  gradeSum: number;
  gradeSumSq: number;
  grade8Plus: number;
  grade6Plus: number;
  grade5OrLess: number;
  npsN: number;
  npsPromoters: number;
  npsDetractors: number;
}

/** The sums of one numeric question's answers. */
export interface AnswerSums {
  questionKey: string;
  questionType: string;
  phase: string | null;
  technicianInfluenceable: boolean | null;
  n: number;
  sum: number;
  sumSq: number;
}

export interface SumsRequest {
  db: Db;
  actor: Actor;
  period: Period;
  filters?: MetricFilters;
  by?: Dimension;
}

const responseMeasures = {
  responses: [sql`sum(responses)`, sql`count(*)`],
  gradeN: [sql`sum(grade_n)`, sql`count(grade)`],
  gradeSum: [sql`sum(grade_sum)`, sql`coalesce(sum(grade), 0)`],
  gradeSumSq: [sql`sum(grade_sum_sq)`, sql`coalesce(sum(grade * grade), 0)`],
  grade8Plus: [sql`sum(grade8_plus)`, sql`count(*) FILTER (WHERE grade >= 8)`],
  grade6Plus: [sql`sum(grade6_plus)`, sql`count(*) FILTER (WHERE grade >= 6)`],
  grade5OrLess: [sql`sum(grade5_or_less)`, sql`count(*) FILTER (WHERE grade <= 5)`],
  npsN: [sql`sum(nps_n)`, sql`count(nps)`],
  npsPromoters: [sql`sum(nps_promoters)`, sql`count(*) FILTER (WHERE nps >= 9)`],
  npsDetractors: [sql`sum(nps_detractors)`, sql`count(*) FILTER (WHERE nps <= 6)`],
} as const satisfies Record<keyof ResponseSums, readonly [SQL, SQL]>;

const answerMeasures = {
  n: [sql`sum(n)`, sql`count(*)`],
  sum: [sql`sum(sum)`, sql`sum(x.numeric_value)`],
  sumSq: [sql`sum(sum_sq)`, sql`sum(x.numeric_value * x.numeric_value)`],
} as const;
const answerKey = sql.raw('question_key, question_type, phase, technician_influenceable');
const rawAnswerKey = sql.raw('x.question_key, x.question_type, x.phase, x.technician_influenceable');

/**
 * Response sums per group for the period, within the actor's scope. Exact at every moment: whole
 * weeks or months come from the rollups, the days at the period's edges and any response not yet
 * rolled up from the responses table, all in one statement (one snapshot) so none counts twice.
 * Filters the rollups do not hold (complex, city, grade band, comment) sum the table alone.
 */
export async function responseSums(req: SumsRequest): Promise<Array<{ key: string | null } & ResponseSums>> {
  const measures = Object.entries(responseMeasures) as Array<[keyof ResponseSums, readonly [SQL, SQL]]>;
  const rows = await rowsOf<Record<string, unknown>>(
    req.db,
    summed(req, {
      rollup: sql`${sql.join(
        measures.map(([name, [rollup]]) => sql`${rollup} AS ${sql.identifier(name)}`),
        sql`, `,
      )} FROM ${responseRollups}`,
      raw: sql`${sql.join(
        measures.map(([name, [, raw]]) => sql`${raw} AS ${sql.identifier(name)}`),
        sql`, `,
      )} FROM ${responses}`,
      outer: sql.join(
        measures.map(([name]) => sql`sum(${sql.identifier(name)})::float8 AS ${sql.identifier(name)}`),
        sql`, `,
      ),
    }),
  );
  return rows.map((r) => ({
    key: (r.key as string | null) ?? null,
    ...(Object.fromEntries(
      measures.map(([name]) => [name, Number(r[name] ?? 0)]),
    ) as unknown as ResponseSums),
  }));
}

/** The numeric answers' sums per question and group, as responseSums sums the responses. */
export async function answerSums(req: SumsRequest): Promise<Array<{ key: string | null } & AnswerSums>> {
  const measures = Object.entries(answerMeasures) as Array<
    [keyof typeof answerMeasures, readonly [SQL, SQL]]
  >;
  const list = (which: 0 | 1) =>
    sql.join(
      measures.map(([name, pair]) => sql`${pair[which]} AS ${sql.identifier(name)}`),
      sql`, `,
    );
  const rows = await rowsOf<Record<string, unknown>>(
    req.db,
    summed(req, {
      rollup: sql`${answerKey}, ${list(0)} FROM ${answerRollups}`,
      raw: sql`${rawAnswerKey}, ${list(1)} FROM ${responses}
        JOIN ${responseAnswers} x ON x.response_id = ${responses.id} AND x.numeric_value IS NOT NULL`,
      outer: sql`${answerKey}, ${sql.join(
        measures.map(([name]) => sql`sum(${sql.identifier(name)})::float8 AS ${sql.identifier(name)}`),
        sql`, `,
      )}`,
      groupExtra: answerKey,
      rawGroupExtra: rawAnswerKey,
    }),
  );
  return rows.map((r) => ({
    key: (r.key as string | null) ?? null,
    questionKey: String(r.question_key),
    questionType: String(r.question_type),
    phase: (r.phase as string | null) ?? null,
    technicianInfluenceable: (r.technician_influenceable as boolean | null) ?? null,
    n: Number(r.n),
    sum: Number(r.sum),
    sumSq: Number(r.sumSq),
  }));
}

interface Parts {
  /** `<measures> FROM <rollup table>` */
  rollup: SQL;
  /** `<measures> FROM responses [JOIN …]` */
  raw: SQL;
  /** the outer select list after the key */
  outer: SQL;
  groupExtra?: SQL;
  rawGroupExtra?: SQL;
}

function summed({ actor, period, filters = {}, by = 'total' }: SumsRequest, parts: Parts): SQL {
  const grain = by === 'week' ? 'week' : by === 'month' || wholeMonths(period) ? 'month' : 'week';
  const whole =
    rollupsCanFilter(filters) && !['complex', 'city'].includes(by) ? wholeRollupPeriods(period, grain) : null;
  const rawWhere = (p: Period, extra?: SQL) =>
    and(metricScope(actor, responses), ...responseFilterConditions(filters, p), extra);
  const group = (extra?: SQL) => (extra ? sql`GROUP BY 1, ${extra}` : sql`GROUP BY 1`);
  const rawPart = (p: Period, extra?: SQL) =>
    sql`SELECT ${rawKey(by)} AS key, ${parts.raw} WHERE ${rawWhere(p, extra) ?? sql`true`} ${group(parts.rawGroupExtra)}`;

  const branches: SQL[] = [];
  if (!whole) branches.push(rawPart(period));
  else {
    const coveredTo = rollupPeriodEnd(whole.last, grain);
    const rollupWhere = and(
      sql`grain = ${grain}`,
      sql`period_start BETWEEN ${whole.first}::date AND ${whole.last}::date`,
      metricScope(actor, rollupColumns),
      ...attributionConditions(rollupColumns, filters),
    );
    branches.push(
      sql`SELECT ${rollupKey(by)} AS key, ${parts.rollup} WHERE ${rollupWhere} ${group(parts.groupExtra)}`,
    );
    if (whole.first > period.from) branches.push(rawPart({ from: period.from, to: dayBefore(whole.first) }));
    if (coveredTo < period.to) branches.push(rawPart({ from: dayAfter(coveredTo), to: period.to }));
    // what the rollups do not hold yet (a partial index finds it)
    branches.push(rawPart({ from: whole.first, to: coveredTo }, sql`NOT ${responses.rolledUp}`));
  }
  return sql`SELECT key, ${parts.outer} FROM (${sql.join(branches, sql` UNION ALL `)}) AS parts
    GROUP BY key${parts.groupExtra ? sql`, ${parts.groupExtra}` : sql``} ORDER BY key`;
}

/** The rollups' attribution columns (both rollup tables name them alike). */
const rollupColumns = {
  journey: sql.raw('journey'),
  departmentId: sql.raw('department_id'),
  teamId: sql.raw('team_id'),
  technicianId: sql.raw('technician_id'),
  contractorId: sql.raw('contractor_id'),
  trade: sql.raw('trade'),
};

function rollupKey(by: Dimension): SQL {
  switch (by) {
    case 'total':
      return sql`NULL::text`;
    case 'week':
    case 'month':
      return sql`period_start::text`;
    case 'journey':
      return sql`journey`;
    case 'trade':
      return sql`trade`;
    case 'complex':
    case 'city':
      throw new Error(`the rollups hold no ${by}`);
    default:
      return sql.raw(`(${by === 'department' ? 'department_id' : `${by}_id`})::text`);
  }
}

function rawKey(by: Dimension): SQL {
  switch (by) {
    case 'total':
      return sql`NULL::text`;
    case 'week':
      return sql`${businessWeekOf(responses.submittedAt)}::text`;
    case 'month':
      return sql`${businessMonthOf(responses.submittedAt)}::text`;
    case 'journey':
      return sql`${responses.journey}`;
    case 'trade':
      return sql`${responses.trade}`;
    case 'city':
      return sql`(select ${units.city} from ${units} where ${units.id} = ${responses.unitId})`;
    case 'complex':
      return sql`${responses.complexId}::text`;
    case 'department':
      return sql`${responses.departmentId}::text`;
    case 'team':
      return sql`${responses.teamId}::text`;
    case 'technician':
      return sql`${responses.technicianId}::text`;
    case 'contractor':
      return sql`${responses.contractorId}::text`;
  }
}
