import { meanFigure, responseFigures, shareFigure } from '../../src/domain/metrics/figures';
import type { FirstTimeFixSums } from '../../src/domain/metrics/first-time-fix';
import { funnelPosition, proportionFunnelLimits } from '../../src/domain/metrics/funnel';
import {
  type CrossProductMoments,
  correlationsFromMoments,
  relativeWeights,
} from '../../src/domain/metrics/key-drivers';
import { phaseFigures } from '../../src/domain/metrics/phases';
import type { AnswerSums, ResponseSums } from '../../src/domain/metrics/sums';
import { periodStarts } from '../../src/domain/metrics/trend';
import type { ScreenSpec } from './plan';
import { lastYearIsPrevious } from './sql-parts';

/**
 * The references' answers, built from their sums with the app's own formulas (figures, phases,
 * funnel, key drivers): the references differ from the app in how they sum, not in what they say.
 */
const options = (spec: ScreenSpec) => ({ minimumN: spec.minimumN });

export interface Periodic {
  current: ResponseSums;
  previous: ResponseSums;
  lastYear: ResponseSums;
}

/** As the app says them: a year's change against last year once, as the previous period's. */
export const figuresOf = (spec: ScreenSpec, s: Periodic) =>
  responseFigures(s.current, options(spec), s.previous, lastYearIsPrevious(spec.periods) ? null : s.lastYear);

/** A comparison's figures: the period's alone, without change. */
export const currentFiguresOf = (spec: ScreenSpec, current: ResponseSums) =>
  responseFigures(current, options(spec));

/** What became of the invitations, from rows of (status, reason, undeliverable, n), as the app counts them. */
export function fatesOf(
  rows: Array<{ status: string; reason: string | null; undeliverable: boolean; n: number }>,
) {
  const fates = { due: 0, delivered: 0, answered: 0, expired: 0, undeliverable: 0, open: 0, scheduled: 0 };
  const suppressed: Record<string, number> = {};
  for (const r of rows) {
    fates.due += r.n;
    if (r.status === 'suppressed')
      suppressed[r.reason ?? 'unknown'] = (suppressed[r.reason ?? 'unknown'] ?? 0) + r.n;
    else if (r.status === 'scheduled') fates.scheduled += r.n;
    else if (r.undeliverable) fates.undeliverable += r.n;
    else {
      fates.delivered += r.n;
      if (r.status === 'answered') fates.answered += r.n;
      else if (r.status === 'expired') fates.expired += r.n;
      else fates.open += r.n;
    }
  }
  return { ...fates, suppressed };
}

export const phasesOf = (spec: ScreenSpec, answers: AnswerSums[]) => phaseFigures(answers, spec.minimumN);

export function trendOf(spec: ScreenSpec, byStart: Map<string, ResponseSums>, empty: ResponseSums) {
  const { current } = spec.periods;
  return periodStarts(current.from, current.to, spec.grain ?? 'month').map((periodStart) => {
    const s = byStart.get(periodStart) ?? empty;
    return { periodStart, responses: s.responses, figures: responseFigures(s, options(spec)) };
  });
}

/** Rows per group with their funnel flags around the total's 8+ share, in name order. */
export function breakdownRowsOf(
  spec: ScreenSpec,
  groups: Array<{ key: string | null; label: string } & Periodic>,
  total: Periodic,
) {
  const p0 = total.current.gradeN ? total.current.grade8Plus / total.current.gradeN : null;
  const rows = groups
    .filter((g) => g.current.responses > 0)
    .map((g) => {
      const figures = figuresOf(spec, g);
      const share = figures.eightPlus.value;
      const funnel =
        share === null || p0 === null
          ? []
          : funnelPosition(share, proportionFunnelLimits({ target: p0, n: g.current.gradeN }));
      return { key: g.key, label: g.label, responses: g.current.responses, figures, funnel };
    });
  return rows.sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}

const scored = ['phase_grade', 'statement', 'effort'];

/** One mean per question key (versions and attributions summed), as the app's journey shows them. */
export function statementsOf(spec: ScreenSpec, answers: AnswerSums[]) {
  const byKey = new Map<string, AnswerSums>();
  for (const a of answers) {
    const had = byKey.get(a.questionKey);
    byKey.set(
      a.questionKey,
      had ? { ...had, n: had.n + a.n, sum: had.sum + a.sum, sumSq: had.sumSq + a.sumSq } : { ...a },
    );
  }
  const questions = [...byKey.values()];
  const reported = questions
    .filter((q) => q.questionType === 'first_time_fix')
    .reduce((t, q) => ({ n: t.n + q.n, yes: t.yes + q.sum }), { n: 0, yes: 0 });
  const statements = questions
    .filter((q) => scored.includes(q.questionType))
    .map((q) => ({
      questionKey: q.questionKey,
      questionType: q.questionType,
      phase: q.phase,
      figure: meanFigure({ n: q.n, sum: q.sum, sumOfSquares: q.sumSq }, options(spec)),
    }));
  return { statements, reported: shareFigure({ successes: reported.yes, n: reported.n }, options(spec)) };
}

/** The app's choice of drivers: shown statements answered by at least half the most answered, at most 10. */
export function driverKeys(statements: ReturnType<typeof statementsOf>['statements']) {
  const most = Math.max(0, ...statements.map((s) => s.figure.n));
  return statements
    .filter((s) => s.figure.value !== null && s.figure.n >= most / 2)
    .sort((a, b) => b.figure.n - a.figure.n)
    .slice(0, 10)
    .map((s) => s.questionKey);
}

export function driversOf(spec: ScreenSpec, keys: string[], moments: CrossProductMoments | null) {
  if (!moments || moments.n < Math.max(spec.minimumN, keys.length + 2) * 2)
    return { n: moments?.n ?? 0, items: [] };
  try {
    const result = relativeWeights({ n: moments.n, correlations: correlationsFromMoments(moments) });
    const items = result.drivers.map((d) => ({ questionKey: keys[d.index]!, weight: d.rescaledWeight }));
    return { n: moments.n, rSquared: result.rSquared, items };
  } catch {
    return { n: moments.n, items: [] };
  }
}

export const firstTimeFixOf = (spec: ScreenSpec, sums: FirstTimeFixSums) => ({
  fromJobs: shareFigure({ successes: sums.fixed, n: sums.judged }, options(spec)),
  gradeWhenFixed: meanFigure(sums.gradeWhenFixed, options(spec)),
  gradeWhenNotFixed: meanFigure(sums.gradeWhenNotFixed, options(spec)),
});
