import { type SQL, sql } from 'drizzle-orm';
import { BUSINESS_TIME_ZONE } from '../business-time/business-time';

/**
 * No survey reaches a tenant between 21:00 and 08:00 Europe/Amsterdam (fixed by the product, not a
 * setting). Both the scheduler (SQL, set-based) and the dispatcher (JS, one instant) use these.
 */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;

const hourFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: BUSINESS_TIME_ZONE,
  hour: '2-digit',
  hourCycle: 'h23',
});

let quietHoursKept = true;

/**
 * Tests only: from now on this process sends surveys at any hour. The server calls it when the
 * configuration says TEST_SEND_IN_QUIET_HOURS=yes, which src/config.ts refuses outside NODE_ENV=test;
 * the browser journey uses it so that it passes at night too.
 */
export function sendInQuietHoursForTests() {
  quietHoursKept = false;
}

/** Whether `at` falls in the quiet hours, on Amsterdam's wall clock (summer and winter time alike). */
export function inQuietHours(at: Date): boolean {
  if (!quietHoursKept) return false;
  const hour = Number(hourFormat.format(at));
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/**
 * SQL: the timestamptz `at`, or — when it falls in the quiet hours — the next 08:00 on Amsterdam's
 * wall clock. Computed on the local date and converted back with AT TIME ZONE, so DST days come out
 * right (08:00 exists on every day; the clock changes at 02:00/03:00).
 */
export function outOfQuietHours(at: SQL): SQL {
  if (!quietHoursKept) return sql`(${at})::timestamptz`;
  const zone = sql.raw(`'${BUSINESS_TIME_ZONE}'`);
  const from = sql.raw(`time '${QUIET_FROM_HOUR}:00'`);
  const until = sql.raw(`time '${String(QUIET_UNTIL_HOUR).padStart(2, '0')}:00'`);
  return sql`(SELECT CASE
      WHEN q.local::time >= ${from} THEN ((q.local::date + 1) + ${until}) AT TIME ZONE ${zone}
      WHEN q.local::time < ${until} THEN (q.local::date + ${until}) AT TIME ZONE ${zone}
      ELSE q.at END
    FROM (SELECT (${at})::timestamptz AS at, (${at})::timestamptz AT TIME ZONE ${zone} AS local) q)`;
}
