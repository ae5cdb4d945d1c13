import { describe, expect, it } from 'vitest';
import { binomialCdf, funnelPosition, meanFunnelLimits, proportionFunnelLimits } from './funnel';

/** Binomial(n, ½) probabilities by counting: C(n, r) / 2ⁿ — independent of the incomplete beta function. */
function halfBinomialCdf(r: number, n: number): number {
  let coefficient = 1;
  let total = 0;
  for (let k = 0; k <= r; k++) {
    total += coefficient;
    coefficient = (coefficient * (n - k)) / (k + 1);
  }
  return total / 2 ** n;
}

describe('funnel limits for a proportion', () => {
  it('computes binomial probabilities exactly', () => {
    for (const r of [0, 5, 10, 13, 14, 19])
      expect(binomialCdf(r, 20, 0.5)).toBeCloseTo(halfBinomialCdf(r, 20), 14);
    expect(binomialCdf(20, 20, 0.5)).toBe(1);
    expect(binomialCdf(-1, 20, 0.5)).toBe(0);
  });

  it('interpolates between binomial quantiles as Spiegelhalter 2005 appendix A.1.1 prescribes', () => {
    // target ½ on 20 responses, 95%: P(R ≤ 13) = 0.942341 < 0.975 ≤ P(R ≤ 14) = 0.979305, so r = 14 and
    // α = (0.979305 − 0.975) / (0.979305 − 0.942341) = 0.116467: upper limit (14 − α)/20 = 0.694176.
    // Lower: P(R ≤ 5) = 0.020695 < 0.025 ≤ P(R ≤ 6) = 0.057659, α = 0.883533: (6 − α)/20 = 0.255823.
    const [at95, at999] = proportionFunnelLimits({ target: 0.5, n: 20 });
    const alpha = (q: number, r: number) =>
      (halfBinomialCdf(r, 20) - q) / (halfBinomialCdf(r, 20) - halfBinomialCdf(r - 1, 20));
    expect(at95!.level).toBe(0.95);
    expect(at95!.upper).toBeCloseTo((14 - alpha(0.975, 14)) / 20, 12);
    expect(at95!.upper).toBeCloseTo(0.69418, 5);
    expect(at95!.lower).toBeCloseTo((6 - alpha(0.025, 6)) / 20, 12);
    expect(at95!.lower).toBeCloseTo(0.25582, 5);
    // 99.9%: tails of 0.0005 each
    expect(at999!.level).toBe(0.999);
    expect(at999!.upper).toBeCloseTo((17 - alpha(0.9995, 17)) / 20, 12);
    expect(at999!.lower).toBeCloseTo((3 - alpha(0.0005, 3)) / 20, 12);
  });

  it('runs, for large n, about 1/(2n) below the normal approximation p0 ± z·√(p0(1 − p0)/n)', () => {
    for (const n of [400, 100_000]) {
      const exact = proportionFunnelLimits({ target: 0.65, n });
      const normal = proportionFunnelLimits({ target: 0.65, n, method: 'normal' });
      expect(normal[0]!.upper).toBeCloseTo(0.65 + 1.959964 * Math.sqrt((0.65 * 0.35) / n), 6);
      expect(normal[1]!.lower).toBeCloseTo(0.65 - 3.290527 * Math.sqrt((0.65 * 0.35) / n), 6);
      for (const [index, level] of exact.entries()) {
        expect(Math.abs(level.upper - (normal[index]!.upper - 1 / (2 * n)))).toBeLessThan(1 / n);
        expect(Math.abs(level.lower - (normal[index]!.lower - 1 / (2 * n)))).toBeLessThan(1 / n);
      }
    }
  });

  it('stays inside [0, 1] for tiny n and extreme targets', () => {
    for (const limits of [
      proportionFunnelLimits({ target: 0.95, n: 5 }),
      proportionFunnelLimits({ target: 0, n: 5 }),
      proportionFunnelLimits({ target: 1, n: 5 }),
    ]) {
      for (const { lower, upper } of limits) {
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        expect(lower).toBeLessThanOrEqual(upper);
      }
    }
  });
});

describe('funnel limits for a mean and where a unit falls', () => {
  it('is target ± z·sd/√n', () => {
    const [at95, at999] = meanFunnelLimits({ target: 7.5, standardDeviation: 1.5, n: 25 });
    expect(at95!.lower).toBeCloseTo(7.5 - 1.959964 * 0.3, 5);
    expect(at95!.upper).toBeCloseTo(7.5 + 1.959964 * 0.3, 5);
    expect(at999!.upper).toBeCloseTo(7.5 + 3.290527 * 0.3, 5);
  });

  it('classifies a unit at each level, a value on a limit counting as within', () => {
    const limits = proportionFunnelLimits({ target: 0.5, n: 20 });
    expect(funnelPosition(0.75, limits)).toEqual([
      { level: 0.95, position: 'above' },
      { level: 0.999, position: 'within' },
    ]);
    expect(funnelPosition(0.05, limits)).toEqual([
      { level: 0.95, position: 'below' },
      { level: 0.999, position: 'below' },
    ]);
    expect(funnelPosition(limits[0]!.upper, limits)[0]!.position).toBe('within');
  });
});
