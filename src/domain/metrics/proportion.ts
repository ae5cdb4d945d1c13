import {
  type Change,
  checkConfidence,
  checkCount,
  DEFAULT_CONFIDENCE,
  excludesZero,
  type Interval,
  twoSidedZ,
} from './quantiles';

/** What the SQL layer hands over for a share: `successes` of `n` responses (e.g. grades ≥ 8 of all grades). */
export interface ShareCounts {
  successes: number;
  n: number;
}

export interface ShareEstimate extends ShareCounts {
  /** successes ÷ n, a fraction 0…1 (the UI shows it as a percentage) */
  share: number;
  interval: Interval;
  confidence: number;
}

function checkShareCounts({ successes, n }: ShareCounts): void {
  checkCount('n', n);
  checkCount('successes', successes);
  if (n < 1) throw new RangeError('a share needs n ≥ 1');
  if (successes > n) throw new RangeError(`successes (${successes}) exceed n (${n})`);
}

/**
 * Wilson score interval (Wilson 1927; method 3 in Newcombe 1998, "Two-sided confidence intervals for the
 * single proportion"). Unlike p ± z·se it never leaves [0, 1] and does not collapse at 0 or n successes.
 */
export function wilsonInterval(counts: ShareCounts, confidence = DEFAULT_CONFIDENCE): Interval {
  checkShareCounts(counts);
  const { successes, n } = counts;
  const z = twoSidedZ(confidence);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const halfWidth = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return {
    lower: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: successes === n ? 1 : Math.min(1, centre + halfWidth),
  };
}

export function shareWithInterval(counts: ShareCounts, options: { confidence?: number } = {}): ShareEstimate {
  const confidence = checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE);
  return {
    successes: counts.successes,
    n: counts.n,
    share: counts.successes / counts.n,
    interval: wilsonInterval(counts, confidence),
    confidence,
  };
}

/**
 * Change in a share between two periods, `current − previous`, with Newcombe's hybrid score interval
 * (method 10 of Newcombe 1998, "Interval estimation for the difference between independent proportions"):
 * each period's Wilson limits, combined by square-and-add.
 */
export function shareChange(
  periods: { previous: ShareCounts; current: ShareCounts },
  options: { confidence?: number } = {},
): Change {
  const confidence = checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE);
  const { current, previous } = periods;
  const p1 = current.successes / current.n;
  const p2 = previous.successes / previous.n;
  const w1 = wilsonInterval(current, confidence);
  const w2 = wilsonInterval(previous, confidence);
  const difference = p1 - p2;
  const interval = {
    lower: difference - Math.hypot(p1 - w1.lower, w2.upper - p2),
    upper: difference + Math.hypot(w1.upper - p1, p2 - w2.lower),
  };
  return { difference, interval, significant: excludesZero(interval), confidence };
}
