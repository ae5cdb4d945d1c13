import { type ScaleType, scales } from '../../contracts/surveys';
import { authorize } from '../../policy/policy';
import { meanFigure, shareFigure } from './figures';
import { firstTimeFixFromJobs } from './first-time-fix';
import { keyDriverMoments } from './key-driver-moments';
import { correlationsFromMoments, relativeWeights } from './key-drivers';
import type { MetricRequest } from './metric-request';
import { comparedPeriods } from './overview';
import { phaseFigures } from './phases';
import { questionTexts } from './question-texts';
import { type AnswerSums, answerSums } from './sums';

/** Question types whose mean is a figure of the journey (1–10 phase grades, 1–5 statements, 1–7 effort). */
const scored = ['phase_grade', 'statement', 'effort'];
/** at most this many drivers, the most answered (listwise: a driver must be answered with the grade) */
const MAX_DRIVERS = 10;

/** One figure per question key, whatever the version or attribution that split its sums. */
function perQuestion(answers: readonly AnswerSums[]) {
  const byKey = new Map<string, AnswerSums>();
  for (const a of answers) {
    const had = byKey.get(a.questionKey);
    byKey.set(
      a.questionKey,
      had ? { ...had, n: had.n + a.n, sum: had.sum + a.sum, sumSq: had.sumSq + a.sumSq } : { ...a },
    );
  }
  return [...byKey.values()];
}

/**
 * The customer journey for the scope and period: the mean per phase and per statement, the key
 * drivers of the overall grade among them (relative weights, Johnson 2000; not significant ones
 * marked), and first-time fix as tenants reported it and from job data, with the grade of the
 * fixed-first-time jobs against the others.
 */
export async function metricsJourney(req: MetricRequest) {
  authorize(req.actor, 'metrics.read');
  const [answers, texts, fromJobs] = await Promise.all([
    answerSums(req),
    questionTexts(req.db, req.filters.journey),
    firstTimeFixFromJobs(req),
  ]);
  const questions = perQuestion(answers);
  const statements = questions
    .filter((q) => scored.includes(q.questionType))
    .map((q) => ({
      questionKey: q.questionKey,
      questionType: q.questionType,
      phase: q.phase,
      technicianInfluenceable: q.technicianInfluenceable,
      text: texts.get(q.questionKey) ?? null,
      figure: meanFigure({ n: q.n, sum: q.sum, sumOfSquares: q.sumSq }, req),
    }));
  const reported = questions.filter((q) => q.questionType === 'first_time_fix');
  const reportedSums = reported.reduce((t, q) => ({ n: t.n + q.n, yes: t.yes + q.sum }), { n: 0, yes: 0 });
  return {
    periods: comparedPeriods(req.period),
    minimumN: req.minimumN,
    phases: phaseFigures(answers, req.minimumN),
    statements,
    drivers: await drivers(req, statements, texts),
    firstTimeFix: {
      reported: shareFigure({ successes: reportedSums.yes, n: reportedSums.n }, req),
      fromJobs: shareFigure({ successes: fromJobs.fixed, n: fromJobs.judged }, req),
      gradeWhenFixed: meanFigure(fromJobs.gradeWhenFixed, req),
      gradeWhenNotFixed: meanFigure(fromJobs.gradeWhenNotFixed, req),
    },
  };
}

type Statement = {
  questionKey: string;
  questionType: string;
  phase: string | null;
  figure: { n: number; value: number | null };
};

/** A mean on its scale as 0…1 (lowest answer 0, highest 1), so phases and statements share one axis. */
const onScale = (type: string, mean: number) => {
  const scale = scales[type as ScaleType];
  return scale ? (mean - scale.min) / (scale.max - scale.min) : mean;
};

async function drivers(
  req: MetricRequest,
  statements: Statement[],
  texts: Map<string, { nl: string; en: string }>,
) {
  const most = Math.max(0, ...statements.map((s) => s.figure.n));
  const candidates = statements
    .filter((s) => s.figure.value !== null && s.figure.n >= most / 2)
    .sort((a, b) => b.figure.n - a.figure.n)
    .slice(0, MAX_DRIVERS);
  const none = (missing: string) => ({ n: 0, rSquared: null, items: [], missing });
  if (!candidates.length) return none('too_few_responses');
  const moments = await keyDriverMoments(
    req,
    candidates.map((c) => c.questionKey),
  );
  if (moments.n < Math.max(req.minimumN, candidates.length + 2) * 2)
    return { ...none('too_few_responses'), n: moments.n };
  let result: ReturnType<typeof relativeWeights>;
  try {
    result = relativeWeights({ n: moments.n, correlations: correlationsFromMoments(moments) });
  } catch {
    // a driver (or the grade) without any spread, or drivers that move in lockstep
    return { ...none('no_variation'), n: moments.n };
  }
  return {
    n: moments.n,
    rSquared: result.rSquared,
    missing: null,
    items: result.drivers
      .map((d) => {
        const c = candidates[d.index]!;
        return {
          questionKey: c.questionKey,
          phase: c.phase,
          text: texts.get(c.questionKey) ?? null,
          weight: d.rescaledWeight,
          correlation: d.correlation,
          significant: d.significant,
          performance: onScale(c.questionType, c.figure.value!),
        };
      })
      .sort((a, b) => b.weight - a.weight),
  };
}
