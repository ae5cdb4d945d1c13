import type { PeriodKind } from '@contracts';
import { formatDate } from '../../lib/format';
import type { Texts } from './texts';

/**
 * The period a dashboard shows, in words ("december 2026", "week 49, 2026", "benchmarkjaar
 * 2025/2026"), and the dates that step to the period before or after it. The server decides the
 * period's days (src/domain/metrics/periods.ts); this only names what it answered.
 */
export interface Period {
  from: string;
  to: string;
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** ISO 8601 week and its year (the Thursday's year) */
export function isoWeek(date: string): { week: number; year: number } {
  const d = utc(date);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - weekday + 3); // that week's Thursday
  const year = d.getUTCFullYear();
  const firstThursday = utc(`${year}-01-04`);
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  return { week: 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000)), year };
}

export function periodLabel(kind: PeriodKind, period: Period, x: Texts): string {
  const year = Number(period.from.slice(0, 4));
  const month = Number(period.from.slice(5, 7));
  switch (kind) {
    case 'week': {
      const w = isoWeek(period.from);
      return x.week(w.week, w.year);
    }
    case 'month':
      return `${x.months[month - 1]} ${year}`;
    case 'quarter':
      return x.quarter(Math.ceil(month / 3), year);
    case 'year':
      return String(year);
    case 'benchmark_year':
      return x.benchmarkYear(year);
    case 'custom':
      return x.through(formatDate(period.from), formatDate(period.to));
  }
}

/** today in Amsterdam, as the server counts business dates */
export const todayInAmsterdam = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
