import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './fields';

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
