import {
  type Change,
  checkConfidence,
  checkCount,
  DEFAULT_CONFIDENCE,
  excludesZero,
  type Interval,
  twoSidedT,
} from './quantiles';

/** What the SQL layer hands over for a mean: count, Σx and Σx² of the values (e.g. grades 1–10). */
export interface MeanMoments {
  n: number;
  sum: number;
  sumOfSquares: number;
}

export interface MeanEstimate {
  n: number;
  mean: number;
  /** sample standard deviation (n − 1 in the denominator) */
  standardDeviation: number;
  interval: Interval;
  confidence: number;
}

/** Sample variance from the moments; tiny negative results of floating-point cancellation count as 0. */
export function sampleVariance({ n, sum, sumOfSquares }: MeanMoments): number {
  checkCount('n', n);
  if (n < 2) throw new RangeError('a variance needs n ≥ 2');
  return Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1));
}

/** Mean with the t interval: mean ± t(n − 1)·s/√n. */
export function meanWithInterval(moments: MeanMoments, options: { confidence?: number } = {}): MeanEstimate {
  const confidence = checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE);
  const variance = sampleVariance(moments);
  const { n } = moments;
  const mean = moments.sum / n;
  const margin = twoSidedT(confidence, n - 1) * Math.sqrt(variance / n);
  return {
    n,
    mean,
    standardDeviation: Math.sqrt(variance),
    interval: { lower: mean - margin, upper: mean + margin },
    confidence,
  };
}

export interface MeanChange extends Change {
  /** Welch–Satterthwaite degrees of freedom */
  degreesOfFreedom: number;
}

/**
 * Change in a mean between two periods, `current − previous`, by Welch's t (unequal variances) with
 * Welch–Satterthwaite degrees of freedom.
 */
export function meanChange(
  periods: { previous: MeanMoments; current: MeanMoments },
  options: { confidence?: number } = {},
): MeanChange {
  const confidence = checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE);
  const { current, previous } = periods;
  const a = sampleVariance(current) / current.n;
  const b = sampleVariance(previous) / previous.n;
  const difference = current.sum / current.n - previous.sum / previous.n;
  const standardError = Math.sqrt(a + b);
  if (standardError === 0) {
    // every value equal within each period: nothing varies, so any difference is exact
    const degreesOfFreedom = current.n + previous.n - 2;
    const interval = { lower: difference, upper: difference };
    return { difference, interval, significant: excludesZero(interval), confidence, degreesOfFreedom };
  }
  const degreesOfFreedom = (a + b) ** 2 / (a ** 2 / (current.n - 1) + b ** 2 / (previous.n - 1));
  const margin = twoSidedT(confidence, degreesOfFreedom) * standardError;
  const interval = { lower: difference - margin, upper: difference + margin };
  return { difference, interval, significant: excludesZero(interval), confidence, degreesOfFreedom };
}
