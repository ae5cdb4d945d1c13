import { checkConfidence, checkCount, twoSidedZ } from './quantiles';

/** The funnel's two levels (DESIGN.md: 95% and 99.9%, never a league table). */
export const DEFAULT_FUNNEL_LEVELS = [0.95, 0.999] as const;

export interface FunnelLimits {
  level: number;
  lower: number;
  upper: number;
}

export type FunnelPosition = 'below' | 'within' | 'above';

/**
 * The cumulative distribution of Binomial(n, p), built by the ratio pmf(k ± 1)/pmf(k) outward from the
 * mode and normalised: exact to floating-point precision for any n (jstat's incomplete beta stops at a
 * relative 3e-7, and log-gamma loses digits for large n). Terms below 1e-18 of the mode's are left out;
 * the cdf is 0 below `start` and 1 from `start + cdf.length` on.
 */
function binomialDistribution(n: number, p: number): { start: number; cdf: Float64Array } {
  if (p <= 0) return { start: 0, cdf: Float64Array.of(1) };
  if (p >= 1) return { start: n, cdf: Float64Array.of(1) };
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const odds = p / (1 - p);
  const above: number[] = [];
  for (let k = mode, weight = 1; k < n; k++) {
    weight *= ((n - k) / (k + 1)) * odds;
    if (weight < 1e-18) break;
    above.push(weight);
  }
  const below: number[] = [];
  for (let k = mode, weight = 1; k > 0; k--) {
    weight *= k / (n - k + 1) / odds;
    if (weight < 1e-18) break;
    below.push(weight);
  }
  const weights = [...below.reverse(), 1, ...above];
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const cdf = new Float64Array(weights.length);
  let running = 0;
  for (const [index, weight] of weights.entries()) {
    running += weight;
    cdf[index] = Math.min(1, running / total);
  }
  return { start: mode - below.length, cdf };
}

const cdfAt = ({ start, cdf }: { start: number; cdf: Float64Array }, r: number) =>
  r < start ? 0 : r >= start + cdf.length ? 1 : cdf[r - start]!;

/** P(R ≤ r) for R ~ Binomial(n, p). */
export function binomialCdf(r: number, n: number, p: number): number {
  if (r < 0) return 0;
  if (r >= n) return 1;
  return cdfAt(binomialDistribution(n, p), Math.floor(r));
}

/**
 * Spiegelhalter (2005), "Funnel plots for comparing institutional performance", appendix A.1.1: the
 * q-quantile r of Binomial(n, p0) (the smallest r with F(r) ≥ q), moved back by
 * α = (F(r) − q) / (F(r) − F(r − 1)), so that the limit (r − α)/n runs smoothly in n instead of in steps.
 */
function interpolatedBinomialLimit(
  q: number,
  n: number,
  distribution: { start: number; cdf: Float64Array },
): number {
  const { start, cdf } = distribution;
  const offset = cdf.findIndex((value) => value >= q);
  const r = start + (offset === -1 ? cdf.length : offset);
  const atR = cdfAt(distribution, r);
  const belowR = cdfAt(distribution, r - 1);
  const alpha = atR > belowR ? (atR - q) / (atR - belowR) : 0;
  return Math.min(1, Math.max(0, (r - alpha) / n));
}

/**
 * Control limits for a proportion with target `target` on `n` responses: exact binomial with
 * Spiegelhalter's interpolation (the default), or the normal approximation p0 ± z·√(p0(1 − p0)/n).
 */
export function proportionFunnelLimits(options: {
  target: number;
  n: number;
  levels?: readonly number[];
  method?: 'exact' | 'normal';
}): FunnelLimits[] {
  const { target, n, levels = DEFAULT_FUNNEL_LEVELS, method = 'exact' } = options;
  if (!(target >= 0 && target <= 1)) throw new RangeError(`target must lie in [0, 1], got ${target}`);
  checkCount('n', n);
  if (n < 1) throw new RangeError('funnel limits need n ≥ 1');
  const distribution = binomialDistribution(n, target);
  return levels.map((level) => {
    const tail = (1 - checkConfidence(level)) / 2;
    if (method === 'normal') {
      const margin = twoSidedZ(level) * Math.sqrt((target * (1 - target)) / n);
      return { level, lower: Math.max(0, target - margin), upper: Math.min(1, target + margin) };
    }
    return {
      level,
      lower: interpolatedBinomialLimit(tail, n, distribution),
      upper: interpolatedBinomialLimit(1 - tail, n, distribution),
    };
  });
}

/** Control limits for a mean (e.g. the rapportcijfer): target ± z·sd/√n, with sd the target population's. */
export function meanFunnelLimits(options: {
  target: number;
  standardDeviation: number;
  n: number;
  levels?: readonly number[];
}): FunnelLimits[] {
  const { target, standardDeviation, n, levels = DEFAULT_FUNNEL_LEVELS } = options;
  if (!(standardDeviation >= 0)) throw new RangeError('standardDeviation must be ≥ 0');
  checkCount('n', n);
  if (n < 1) throw new RangeError('funnel limits need n ≥ 1');
  return levels.map((level) => {
    const margin = (twoSidedZ(level) * standardDeviation) / Math.sqrt(n);
    return { level, lower: target - margin, upper: target + margin };
  });
}

/** Where a unit's value falls at each level; a value on a limit counts as within. */
export function funnelPosition(
  value: number,
  limits: readonly FunnelLimits[],
): Array<{ level: number; position: FunnelPosition }> {
  return limits.map(({ level, lower, upper }) => ({
    level,
    position: value < lower ? 'below' : value > upper ? 'above' : 'within',
  }));
}
