import { tzOffset } from '@date-fns/tz';
import { BUSINESS_TIME_ZONE } from '../domain/business-time/business-time';

export interface Day {
  index: number;
  /** YYYY-MM-DD */
  date: string;
  year: number;
  month: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** UTC offset in Amsterdam at midday, e.g. "+01" or "+02" */
  offset: string;
}

/**
 * The days of the demo's history. Timestamps are written as local Amsterdam time with that day's
 * offset: work happens between 7:00 and 23:00, far from the 2–3 a.m. daylight-saving switch, so one
 * offset per day is exact and saves a time-zone lookup per timestamp.
 */
export class Calendar {
  readonly days: Day[] = [];
  /** index of the last day on which jobs are reported (the day before asOf) */
  readonly lastReportDay: number;
  /** index of asOf: work on or after it has not happened yet */
  readonly today: number;

  constructor(asOf: string, years: number, daysAfter = 120) {
    const end = Date.UTC(+asOf.slice(0, 4), +asOf.slice(5, 7) - 1, +asOf.slice(8, 10));
    const start = Date.UTC(+asOf.slice(0, 4) - years, +asOf.slice(5, 7) - 1, +asOf.slice(8, 10));
    for (let t = start, i = 0; t <= end + daysAfter * 86_400_000; t += 86_400_000, i++) {
      const d = new Date(t);
      const offsetMinutes = tzOffset(BUSINESS_TIME_ZONE, new Date(t + 12 * 3_600_000));
      this.days.push({
        index: i,
        date: d.toISOString().slice(0, 10),
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        weekday: d.getUTCDay(),
        offset: `+${String(offsetMinutes / 60).padStart(2, '0')}`,
      });
    }
    this.today = Math.round((end - start) / 86_400_000);
    this.lastReportDay = this.today - 1;
  }

  /** "2024-03-05 09:30:00+01" for a day and a local time in minutes after midnight */
  at(day: number, minutes: number) {
    const d = this.days[day]!;
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return `${d.date} ${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:00${d.offset}`;
  }

  /** the working day (Monday–Friday) `n` working days after `day` */
  addWorkingDays(day: number, n: number) {
    let d = day;
    let left = n;
    while (left > 0 || this.isWeekend(d)) {
      d++;
      if (!this.isWeekend(d)) left--;
    }
    return Math.min(d, this.days.length - 1);
  }

  isWeekend(day: number) {
    const w = this.days[day]?.weekday ?? 1;
    return w === 0 || w === 6;
  }

  /** the day index of a date, or -1 before the start */
  indexOf(date: string) {
    const start = Date.parse(`${this.days[0]!.date}T00:00:00Z`);
    return Math.round((Date.parse(`${date}T00:00:00Z`) - start) / 86_400_000);
  }
}
