import { addMonths, addWeeks, formatISO, parseISO, startOfISOWeek } from 'date-fns';
import { authorize } from '../../policy/policy';
import { emptySums, responseFigures } from './figures';
import type { MetricRequest } from './metric-request';
import { comparedPeriods, withTargets } from './overview';
import { responseSums } from './sums';

/** The starts of every week or month the period touches, in order. */
export function periodStarts(from: string, to: string, grain: 'week' | 'month'): string[] {
  const starts: string[] = [];
  const first = grain === 'week' ? startOfISOWeek(parseISO(from)) : parseISO(`${from.slice(0, 7)}-01`);
  for (
    let d = first;
    formatISO(d, { representation: 'date' }) <= to;
    d = grain === 'week' ? addWeeks(d, 1) : addMonths(d, 1)
  )
    starts.push(formatISO(d, { representation: 'date' }));
  return starts;
}

/**
 * The figures per week or month of the period (every one, empty ones with n = 0), each with its
 * interval; the targets in force beside them for the target line. The first and last point cover
 * only the part of their week or month inside the period.
 */
export async function metricsTrend(req: MetricRequest & { grain: 'week' | 'month' }) {
  authorize(req.actor, 'metrics.read');
  const sums = await responseSums({ ...req, by: req.grain });
  const byStart = new Map(sums.map((s) => [s.key, s]));
  const points = periodStarts(req.period.from, req.period.to, req.grain).map((periodStart) => {
    const s = byStart.get(periodStart) ?? emptySums;
    return { periodStart, responses: s.responses, figures: responseFigures(s, req) };
  });
  const total = sums.reduce(
    (all, s) => {
      for (const k of Object.keys(emptySums) as (keyof typeof emptySums)[]) all[k] += s[k];
      return all;
    },
    { ...emptySums },
  );
  const withTarget = await withTargets(req, responseFigures(total, req));
  return {
    grain: req.grain,
    periods: comparedPeriods(req.period),
    minimumN: req.minimumN,
    points,
    targets: { eightPlus: withTarget.eightPlus.target ?? null, grade: withTarget.grade.target ?? null },
  };
}
