import { TZDate } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { type SQL, sql } from 'drizzle-orm';

/**
 * Business time in one place. Days, ISO weeks, months and "today" are those of the corporation's wall
 * clock in Europe/Amsterdam, whatever the host's or the database session's time zone: a response at
 * 23:30 on Sunday in summer belongs to that Sunday's week, not to Monday's (as UTC would have it).
 * Lists, retention, scoping, dashboards and weekly overviews all take their periods from here.
 */
export const BUSINESS_TIME_ZONE = 'Europe/Amsterdam';

const zone = sql.raw(`'${BUSINESS_TIME_ZONE}'`);
type Instant = unknown;

/** The moment on Amsterdam's wall clock (timestamp without time zone). */
export const localTime = (at: Instant) => sql`(${at} AT TIME ZONE ${zone})`;

/** The business date (YYYY-MM-DD as `date`) a moment falls on. */
export const businessDateOf = (at: Instant) => sql`(${localTime(at)})::date`;

/** Today's business date. */
export const businessToday = sql`((now() AT TIME ZONE ${zone})::date)`;

/** The instant (timestamptz) a business date starts: 00:00 in Amsterdam, summer or winter time. */
export const startOfBusinessDate = (date: Instant) =>
  sql`(((${date})::date)::timestamp AT TIME ZONE ${zone})`;

/** The instant the business date after `date` starts: the exclusive end of "up to and including `date`". */
export const endOfBusinessDate = (date: Instant) =>
  sql`((((${date})::date + 1))::timestamp AT TIME ZONE ${zone})`;

/** `at` lies on business dates `from`..`to`, both inclusive (either may be absent). */
export function onBusinessDates(at: Instant, from?: string | null, to?: string | null): SQL | undefined {
  const parts = [
    from ? sql`${at} >= ${startOfBusinessDate(sql`${from}`)}` : undefined,
    to ? sql`${at} < ${endOfBusinessDate(sql`${to}`)}` : undefined,
  ].filter((p): p is SQL => !!p);
  return parts.length ? sql.join(parts, sql` AND `) : undefined;
}

/** The instant the moment's business day started: keeps the day, drops the time. */
export const startOfBusinessDay = (at: Instant) =>
  sql`(date_trunc('day', ${localTime(at)}) AT TIME ZONE ${zone})`;

/** The Monday (as `date`) of the ISO week the moment falls in, in Amsterdam. */
export const businessWeekOf = (at: Instant) => sql`(date_trunc('week', ${localTime(at)}))::date`;

/** The ISO week the moment falls in, as text `2026-W49` (ISO year, which differs near New Year). */
export const businessIsoWeekOf = (at: Instant) => sql`to_char(${localTime(at)}, 'IYYY-"W"IW')`;

/** The first day (as `date`) of the month the moment falls in, in Amsterdam. */
export const businessMonthOf = (at: Instant) => sql`(date_trunc('month', ${localTime(at)}))::date`;

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The business date of an instant in JavaScript, as `YYYY-MM-DD`. */
export const businessDate = (at: Date = new Date()) => dateFormat.format(at);

/** The ISO week of an instant in Amsterdam, as `2026-W49`. */
export function businessIsoWeek(at: Date = new Date()) {
  const local = new TZDate(at.getTime(), BUSINESS_TIME_ZONE);
  return `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
}
