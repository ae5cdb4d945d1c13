import type { Database } from '../../src/db/client';
import type { Period } from '../../src/domain/metrics/periods';
import type { AnswerSums, ResponseSums } from '../../src/domain/metrics/sums';
import type { ScreenSpec } from './plan';

/**
 * Pieces of the references' SQL over the raw tables. Values are checked and written into the text
 * (dates YYYY-MM-DD, integer ids): both drivers then plan with the real values, as the app's
 * unnamed statements are planned.
 */
const date = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`not a date: ${d}`);
  return `'${d}'::date`;
};
export const ids = (list: readonly number[]) =>
  `'{${list.map((n) => Number.parseInt(String(n), 10)).join(',')}}'::int[]`;

/** `column` lies on the business dates of the period (Europe/Amsterdam), as the app's onBusinessDates. */
export const on = (period: Period, column = 'submitted_at') =>
  `${column} >= (${date(period.from)}::timestamp AT TIME ZONE 'Europe/Amsterdam') AND ${column} < ((${date(period.to)} + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;

/** The scope on a table with attribution columns (`alias.` prefix). */
export const scope = (spec: ScreenSpec, alias = '') =>
  spec.teamIds ? `${alias}team_id = ANY(${ids(spec.teamIds)})` : 'true';

/** The screen's rows: journey, scope and (by default) the current period, on `alias`'s columns. */
export const screenRows = (
  spec: ScreenSpec,
  alias = '',
  period = on(spec.periods.current, `${alias}submitted_at`),
) => `${alias}journey = '${spec.journey}' AND ${scope(spec, alias)} AND ${period}`;

/**
 * One condition covering the current, previous and last year's period: a single range when they
 * touch (a year and the year before), else the three ranges.
 */
export function covering({ current, previous, lastYear }: ScreenSpec['periods'], column?: string) {
  const contiguous =
    previous.from === lastYear.from && previous.to === lastYear.to && nextDay(previous.to) === current.from;
  return contiguous
    ? on({ from: previous.from, to: current.to }, column)
    : `(${[current, previous, lastYear].map((p) => `(${on(p, column)})`).join(' OR ')})`;
}
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Whether last year's period is the previous one (a year): then it is summed once. */
export const lastYearIsPrevious = ({ previous, lastYear }: ScreenSpec['periods']) =>
  previous.from === lastYear.from && previous.to === lastYear.to;

/** name, aggregate, the rows it counts (besides the caller's), whether none sums to 0 */
const measures: Array<[keyof ResponseSums, string, string | null, boolean]> = [
  ['responses', 'count(*)', null, false],
  ['gradeN', 'count(grade)', null, false],
  ['gradeSum', 'sum(grade)', null, true],
  ['gradeSumSq', 'sum(grade * grade)', null, true],
  ['grade8Plus', 'count(*)', 'grade >= 8', false],
  ['grade6Plus', 'count(*)', 'grade >= 6', false],
  ['grade5OrLess', 'count(*)', 'grade <= 5', false],
  ['npsN', 'count(nps)', null, false],
  ['npsPromoters', 'count(*)', 'nps >= 9', false],
  ['npsDetractors', 'count(*)', 'nps <= 6', false],
];

/** The sums of ResponseSums as select-list items `<prefix>_<name>`, each counting only rows where `when`. */
export function sumColumns(prefix: string, when?: string) {
  return measures
    .map(([name, aggregate, extra, orZero]) => {
      const condition = [when, extra].filter(Boolean).join(' AND ');
      const filtered = condition ? `${aggregate} FILTER (WHERE ${condition})` : aggregate;
      return `${orZero ? `coalesce(${filtered}, 0)` : filtered} AS "${prefix}_${name}"`;
    })
    .join(', ');
}

/** The ResponseSums of one prefix from a row. */
export function sumsOf(row: Record<string, unknown> | undefined, prefix: string): ResponseSums {
  return Object.fromEntries(
    measures.map(([name]) => [name, Number(row?.[`${prefix}_${name}`] ?? 0)]),
  ) as unknown as ResponseSums;
}

export const addSums = (a: ResponseSums, b: ResponseSums): ResponseSums =>
  Object.fromEntries(measures.map(([name]) => [name, a[name] + b[name]])) as unknown as ResponseSums;

/** The numeric answers' sums per question of the period's responses in scope. */
export async function answerSumsSql(database: Database, spec: ScreenSpec): Promise<AnswerSums[]> {
  const { rows } = await database.executeSql(
    `SELECT a.question_key, a.question_type, a.phase, a.technician_influenceable,
       count(*) AS n, sum(a.numeric_value) AS sum, sum(a.numeric_value * a.numeric_value) AS sum_sq
     FROM responses r JOIN response_answers a ON a.response_id = r.id
     WHERE r.journey = '${spec.journey}' AND ${scope(spec, 'r.')} AND ${on(spec.periods.current, 'r.submitted_at')}
       AND a.numeric_value IS NOT NULL
     GROUP BY 1, 2, 3, 4`,
  );
  return rows.map((r) => ({
    questionKey: r.question_key,
    questionType: r.question_type,
    phase: r.phase,
    technicianInfluenceable: r.technician_influenceable,
    n: Number(r.n),
    sum: Number(r.sum),
    sumSq: Number(r.sum_sq),
  }));
}

/** The satisfaction targets in force for the year and journey (one query for all four). */
export async function targetsSql(database: Database, spec: ScreenSpec) {
  const year = Number(spec.periods.current.to.slice(0, 4));
  const { rows } = await database.executeSql(
    `SELECT metric, value, department_id, team_id, contractor_id FROM targets
     WHERE year = ${year} AND journey = '${spec.journey}' AND replaced_at IS NULL`,
  );
  return rows;
}
