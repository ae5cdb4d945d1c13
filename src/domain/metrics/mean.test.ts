import { describe, expect, it } from 'vitest';
import { type MeanMoments, meanChange, meanWithInterval, sampleVariance } from './mean';

const momentsOf = (values: number[]): MeanMoments => ({
  n: values.length,
  sum: values.reduce((total, value) => total + value, 0),
  sumOfSquares: values.reduce((total, value) => total + value * value, 0),
});

// Student's sleep data (Cushny & Peebles 1905, as in R's `sleep` data set): extra hours of sleep on two
// drugs. R's t.test help page works both examples below.
const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0, 2];
const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('mean with t interval', () => {
  it('matches R t.test(sleep$extra[1:10]): mean 0.75, 95% CI −0.5297804 to 2.0297804', () => {
    const estimate = meanWithInterval(momentsOf(drug1));
    expect(estimate.mean).toBeCloseTo(0.75, 12);
    expect(estimate.standardDeviation).toBeCloseTo(1.78901, 5);
    expect(estimate.interval.lower).toBeCloseTo(-0.5297804, 7);
    expect(estimate.interval.upper).toBeCloseTo(2.0297804, 7);
  });

  it('narrows with lower confidence and never reports a negative variance from rounding', () => {
    const at80 = meanWithInterval(momentsOf(drug1), { confidence: 0.8 });
    expect(at80.interval.upper - at80.interval.lower).toBeLessThan(2.0297804 + 0.5297804);
    // ten grades of exactly 7.1: Σx² − (Σx)²/n is a hair below 0 in floating point
    const same = momentsOf(Array(10).fill(7.1));
    expect(sampleVariance(same)).toBe(0);
    expect(meanWithInterval(same).interval.lower).toBeCloseTo(7.1, 12);
  });

  it('needs two values for an interval', () => {
    expect(() => meanWithInterval({ n: 1, sum: 8, sumOfSquares: 64 })).toThrow(RangeError);
  });
});

describe('change in a mean (Welch)', () => {
  it('matches R t.test(extra ~ group, data = sleep): df 17.776, 95% CI −3.3654832 to 0.2054832', () => {
    const change = meanChange({ current: momentsOf(drug1), previous: momentsOf(drug2) });
    expect(change.difference).toBeCloseTo(-1.58, 12);
    expect(change.degreesOfFreedom).toBeCloseTo(17.776, 3);
    expect(change.interval.lower).toBeCloseTo(-3.3654832, 7);
    expect(change.interval.upper).toBeCloseTo(0.2054832, 7);
    expect(change.significant).toBe(false);
  });

  it('calls a change significant once its interval leaves 0, at the confidence asked for', () => {
    // R reports p = 0.07939 for this test, so its 90% interval must leave out 0 and its 95% one not
    const change = meanChange({ current: momentsOf(drug1), previous: momentsOf(drug2) }, { confidence: 0.9 });
    expect(change.interval.upper).toBeLessThan(0);
    expect(change.significant).toBe(true);
  });

  it('gives an exact difference when nothing varies', () => {
    const change = meanChange({ previous: momentsOf([7, 7, 7]), current: momentsOf([8, 8, 8, 8]) });
    expect(change).toMatchObject({ difference: 1, interval: { lower: 1, upper: 1 }, significant: true });
  });
});
