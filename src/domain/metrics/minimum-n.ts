/** Below this many responses a score is hidden and only the count shown (DESIGN.md). */
export const DEFAULT_MINIMUM_N = 5;

export type ShownFigure<T> =
  | { hidden: false; n: number; figure: T }
  | { hidden: true; n: number; minimumN: number };

/**
 * The minimum-n rule: computes the figure only when `n` reaches `minimumN`; below it the result carries
 * the count alone, so no score (not even an interval) can leak from a handful of responses.
 */
export function applyMinimumN<T>(
  n: number,
  compute: () => T,
  options: { minimumN?: number } = {},
): ShownFigure<T> {
  const minimumN = options.minimumN ?? DEFAULT_MINIMUM_N;
  if (!Number.isInteger(minimumN) || minimumN < 1) {
    throw new RangeError(`minimumN must be a whole number ≥ 1, got ${minimumN}`);
  }
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  return n < minimumN ? { hidden: true, n, minimumN } : { hidden: false, n, figure: compute() };
}
