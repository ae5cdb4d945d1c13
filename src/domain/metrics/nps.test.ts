import { describe, expect, it } from 'vitest';
import { npsChange, npsOf, npsWithInterval } from './nps';

describe('NPS with adjusted-Wald interval', () => {
  it('is % promoters − % detractors', () => {
    expect(npsOf({ n: 200, promoters: 22, detractors: 110 })).toBe(-44);
    expect(npsOf({ n: 3, promoters: 3, detractors: 0 })).toBe(100);
  });

  it('follows the MeasuringU adjusted-Wald steps (n + 3, ¾ promoter, ¾ detractor), worked by hand', () => {
    // n = 100, 40 promoters, 20 detractors:
    //   n.adj = 103, ppro.adj = 40.75/103 = 0.3956311, pdet.adj = 20.75/103 = 0.2014563
    //   nps.adj = 0.1941748, var.adj = 0.3956311 + 0.2014563 − 0.1941748² = 0.5593836
    //   se.adj = √(0.5593836/103) = 0.0736942, margin = 1.959964 × 0.0736942 = 0.1444390
    //   interval 0.0497358 … 0.3386138, i.e. 4.97 … 33.86 on the NPS scale; the NPS itself stays 20
    const estimate = npsWithInterval({ n: 100, promoters: 40, detractors: 20 });
    expect(estimate.nps).toBe(20);
    expect(estimate.interval.lower).toBeCloseTo(4.97358, 4);
    expect(estimate.interval.upper).toBeCloseTo(33.86138, 4);
    expect(estimate.confidence).toBe(0.95);
  });

  it('keeps the interval on −100…100 and gives an interval even where all answers agree', () => {
    const allPromoters = npsWithInterval({ n: 10, promoters: 10, detractors: 0 });
    expect(allPromoters.nps).toBe(100);
    expect(allPromoters.interval.upper).toBe(100);
    expect(allPromoters.interval.lower).toBeGreaterThan(40);
    expect(allPromoters.interval.lower).toBeLessThan(100);
  });

  it('refuses counts that cannot be', () => {
    expect(() => npsWithInterval({ n: 10, promoters: 6, detractors: 5 })).toThrow(/exceed/);
    expect(() => npsWithInterval({ n: 0, promoters: 0, detractors: 0 })).toThrow(RangeError);
  });
});

describe('change in NPS (adjusted Wald for two NPS)', () => {
  it('combines both periods’ adjusted variances, worked by hand', () => {
    // previous n = 100: 20 promoters, 40 detractors → nps.adj = −0.1941748, var.adj = 0.5593836/103
    // current  n = 100: 40 promoters, 20 detractors → nps.adj = +0.1941748, same variance
    //   centre 0.3883495, margin 1.959964 × √(2 × 0.5593836/103) = 0.2042677 → 18.41 … 59.26
    const change = npsChange({
      previous: { n: 100, promoters: 20, detractors: 40 },
      current: { n: 100, promoters: 40, detractors: 20 },
    });
    expect(change.difference).toBe(40);
    expect(change.interval.lower).toBeCloseTo(18.40818, 3);
    expect(change.interval.upper).toBeCloseTo(59.26173, 3);
    expect(change.significant).toBe(true);
  });

  it('is not significant when the intervals are wide', () => {
    const change = npsChange({
      previous: { n: 12, promoters: 4, detractors: 5 },
      current: { n: 14, promoters: 6, detractors: 4 },
    });
    expect(change.difference).toBeCloseTo(100 * (2 / 14 - -1 / 12), 12);
    expect(change.interval.lower).toBeLessThan(0);
    expect(change.significant).toBe(false);
  });
});
