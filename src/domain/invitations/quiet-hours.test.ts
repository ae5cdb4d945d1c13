import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { openTestDatabase } from '../../test/database';
import { rowsOf } from '../ingest/upsert-sql';
import { inQuietHours, outOfQuietHours } from './quiet-hours';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

async function moved(at: string): Promise<string> {
  const [row] = await rowsOf<{ at: string | Date }>(
    database.db,
    sql`SELECT ${outOfQuietHours(sql`${at}::timestamptz`)} AS at`,
  );
  return new Date(row!.at).toISOString();
}

// instants in UTC; Amsterdam is UTC+1 in winter, UTC+2 in summer (from 31 March 2024 02:00 to 27 October 2024 03:00)
const cases: Array<[string, string, string]> = [
  ['summer afternoon stays', '2024-06-10T12:00:00.000Z', '2024-06-10T12:00:00.000Z'],
  ['08:00 exactly stays', '2024-06-10T06:00:00.000Z', '2024-06-10T06:00:00.000Z'],
  ['20:59:59 stays', '2024-06-10T18:59:59.000Z', '2024-06-10T18:59:59.000Z'],
  ['21:00 moves to the next morning', '2024-06-10T19:00:00.000Z', '2024-06-11T06:00:00.000Z'],
  ['07:59 moves to 08:00 the same day', '2024-06-10T05:59:00.000Z', '2024-06-10T06:00:00.000Z'],
  ['just after midnight moves to 08:00 that day', '2024-06-10T22:30:00.000Z', '2024-06-11T06:00:00.000Z'],
  ['winter 21:00 moves to 08:00 winter time', '2024-01-10T20:00:00.000Z', '2024-01-11T07:00:00.000Z'],
  ['the evening before summer time starts', '2024-03-30T21:00:00.000Z', '2024-03-31T06:00:00.000Z'],
  ['01:30 on the night summer time starts', '2024-03-31T00:30:00.000Z', '2024-03-31T06:00:00.000Z'],
  ['the evening before winter time starts', '2024-10-26T20:30:00.000Z', '2024-10-27T07:00:00.000Z'],
  ['02:30 summer time in the repeated hour', '2024-10-27T00:30:00.000Z', '2024-10-27T07:00:00.000Z'],
  ['02:30 winter time in the repeated hour', '2024-10-27T01:30:00.000Z', '2024-10-27T07:00:00.000Z'],
  ['the first winter evening', '2024-10-27T20:00:00.000Z', '2024-10-28T07:00:00.000Z'],
  ['the first winter evening, 20:59', '2024-10-27T19:59:00.000Z', '2024-10-27T19:59:00.000Z'],
  ['new year’s eve moves into the new year', '2024-12-31T22:00:00.000Z', '2025-01-01T07:00:00.000Z'],
];

describe('quiet hours 21:00–08:00 Europe/Amsterdam', () => {
  it.each(cases)('%s (%s → %s)', async (_name, at, expected) => {
    expect(await moved(at)).toBe(expected);
    // the dispatcher's check agrees with the scheduler's arithmetic
    expect(inQuietHours(new Date(at))).toBe(at !== expected);
    expect(inQuietHours(new Date(expected))).toBe(false);
  });

  it('knows the hour boundaries in summer and winter', () => {
    expect(inQuietHours(new Date('2024-07-01T18:59:59Z'))).toBe(false); // 20:59:59 CEST
    expect(inQuietHours(new Date('2024-07-01T19:00:00Z'))).toBe(true); // 21:00 CEST
    expect(inQuietHours(new Date('2024-12-01T19:30:00Z'))).toBe(false); // 20:30 CET
    expect(inQuietHours(new Date('2024-12-01T20:00:00Z'))).toBe(true); // 21:00 CET
    expect(inQuietHours(new Date('2024-12-01T06:59:00Z'))).toBe(true); // 07:59 CET
    expect(inQuietHours(new Date('2024-12-01T07:00:00Z'))).toBe(false); // 08:00 CET
  });
});
