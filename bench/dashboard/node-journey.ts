import type { Database } from '../../src/db/client';
import { REPEAT_JOB_DAYS } from '../../src/domain/metrics/first-time-fix';
import type { ScreenSpec } from './plan';
import { screenRows } from './sql-parts';

/** The journey's parts of summarising in Node (node-summaries.ts): key-driver moments, first-time fix. */
const DAY_MS = 86_400_000;

/** the responses with a grade and every driver answered: n, Σx, Σxᵢxⱼ */
export function driverMoments(
  keys: string[],
  grades: Array<{ id: number; grade: number }>,
  answers: Array<{ response_id: number; question_key: string; numeric_value: number }>,
) {
  const slot = new Map(keys.map((k, i) => [k, i + 1]));
  const values = new Map<number, Array<number | null>>();
  for (const g of grades) values.set(g.id, [g.grade, ...keys.map(() => null)]);
  for (const a of answers) {
    const i = slot.get(a.question_key);
    const v = i && values.get(a.response_id);
    if (v) v[i] = Math.max(v[i] ?? Number.NEGATIVE_INFINITY, a.numeric_value);
  }
  const k = keys.length + 1;
  const sums = new Array<number>(k).fill(0);
  const crossProducts = sums.map(() => new Array<number>(k).fill(0));
  let n = 0;
  for (const v of values.values()) {
    if (v.some((x) => x === null)) continue;
    n++;
    for (let i = 0; i < k; i++) {
      sums[i]! += v[i]!;
      for (let j = i; j < k; j++) crossProducts[i]![j]! += v[i]! * v[j]!;
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) crossProducts[i]![j] = crossProducts[j]![i]!;
  return { n, sums, crossProducts };
}

/** the responded jobs, and the jobs reported within 30 days after them, matched in Node */
export async function nodeFirstTimeFix(database: Database, spec: ScreenSpec) {
  const q = (text: string) => database.executeSql(text).then((r) => r.rows);
  const responded = await q(
    `SELECT r.grade, j.id, j.unit_id, j.trade, j.completed_at FROM responses r JOIN jobs j ON j.id = r.job_id
     WHERE ${screenRows(spec, 'r.')} AND j.unit_id IS NOT NULL AND j.trade IS NOT NULL
       AND j.completed_at <= now() - interval '${REPEAT_JOB_DAYS} days'`,
  );
  const sums = {
    judged: responded.length,
    fixed: 0,
    gradeWhenFixed: { n: 0, sum: 0, sumOfSquares: 0 },
    gradeWhenNotFixed: { n: 0, sum: 0, sumOfSquares: 0 },
  };
  if (!responded.length) return sums;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const r of responded) {
    first = Math.min(first, r.completed_at.getTime());
    last = Math.max(last, r.completed_at.getTime() + REPEAT_JOB_DAYS * DAY_MS);
  }
  const later = await q(
    `SELECT id, unit_id, trade, coalesce(reported_at, created_at) AS at FROM jobs
     WHERE unit_id IS NOT NULL AND trade IS NOT NULL
       AND coalesce(reported_at, created_at) > '${new Date(first).toISOString()}'::timestamptz
       AND coalesce(reported_at, created_at) <= '${new Date(last).toISOString()}'::timestamptz`,
  );
  const byHomeAndTrade = new Map<string, Array<{ id: number; at: number }>>();
  for (const j of later) {
    const key = `${j.unit_id}|${j.trade}`;
    const list = byHomeAndTrade.get(key) ?? [];
    list.push({ id: j.id, at: j.at.getTime() });
    byHomeAndTrade.set(key, list);
  }
  for (const r of responded) {
    const done = r.completed_at.getTime();
    const fixed = !(byHomeAndTrade.get(`${r.unit_id}|${r.trade}`) ?? []).some(
      (j) => j.id !== r.id && j.at > done && j.at <= done + REPEAT_JOB_DAYS * DAY_MS,
    );
    if (fixed) sums.fixed++;
    if (r.grade === null) continue;
    const m = fixed ? sums.gradeWhenFixed : sums.gradeWhenNotFixed;
    m.n++;
    m.sum += r.grade;
    m.sumOfSquares += r.grade * r.grade;
  }
  return sums;
}
