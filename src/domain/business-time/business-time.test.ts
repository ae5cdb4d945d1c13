import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { openTestDatabase } from '../../test/database';
import { rowsOf } from '../ingest/upsert-sql';
import {
  businessDate,
  businessDateOf,
  businessIsoWeek,
  businessIsoWeekOf,
  businessMonthOf,
  businessToday,
  businessWeekOf,
  onBusinessDates,
  startOfBusinessDate,
  startOfBusinessDay,
} from './business-time';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** Runs a query in a session whose own zone is far from Amsterdam's: it must not matter. */
const rowsFarAway = <T>(query: SQL) =>
  database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL TIME ZONE 'America/Los_Angeles'`);
    return rowsOf<T>(tx, query);
  });

interface Periods {
  date: string;
  week: string;
  iso_week: string;
  month: string;
  day_start: string;
}
async function periodsOf(at: string): Promise<Periods> {
  const instant = sql`${at}::timestamptz`;
  const [row] = await rowsFarAway<Periods>(
    sql`SELECT ${businessDateOf(instant)}::text AS date, ${businessWeekOf(instant)}::text AS week,
      ${businessIsoWeekOf(instant)} AS iso_week, ${businessMonthOf(instant)}::text AS month,
      to_char(${startOfBusinessDay(instant)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') AS day_start`,
  );
  return row!;
}

describe('business time (Europe/Amsterdam) in SQL and JavaScript', () => {
  it('puts a Sunday night in summer in that Sunday’s day, week and month, not in UTC’s', async () => {
    // 2026-05-31 23:30 CEST = 21:30 UTC; in Los Angeles still the afternoon
    const at = '2026-05-31T21:30:00Z';
    expect(await periodsOf(at)).toEqual({
      date: '2026-05-31',
      week: '2026-05-25',
      iso_week: '2026-W22',
      month: '2026-05-01',
      day_start: '2026-05-30T22:00Z',
    });
    expect(businessDate(new Date(at))).toBe('2026-05-31');
    expect(businessIsoWeek(new Date(at))).toBe('2026-W22');
    // ten minutes past midnight in Amsterdam is the next day, the next week and the next month
    const monday = '2026-05-31T22:10:00Z';
    expect(await periodsOf(monday)).toMatchObject({
      date: '2026-06-01',
      week: '2026-06-01',
      month: '2026-06-01',
    });
    expect(businessIsoWeek(new Date(monday))).toBe('2026-W23');
  });

  it('starts days at local midnight on the days the clocks change', async () => {
    // 29 March 2026 has 23 hours, 25 October 2026 has 25
    const [row] = await rowsFarAway<{
      spring: string;
      autumn: string;
      autumn_end: string;
    }>(sql`SELECT to_char(${startOfBusinessDate(sql`'2026-03-29'`)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS spring,
        to_char(${startOfBusinessDate(sql`'2026-10-25'`)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS autumn,
        to_char(${startOfBusinessDate(sql`'2026-10-26'`)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS autumn_end`);
    expect(row).toEqual({
      spring: '2026-03-28T23:00',
      autumn: '2026-10-24T22:00',
      autumn_end: '2026-10-25T23:00',
    });
  });

  it('takes the ISO year near New Year, as JavaScript does', async () => {
    // Friday 1 January 2027 belongs to ISO week 53 of 2026; Monday 29 December 2025 to week 1 of 2026
    for (const [at, week] of [
      ['2027-01-01T10:00:00Z', '2026-W53'],
      ['2025-12-29T10:00:00Z', '2026-W01'],
      ['2026-12-31T23:30:00Z', '2026-W53'],
    ] as const) {
      expect((await periodsOf(at)).iso_week).toBe(week);
      expect(businessIsoWeek(new Date(at))).toBe(week);
    }
  });

  it('selects moments on business dates, both ends inclusive', async () => {
    const moments = [
      '2026-05-31T21:59:59Z', // 23:59:59 on 31 May
      '2026-05-31T22:00:00Z', // 00:00 on 1 June
      '2026-06-30T21:59:00Z', // 23:59 on 30 June
      '2026-06-30T22:00:00Z', // 00:00 on 1 July
    ];
    const inJune = await rowsFarAway<{ at: string }>(
      sql`SELECT m.at::text AS at FROM (VALUES ${sql.join(
        moments.map((m) => sql`(${m}::timestamptz)`),
        sql`, `,
      )}) AS m(at) WHERE ${onBusinessDates(sql`m.at`, '2026-06-01', '2026-06-30')} ORDER BY m.at`,
    );
    expect(inJune).toHaveLength(2);
    expect(onBusinessDates(sql`x`, null, undefined)).toBeUndefined();
  });

  it('agrees with JavaScript on today', async () => {
    const [row] = await rowsFarAway<{ today: string }>(sql`SELECT ${businessToday}::text AS today`);
    // around midnight the two reads may straddle it; then the next day is the right answer
    const before = businessDate();
    expect([before, businessDate(new Date(Date.now() + 60_000))]).toContain(row!.today);
  });
});
