import {
  addDays,
  addMonths,
  addYears,
  differenceInCalendarDays,
  endOfMonth,
  formatISO,
  parseISO,
  startOfISOWeek,
} from 'date-fns';
import { type PeriodKind, periodKinds } from '../../contracts/metrics';
import { businessDate } from '../business-time/business-time';

/** Business dates (Europe/Amsterdam) `YYYY-MM-DD`, both inclusive. */
export interface Period {
  from: string;
  to: string;
}

export { type PeriodKind, periodKinds };

const day = (date: string) => parseISO(date);
const iso = (date: Date) => formatISO(date, { representation: 'date' });

/**
 * The period of `kind` that holds business date `at` (default today), from its first day up to and
 * including its last: an ISO week (Monday–Sunday), a month, a quarter, a calendar year, or the
 * sector's benchmark year (1 September – 31 August, as the Aedes benchmark measures).
 */
export function periodContaining(kind: Exclude<PeriodKind, 'custom'>, at = businessDate()): Period {
  const d = day(at);
  const y = d.getFullYear();
  const m = d.getMonth();
  switch (kind) {
    case 'week': {
      const monday = startOfISOWeek(d);
      return { from: iso(monday), to: iso(addDays(monday, 6)) };
    }
    case 'month':
      return { from: iso(new Date(y, m, 1)), to: iso(endOfMonth(d)) };
    case 'quarter': {
      const first = new Date(y, m - (m % 3), 1);
      return { from: iso(first), to: iso(endOfMonth(addMonths(first, 2))) };
    }
    case 'year':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
    case 'benchmark_year': {
      const start = m >= 8 ? y : y - 1;
      return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
    }
  }
}

/** How many days the period spans. */
export const periodDays = (p: Period) => differenceInCalendarDays(day(p.to), day(p.from)) + 1;

/**
 * The period just before, of the same length — a whole month, quarter or year before when the
 * period is one (March before April, not the 30 days before it).
 */
export function previousPeriod(p: Period): Period {
  const months = wholeMonths(p);
  if (months) {
    const from = addMonths(day(p.from), -months);
    return { from: iso(from), to: iso(endOfMonth(addMonths(from, months - 1))) };
  }
  const days = periodDays(p);
  return { from: iso(addDays(day(p.from), -days)), to: iso(addDays(day(p.from), -1)) };
}

/** The same period a year earlier (ISO weeks shift by 52 weeks, so they stay Monday–Sunday). */
export function sameTimeLastYear(p: Period): Period {
  // a month or quarter that happens to run Monday to Sunday (February 2027) is still a month
  const months = wholeMonths(p);
  if (!months && isWholeWeeks(p))
    return { from: iso(addDays(day(p.from), -364)), to: iso(addDays(day(p.to), -364)) };
  const from = addYears(day(p.from), -1);
  const to = months ? endOfMonth(addMonths(from, months - 1)) : addYears(day(p.to), -1);
  return { from: iso(from), to: iso(to) };
}

/** The number of whole months the period is (1 April – 30 June: 3), or 0 if it is not whole months. */
export function wholeMonths(p: Period) {
  const from = day(p.from);
  const to = day(p.to);
  if (from.getDate() !== 1 || iso(endOfMonth(to)) !== p.to) return 0;
  return (to.getFullYear() - from.getFullYear()) * 12 + to.getMonth() - from.getMonth() + 1;
}

const isWholeWeeks = (p: Period) => day(p.from).getDay() === 1 && periodDays(p) % 7 === 0;

/** The first day of each week (Mondays) or month wholly inside the period: what a rollup covers. */
export function wholeRollupPeriods(
  p: Period,
  grain: 'week' | 'month',
): { first: string; last: string } | null {
  const from = day(p.from);
  const to = day(p.to);
  if (grain === 'week') {
    const monday = startOfISOWeek(from);
    const first = iso(monday) === p.from ? monday : addDays(monday, 7);
    const lastMonday = startOfISOWeek(to);
    const last = iso(addDays(lastMonday, 6)) === p.to ? lastMonday : addDays(lastMonday, -7);
    return first <= last ? { first: iso(first), last: iso(last) } : null;
  }
  const first =
    from.getDate() === 1
      ? new Date(from.getFullYear(), from.getMonth(), 1)
      : addMonths(new Date(from.getFullYear(), from.getMonth(), 1), 1);
  const lastStart = new Date(to.getFullYear(), to.getMonth(), 1);
  const last = iso(endOfMonth(to)) === p.to ? lastStart : addMonths(lastStart, -1);
  return first <= last ? { first: iso(first), last: iso(last) } : null;
}

/** The last day of the week or month that starts on `first`. */
export function rollupPeriodEnd(first: string, grain: 'week' | 'month') {
  return grain === 'week' ? iso(addDays(day(first), 6)) : iso(endOfMonth(day(first)));
}

/** The day before / after a business date. */
export const dayBefore = (date: string) => iso(addDays(day(date), -1));
export const dayAfter = (date: string) => iso(addDays(day(date), 1));
