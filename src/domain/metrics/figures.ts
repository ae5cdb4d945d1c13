import { type MeanMoments, meanChange, meanWithInterval } from './mean';
import { type NpsCounts, npsChange, npsWithInterval } from './nps';
import { type ShareCounts, shareChange, shareWithInterval } from './proportion';
import type { Change } from './quantiles';
import type { ResponseSums } from './sums';

/** How a figure is read: a share 0…1, a mean (the rapportcijfer 1…10, a statement 1…5), an NPS −100…100. */
export type FigureKind = 'share' | 'mean' | 'nps';

export interface FigureChange {
  difference: number;
  low: number;
  high: number;
  significant: boolean;
  /** the other period's value and count */
  value: number;
  n: number;
}

/**
 * One figure as every screen shows it: the value with its n and 95 % interval, hidden (value and
 * interval null) below the minimum n, with its change against the previous period and the same
 * period last year when both sides reach the minimum n.
 */
export interface Figure {
  kind: FigureKind;
  n: number;
  value: number | null;
  low: number | null;
  high: number | null;
  hidden: boolean;
  minimumN: number;
  previous: FigureChange | null;
  lastYear: FigureChange | null;
  /** the target in force, where one applies (src/domain/metrics/targets.ts) */
  target?: FigureTarget | null;
}

export interface FigureTarget {
  value: number;
  /** figure − target, in the figure's unit; null while the figure is hidden */
  gap: number | null;
  met: boolean | null;
  level: 'organisation' | 'department' | 'team' | 'contractor';
}

export interface FigureOptions {
  minimumN: number;
}

type Estimate = { value: number; low: number; high: number };
type Kind<C> = {
  kind: FigureKind;
  n(counts: C): number;
  estimate(counts: C): Estimate;
  change(current: C, other: C): Change;
};

const share: Kind<ShareCounts> = {
  kind: 'share',
  n: (c) => c.n,
  estimate(c) {
    const e = shareWithInterval(c);
    return { value: e.share, low: e.interval.lower, high: e.interval.upper };
  },
  change: (current, previous) => shareChange({ current, previous }),
};

const mean: Kind<MeanMoments> = {
  kind: 'mean',
  n: (c) => c.n,
  estimate(c) {
    if (c.n < 2) return { value: c.sum / c.n, low: c.sum / c.n, high: c.sum / c.n };
    const e = meanWithInterval(c);
    return { value: e.mean, low: e.interval.lower, high: e.interval.upper };
  },
  change: (current, previous) => meanChange({ current, previous }),
};

const nps: Kind<NpsCounts> = {
  kind: 'nps',
  n: (c) => c.n,
  estimate(c) {
    const e = npsWithInterval(c);
    return { value: e.nps, low: e.interval.lower, high: e.interval.upper };
  },
  change: (current, previous) => npsChange({ current, previous }),
};

function figure<C>(
  kind: Kind<C>,
  current: C,
  { minimumN }: FigureOptions,
  previous?: C | null,
  lastYear?: C | null,
): Figure {
  const n = kind.n(current);
  const shown = n >= minimumN && n > 0;
  const estimate = shown ? kind.estimate(current) : null;
  const versus = (other?: C | null): FigureChange | null => {
    if (!estimate || !other) return null;
    const otherN = kind.n(other);
    // a mean's change needs two values on each side (Welch's variance)
    if (otherN < Math.max(minimumN, 1) || (kind.kind === 'mean' && (otherN < 2 || n < 2))) return null;
    const c = kind.change(current, other);
    return {
      difference: c.difference,
      low: c.interval.lower,
      high: c.interval.upper,
      significant: c.significant,
      value: kind.estimate(other).value,
      n: otherN,
    };
  };
  return {
    kind: kind.kind,
    n,
    value: estimate?.value ?? null,
    low: estimate?.low ?? null,
    high: estimate?.high ?? null,
    hidden: !shown,
    minimumN,
    previous: versus(previous),
    lastYear: versus(lastYear),
  };
}

export const shareFigure = (
  c: ShareCounts,
  o: FigureOptions,
  previous?: ShareCounts | null,
  lastYear?: ShareCounts | null,
) => figure(share, c, o, previous, lastYear);
export const meanFigure = (
  c: MeanMoments,
  o: FigureOptions,
  previous?: MeanMoments | null,
  lastYear?: MeanMoments | null,
) => figure(mean, c, o, previous, lastYear);
export const npsFigure = (
  c: NpsCounts,
  o: FigureOptions,
  previous?: NpsCounts | null,
  lastYear?: NpsCounts | null,
) => figure(nps, c, o, previous, lastYear);

/** The response figures of the dashboards, from one group's sums (and the periods compared). */
export interface ResponseFigures {
  grade: Figure;
  eightPlus: Figure;
  dissatisfied: Figure;
  sufficient: Figure;
  nps: Figure;
}

const gradeMoments = (s: ResponseSums): MeanMoments => ({
  n: s.gradeN,
  sum: s.gradeSum,
  sumOfSquares: s.gradeSumSq,
});
const of =
  (successes: (s: ResponseSums) => number) =>
  (s: ResponseSums): ShareCounts => ({
    successes: successes(s),
    n: s.gradeN,
  });
const npsCounts = (s: ResponseSums): NpsCounts => ({
  n: s.npsN,
  promoters: s.npsPromoters,
  detractors: s.npsDetractors,
});

export function responseFigures(
  current: ResponseSums,
  options: FigureOptions,
  previous?: ResponseSums | null,
  lastYear?: ResponseSums | null,
): ResponseFigures {
  const shares = (pick: (s: ResponseSums) => ShareCounts) =>
    shareFigure(pick(current), options, previous && pick(previous), lastYear && pick(lastYear));
  return {
    grade: meanFigure(
      gradeMoments(current),
      options,
      previous && gradeMoments(previous),
      lastYear && gradeMoments(lastYear),
    ),
    eightPlus: shares(of((s) => s.grade8Plus)),
    dissatisfied: shares(of((s) => s.grade5OrLess)),
    sufficient: shares(of((s) => s.grade6Plus)),
    nps: npsFigure(
      npsCounts(current),
      options,
      previous && npsCounts(previous),
      lastYear && npsCounts(lastYear),
    ),
  };
}

export const emptySums: ResponseSums = {
  responses: 0,
  gradeN: 0,
  gradeSum: 0,
  gradeSumSq: 0,
  grade8Plus: 0,
  grade6Plus: 0,
  grade5OrLess: 0,
  npsN: 0,
  npsPromoters: 0,
  npsDetractors: 0,
};
