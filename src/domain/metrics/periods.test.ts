import { getISOWeek, getISOWeekYear, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  periodContaining,
  periodDays,
  previousPeriod,
  rollupPeriodEnd,
  sameTimeLastYear,
  wholeMonths,
  wholeRollupPeriods,
} from './periods';

/** The ISO week a business date lies in, `2026-W53`, as date-fns numbers it (ISO 8601). */
const isoWeek = (date: string) =>
  `${getISOWeekYear(parseISO(date))}-W${String(getISOWeek(parseISO(date))).padStart(2, '0')}`;

describe('periodContaining', () => {
  it('an ISO week runs Monday to Sunday, across the turn of the year', () => {
    // 2026 starts on a Thursday, so it has 53 ISO weeks; 31 December is in its week 53
    expect(periodContaining('week', '2026-12-31')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(isoWeek('2026-12-28')).toBe('2026-W53');
    expect(periodContaining('week', '2027-01-03')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(periodContaining('week', '2027-01-04')).toEqual({ from: '2027-01-04', to: '2027-01-10' });
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    // late December in week 1 of the next ISO year
    expect(periodContaining('week', '2024-12-31')).toEqual({ from: '2024-12-30', to: '2025-01-05' });
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    // a Sunday belongs to the week before it, not to the Monday after
    expect(periodContaining('week', '2026-05-31')).toEqual({ from: '2026-05-25', to: '2026-05-31' });
  });

  it('a month is the calendar month, February 29 days in a leap year', () => {
    expect(periodContaining('month', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodContaining('month', '2025-02-28')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(periodContaining('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('quarters are January–March, April–June, July–September, October–December', () => {
    expect(periodContaining('quarter', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodContaining('quarter', '2026-06-30')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodContaining('quarter', '2026-07-01')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodContaining('quarter', '2026-11-15')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('a year is the calendar year', () => {
    expect(periodContaining('year', '2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('the benchmark year runs 1 September to 31 August', () => {
    expect(periodContaining('benchmark_year', '2026-08-31')).toEqual({
      from: '2025-09-01',
      to: '2026-08-31',
    });
    expect(periodContaining('benchmark_year', '2026-09-01')).toEqual({
      from: '2026-09-01',
      to: '2027-08-31',
    });
    expect(periodContaining('benchmark_year', '2026-01-15')).toEqual({
      from: '2025-09-01',
      to: '2026-08-31',
    });
  });
});

describe('previousPeriod', () => {
  it('a month before a month, whatever its length', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-01-31' })).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
  });

  it('the quarter, year and benchmark year before', () => {
    expect(previousPeriod({ from: '2026-01-01', to: '2026-03-31' })).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(previousPeriod({ from: '2025-09-01', to: '2026-08-31' })).toEqual({
      from: '2024-09-01',
      to: '2025-08-31',
    });
  });

  it('the ISO week before, across the turn of the year', () => {
    expect(previousPeriod({ from: '2027-01-04', to: '2027-01-10' })).toEqual({
      from: '2026-12-28',
      to: '2027-01-03',
    });
    expect(previousPeriod({ from: '2026-12-28', to: '2027-01-03' })).toEqual({
      from: '2026-12-21',
      to: '2026-12-27',
    });
  });

  it('a custom period: the same number of days just before', () => {
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-19' })).toEqual({
      from: '2026-02-28',
      to: '2026-03-09',
    });
    expect(previousPeriod({ from: '2026-05-05', to: '2026-05-05' })).toEqual({
      from: '2026-05-04',
      to: '2026-05-04',
    });
    // half a month to half a month is no whole month: 31 days back
    expect(previousPeriod({ from: '2026-01-15', to: '2026-02-14' })).toEqual({
      from: '2025-12-15',
      to: '2026-01-14',
    });
  });
});

describe('sameTimeLastYear', () => {
  it('the same month a year earlier, February by its own length', () => {
    expect(sameTimeLastYear({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2025-03-01',
      to: '2025-03-31',
    });
    expect(sameTimeLastYear({ from: '2024-02-01', to: '2024-02-29' })).toEqual({
      from: '2023-02-01',
      to: '2023-02-28',
    });
    expect(sameTimeLastYear({ from: '2025-02-01', to: '2025-02-28' })).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
  });

  it('a month or quarter that happens to be whole weeks is still compared with the same month or quarter', () => {
    // February 2027 runs Monday 1 to Sunday 28; the second quarter of 2024 Monday 1 April to Sunday 30 June
    expect(sameTimeLastYear({ from: '2027-02-01', to: '2027-02-28' })).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(sameTimeLastYear({ from: '2024-04-01', to: '2024-06-30' })).toEqual({
      from: '2023-04-01',
      to: '2023-06-30',
    });
    expect(sameTimeLastYear({ from: '2024-01-01', to: '2024-03-31' })).toEqual({
      from: '2023-01-01',
      to: '2023-03-31',
    });
  });

  it('an ISO week: 52 weeks earlier, Monday to Sunday', () => {
    const week22 = periodContaining('week', '2026-05-27');
    const before = sameTimeLastYear(week22);
    expect(before).toEqual({ from: '2025-05-26', to: '2025-06-01' });
    expect(isoWeek(before.from)).toBe('2025-W22');
    // after a 53-week year the 52 weeks land one week number further (the calendar days stay close)
    expect(isoWeek(sameTimeLastYear(periodContaining('week', '2027-01-06')).from)).toBe('2026-W02');
    // two whole weeks stay two whole weeks
    expect(sameTimeLastYear({ from: '2026-06-01', to: '2026-06-14' })).toEqual({
      from: '2025-06-02',
      to: '2025-06-15',
    });
  });

  it('the year and the benchmark year before', () => {
    expect(sameTimeLastYear({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(sameTimeLastYear({ from: '2025-09-01', to: '2026-08-31' })).toEqual({
      from: '2024-09-01',
      to: '2025-08-31',
    });
  });

  it('a custom period: the same dates a year earlier (29 February becomes the 28th)', () => {
    expect(sameTimeLastYear({ from: '2026-03-10', to: '2026-03-19' })).toEqual({
      from: '2025-03-10',
      to: '2025-03-19',
    });
    expect(sameTimeLastYear({ from: '2024-02-29', to: '2024-03-05' })).toEqual({
      from: '2023-02-28',
      to: '2023-03-05',
    });
  });
});

describe('wholeMonths and periodDays', () => {
  it('counts whole months only when the period starts on a first and ends on a last day', () => {
    expect(wholeMonths({ from: '2026-01-01', to: '2026-03-31' })).toBe(3);
    expect(wholeMonths({ from: '2024-02-01', to: '2024-02-29' })).toBe(1);
    expect(wholeMonths({ from: '2024-02-01', to: '2024-02-28' })).toBe(0);
    expect(wholeMonths({ from: '2025-09-01', to: '2026-08-31' })).toBe(12);
    expect(wholeMonths({ from: '2026-01-02', to: '2026-01-31' })).toBe(0);
  });

  it('counts both ends, across the clock change', () => {
    expect(periodDays({ from: '2026-03-29', to: '2026-03-29' })).toBe(1);
    expect(periodDays({ from: '2026-03-01', to: '2026-03-31' })).toBe(31);
    expect(periodDays({ from: '2026-10-01', to: '2026-10-31' })).toBe(31);
    expect(periodDays({ from: '2024-01-01', to: '2024-12-31' })).toBe(366);
  });
});

describe('wholeRollupPeriods', () => {
  it('weeks: the Mondays of the weeks wholly inside', () => {
    expect(wholeRollupPeriods({ from: '2026-01-05', to: '2026-01-18' }, 'week')).toEqual({
      first: '2026-01-05',
      last: '2026-01-12',
    });
    // ragged at both ends: only the week in the middle
    expect(wholeRollupPeriods({ from: '2026-01-06', to: '2026-01-24' }, 'week')).toEqual({
      first: '2026-01-12',
      last: '2026-01-12',
    });
    // across the turn of the year, 2026-W53 included
    expect(wholeRollupPeriods({ from: '2026-12-01', to: '2027-01-10' }, 'week')).toEqual({
      first: '2026-12-07',
      last: '2027-01-04',
    });
  });

  it('weeks: none when no week fits', () => {
    expect(wholeRollupPeriods({ from: '2026-01-06', to: '2026-01-12' }, 'week')).toBeNull();
    expect(wholeRollupPeriods({ from: '2026-01-05', to: '2026-01-10' }, 'week')).toBeNull();
    expect(wholeRollupPeriods({ from: '2026-01-07', to: '2026-01-07' }, 'week')).toBeNull();
  });

  it('months: the first days of the months wholly inside', () => {
    expect(wholeRollupPeriods({ from: '2026-01-01', to: '2026-03-31' }, 'month')).toEqual({
      first: '2026-01-01',
      last: '2026-03-01',
    });
    expect(wholeRollupPeriods({ from: '2026-01-15', to: '2026-03-31' }, 'month')).toEqual({
      first: '2026-02-01',
      last: '2026-03-01',
    });
    expect(wholeRollupPeriods({ from: '2025-12-02', to: '2026-02-27' }, 'month')).toEqual({
      first: '2026-01-01',
      last: '2026-01-01',
    });
    expect(wholeRollupPeriods({ from: '2024-02-01', to: '2024-02-29' }, 'month')).toEqual({
      first: '2024-02-01',
      last: '2024-02-01',
    });
  });

  it('months: none when no month fits', () => {
    expect(wholeRollupPeriods({ from: '2026-01-01', to: '2026-01-30' }, 'month')).toBeNull();
    expect(wholeRollupPeriods({ from: '2026-01-02', to: '2026-02-27' }, 'month')).toBeNull();
    expect(wholeRollupPeriods({ from: '2024-02-01', to: '2024-02-28' }, 'month')).toBeNull();
  });

  it('rollupPeriodEnd: the Sunday of the week, the last day of the month', () => {
    expect(rollupPeriodEnd('2026-12-28', 'week')).toBe('2027-01-03');
    expect(rollupPeriodEnd('2024-02-01', 'month')).toBe('2024-02-29');
  });
});
