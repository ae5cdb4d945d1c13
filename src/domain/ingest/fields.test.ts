import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { fastParser, parseTimestamp } from './fields';
import { ZComplexRow, ZEmployeeRow, ZJobRow, ZTeamRow, ZTenantRow, ZUnitRow } from './row-schemas';

describe('parseTimestamp', () => {
  it('reads Amsterdam wall time right around the DST changes (the offset is remembered per hour)', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    for (const [y, mo, d] of [
      [2024, 3, 31],
      [2024, 10, 27],
      [2025, 3, 30],
      [2024, 7, 1],
    ] as const) {
      for (const [h, mi] of [
        [1, 59],
        [2, 0],
        [2, 30],
        [2, 59],
        [3, 0],
        [3, 1],
        [23, 59],
      ] as const) {
        const want = new TZDate(y, mo - 1, d, h, mi, 0, 'Europe/Amsterdam').getTime();
        for (const text of [
          `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}`,
          `${d}-${mo}-${y} ${h}:${pad(mi)}`,
        ])
          expect(parseTimestamp(text)?.getTime(), text).toBe(want);
      }
    }
    expect(parseTimestamp('05-03-2024 14:30')?.toISOString()).toBe('2024-03-05T13:30:00.000Z');
    expect(parseTimestamp('2024-07-01 14:30')?.toISOString()).toBe('2024-07-01T12:30:00.000Z');
    expect(parseTimestamp('31-02-2024')).toBeNull();
  });
});

describe('fastParser', () => {
  // cells as files hold them: each row gets one of these per field, so valid and invalid mix
  const cells = [
    '',
    ' ',
    'x',
    ' Reparatie ',
    'repair',
    'gereed',
    'completed',
    'Afgemeld',
    'foo',
    'ja',
    'Nee',
    '1',
    'maybe',
    '05-03-2024 14:30',
    '2024-03-06',
    '2024-03-05T14:30:00+01:00',
    '31-02-2024',
    '2024-13-01',
    '3511ab',
    '3511 AB',
    'x'.repeat(120),
    'telefoon',
    'technician',
    'vakman',
    'T1',
    'web',
  ];
  it('accepts exactly what zod accepts and returns what zod returns, for every kind the import reads fast', () => {
    const schemas = [ZJobRow, ZTeamRow, ZEmployeeRow, ZComplexRow, ZUnitRow, ZTenantRow];
    for (const schema of schemas) {
      let accepted = 0;
      const parse = fastParser(schema as never)!;
      expect(parse).toBeTypeOf('function');
      const shape = schema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
      const fields = Object.keys(shape);
      for (let k = 0; k < 4000; k++) {
        const raw: Record<string, string> = {};
        fields.forEach((f, i) => {
          // odd rows: only cells that field accepts on its own, so whole rows pass too
          const pool = k % 2 ? cells.filter((c) => shape[f]!.safeParse(c).success) : cells;
          raw[f] = pool[(k * (i + 3) + i * i + (k >> i)) % pool.length]!;
        });
        if (k % 3 === 0) raw[fields[0]!] = `K-${k}`;
        const zod = schema.safeParse(raw);
        const quick = parse(raw);
        if (!zod.success) expect(quick, JSON.stringify(raw)).toBeNull();
        else {
          expect(quick, JSON.stringify(raw)).toStrictEqual(zod.data);
          accepted++;
        }
      }
      expect(accepted).toBeGreaterThan(20);
    }
  });
});
