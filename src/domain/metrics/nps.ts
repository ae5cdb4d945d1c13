import {
  type Change,
  checkConfidence,
  checkCount,
  clamp,
  DEFAULT_CONFIDENCE,
  excludesZero,
  type Interval,
  twoSidedZ,
} from './quantiles';

/** What the SQL layer hands over for an NPS: n answers to the 0–10 question, promoters (9–10), detractors (0–6). */
export interface NpsCounts {
  n: number;
  promoters: number;
  detractors: number;
}

export interface NpsEstimate extends NpsCounts {
  /** % promoters − % detractors, −100…100 */
  nps: number;
  /** adjusted-Wald interval on the same −100…100 scale */
  interval: Interval;
  confidence: number;
}

// The adjusted-Wald NPS of Rocks (2016) as MeasuringU publishes it (Lewis & Sauro, "Evaluating NPS
// confidence intervals with real-world data", 2021): add 3 pseudo-responses, ¾ of them to the promoters
// and ¾ to the detractors (the other 1½ are passives), whatever the confidence level.
const ADDED_RESPONSES = 3;
const ADDED_PROMOTERS = 0.75;
const ADDED_DETRACTORS = 0.75;

function checkNpsCounts({ n, promoters, detractors }: NpsCounts): void {
  checkCount('n', n);
  checkCount('promoters', promoters);
  checkCount('detractors', detractors);
  if (n < 1) throw new RangeError('an NPS needs n ≥ 1');
  if (promoters + detractors > n) throw new RangeError(`promoters + detractors exceed n (${n})`);
}

export const npsOf = ({ n, promoters, detractors }: NpsCounts) => (100 * (promoters - detractors)) / n;

/** The adjusted NPS (as a fraction −1…1) and the variance of its estimate. */
function adjusted(counts: NpsCounts): { nps: number; variance: number } {
  checkNpsCounts(counts);
  const n = counts.n + ADDED_RESPONSES;
  const promoters = (counts.promoters + ADDED_PROMOTERS) / n;
  const detractors = (counts.detractors + ADDED_DETRACTORS) / n;
  const nps = promoters - detractors;
  // variance of a difference of two proportions of one multinomial sample
  return { nps, variance: (promoters + detractors - nps * nps) / n };
}

export function npsWithInterval(counts: NpsCounts, options: { confidence?: number } = {}): NpsEstimate {
  const confidence = checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE);
  const { nps, variance } = adjusted(counts);
  const margin = twoSidedZ(confidence) * Math.sqrt(variance);
  return {
    n: counts.n,
    promoters: counts.promoters,
    detractors: counts.detractors,
    nps: npsOf(counts),
    interval: {
      lower: clamp(100 * (nps - margin), -100, 100),
      upper: clamp(100 * (nps + margin), -100, 100),
    },
    confidence,
  };
}

/**
 * Change in NPS between two periods, `current − previous` in points, with the adjusted-Wald interval for
 * two independent NPS (MeasuringU, "How to statistically compare two Net Promoter Scores"): the difference
 * of the adjusted scores ± z·√(var₁ + var₂). `difference` is the plain change; the interval is centred on
 * the adjusted one, as the method prescribes.
 */
export function npsChange(
  periods: { previous: NpsCounts; current: NpsCounts },
  options: { confidence?: number } = {},
): Change {
  const confidence = checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE);
  const current = adjusted(periods.current);
  const previous = adjusted(periods.previous);
  const centre = current.nps - previous.nps;
  const margin = twoSidedZ(confidence) * Math.sqrt(current.variance + previous.variance);
  const interval = {
    lower: clamp(100 * (centre - margin), -200, 200),
    upper: clamp(100 * (centre + margin), -200, 200),
  };
  return {
    difference: npsOf(periods.current) - npsOf(periods.previous),
    interval,
    significant: excludesZero(interval),
    confidence,
  };
}
