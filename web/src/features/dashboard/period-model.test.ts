import { describe, expect, it } from 'vitest';
import { addDays, isoWeek, periodLabel } from './period-model';
import { texts } from './texts';

describe('periods in words', () => {
  it('counts ISO weeks, whose year is their Thursday’s', () => {
    expect(isoWeek('2026-12-07')).toEqual({ week: 50, year: 2026 });
    expect(isoWeek('2027-01-01')).toEqual({ week: 53, year: 2026 });
    expect(isoWeek('2024-12-30')).toEqual({ week: 1, year: 2025 });
  });

  it('names each kind of period, and steps over month ends', () => {
    const x = texts.nl;
    expect(periodLabel('month', { from: '2026-12-01', to: '2026-12-31' }, x)).toBe('december 2026');
    expect(periodLabel('quarter', { from: '2026-10-01', to: '2026-12-31' }, x)).toBe('4e kwartaal 2026');
    expect(periodLabel('benchmark_year', { from: '2025-09-01', to: '2026-08-31' }, x)).toBe(
      'benchmarkjaar 2025/2026',
    );
    expect(periodLabel('custom', { from: '2026-01-01', to: '2026-03-31' }, x)).toBe(
      '01-01-2026 t/m 31-03-2026',
    );
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
