import { describe, expect, it } from 'vitest';
import { shareChange, shareWithInterval, wilsonInterval } from './proportion';

describe('share with Wilson score interval', () => {
  // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Statistics in Medicine 17:857–872, Table I, method 3 (score, no continuity correction).
  const newcombeTableI: Array<[number, number, number, number]> = [
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1],
  ];
  for (const [successes, n, lower, upper] of newcombeTableI) {
    it(`matches Newcombe 1998 Table I for ${successes}/${n}: ${lower} to ${upper}`, () => {
      const interval = wilsonInterval({ successes, n });
      expect(interval.lower).toBeCloseTo(lower, 4);
      expect(interval.upper).toBeCloseTo(upper, 4);
    });
  }

  it('is exactly 0 at no successes and exactly 1 at all', () => {
    expect(wilsonInterval({ successes: 0, n: 20 }).lower).toBe(0);
    expect(wilsonInterval({ successes: 29, n: 29 }).upper).toBe(1);
  });

  it('carries share, n and confidence, and widens with the confidence asked for', () => {
    const at95 = shareWithInterval({ successes: 81, n: 263 });
    expect(at95).toMatchObject({ successes: 81, n: 263, confidence: 0.95 });
    expect(at95.share).toBeCloseTo(0.30798, 5);
    const at99 = shareWithInterval({ successes: 81, n: 263 }, { confidence: 0.99 });
    expect(at99.interval.lower).toBeLessThan(at95.interval.lower);
    expect(at99.interval.upper).toBeGreaterThan(at95.interval.upper);
    // the score interval's limits are the roots of (p − π)² = z²·π(1 − π)/n, with z = 2.5758 at 99%
    const z = 2.5758293035489;
    for (const limit of [at99.interval.lower, at99.interval.upper]) {
      expect((81 / 263 - limit) ** 2).toBeCloseTo((z * z * limit * (1 - limit)) / 263, 12);
    }
  });

  it('refuses counts that cannot be', () => {
    expect(() => wilsonInterval({ successes: 3, n: 0 })).toThrow(RangeError);
    expect(() => wilsonInterval({ successes: 6, n: 5 })).toThrow(/exceed/);
    expect(() => wilsonInterval({ successes: 1.5, n: 5 })).toThrow(RangeError);
    expect(() => shareWithInterval({ successes: 1, n: 5 }, { confidence: 95 })).toThrow(/confidence/);
  });
});

describe('change in a share (Newcombe hybrid score interval)', () => {
  // Newcombe RG (1998), "Interval estimation for the difference between independent proportions:
  // comparison of eleven methods", Statistics in Medicine 17:873–890, Table II, method 10. The same
  // values appear as the SAS reference in R's DescTools::BinomDiffCI tests.
  const newcombeTableII: Array<[number, number, number, number, number, number]> = [
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ];
  for (const [x1, n1, x2, n2, lower, upper] of newcombeTableII) {
    it(`matches Newcombe 1998 Table II for ${x1}/${n1} − ${x2}/${n2}: ${lower} to ${upper}`, () => {
      const change = shareChange({ current: { successes: x1, n: n1 }, previous: { successes: x2, n: n2 } });
      expect(change.difference).toBeCloseTo(x1 / n1 - x2 / n2, 12);
      expect(change.interval.lower).toBeCloseTo(lower, 4);
      expect(change.interval.upper).toBeCloseTo(upper, 4);
      expect(change.significant).toBe(lower > 0 || upper < 0);
    });
  }

  it('is current − previous: swapping the periods mirrors the interval', () => {
    const up = shareChange({ previous: { successes: 48, n: 80 }, current: { successes: 56, n: 70 } });
    const down = shareChange({ previous: { successes: 56, n: 70 }, current: { successes: 48, n: 80 } });
    expect(down.difference).toBeCloseTo(-up.difference, 12);
    expect(down.interval.lower).toBeCloseTo(-up.interval.upper, 12);
    expect(down.interval.upper).toBeCloseTo(-up.interval.lower, 12);
    expect(down.significant).toBe(true);
  });
});
