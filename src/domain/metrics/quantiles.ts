import jStat from 'jstat';

/** The confidence every figure carries unless a caller asks for another (DESIGN.md: a 95% interval). */
export const DEFAULT_CONFIDENCE = 0.95;

export interface Interval {
  lower: number;
  upper: number;
}

/** A change between two periods: `current − previous`, its interval, and whether the interval excludes 0. */
export interface Change {
  difference: number;
  interval: Interval;
  significant: boolean;
  confidence: number;
}

export function checkConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must lie in (0, 1), got ${confidence}`);
  return confidence;
}

/** z with P(|Z| ≤ z) = confidence (1.959964… for 0.95), from jstat's normal quantile. */
export function twoSidedZ(confidence = DEFAULT_CONFIDENCE): number {
  return jStat.normal.inv(1 - (1 - checkConfidence(confidence)) / 2, 0, 1);
}

/** t with P(|T| ≤ t) = confidence for Student's t on `degreesOfFreedom` (need not be whole: Welch). */
export function twoSidedT(confidence: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0))
    throw new RangeError(`degrees of freedom must be positive, got ${degreesOfFreedom}`);
  return jStat.studentt.inv(1 - (1 - checkConfidence(confidence)) / 2, degreesOfFreedom);
}

/** Two-sided p-value of a t statistic. */
export function twoSidedTP(t: number, degreesOfFreedom: number): number {
  return Math.min(1, 2 * (1 - jStat.studentt.cdf(Math.abs(t), degreesOfFreedom)));
}

export function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}

/** Interval excludes 0 — the one rule by which a change is called significant. */
export const excludesZero = (interval: Interval) => interval.lower > 0 || interval.upper < 0;

export const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
