import type { Journey } from '../db/schema';
import { type AnswerRow, checkAnswers } from '../domain/questionnaires/check-answers';
import { defaultQuestionnaires } from '../domain/questionnaires/default-definitions';
import type { TQuestion } from '../domain/questionnaires/questionnaire-definition';
import type { Random } from './random';
import { type CommentContext, surveyComment, whatWentWrong } from './survey-comments';
import { drawGrade, drawNps, gaussian } from './survey-quality';

/** What the answers of one response depend on. */
export interface Experience extends CommentContext {
  journey: Journey;
  /** latent quality (see SurveyQuality) */
  quality: number;
  /** the technician's or contractor's own effect: the statements about them follow it */
  personEffect: number;
  /** the job needed a second visit */
  returnVisit: boolean;
}

/** Intake and communication score worst, the visit best (what the sector's surveys show). */
const phaseOffset: Record<string, number> = {
  reporting: -0.9,
  appointment: -0.7,
  visit: 0.3,
  handling: -0.6,
};
const phaseAnswered: Record<string, number> = {
  reporting: 0.9,
  appointment: 0.93,
  visit: 0.95,
  handling: 0.7,
};
/** Tenants find technicians polite sooner than good at explaining. */
const statementOffset: Record<string, number> = {
  on_time: -0.15,
  polite: 0.35,
  expert: 0.15,
  tidy: 0,
  explained: -0.3,
};

/**
 * One tenant's answers to the journey's default questionnaire, as the survey page would send them:
 * the grade always (it is required), the other questions mostly, a condition's question only when
 * it holds. The grade and the NPS are returned too, for the response row.
 */
export function drawAnswers(random: Random, e: Experience) {
  const grade = drawGrade(random, e.quality);
  const answers: Record<string, unknown> = {};
  let nps: number | null = null;
  for (const q of defaultQuestionnaires[e.journey].definition.questions) {
    const value = answer(random, q, e, grade);
    if (value === undefined) continue;
    answers[q.key] = value;
    if (q.type === 'nps') nps = value as number;
  }
  return { grade, nps, consent: answers.consent === true, answers };
}

/** The rows `response_answers` stores: exactly what the survey's input edge makes of the answers. */
export function answerRows(journey: Journey, answers: Record<string, unknown>): AnswerRow[] {
  const checked = checkAnswers(defaultQuestionnaires[journey].definition, answers);
  if (!checked.ok) throw new Error(`demo answers refused: ${JSON.stringify(checked.problems)}`);
  return checked.rows;
}

function answer(random: Random, q: TQuestion, e: Experience, grade: number): unknown {
  switch (q.type) {
    case 'grade':
      return grade;
    case 'nps':
      return random.chance(0.96) ? drawNps(random, e.journey, grade) : undefined;
    case 'phase_grade':
      if (!random.chance(phaseAnswered[q.phase] ?? 0.9)) return undefined;
      return clamp(Math.round(grade + (phaseOffset[q.phase] ?? 0) + gaussian(random) * 1.1), 1, 10);
    case 'statement': {
      if (!random.chance(0.92)) return undefined;
      const mean = 3.1 + (grade - 5.5) * 0.42 + 0.6 * e.personEffect + (statementOffset[q.key] ?? 0);
      return clamp(Math.round(mean + gaussian(random) * 0.75), 1, 5);
    }
    case 'first_time_fix': {
      if (!random.chance(0.93)) return undefined;
      const p = e.returnVisit ? 0.3 : grade >= 8 ? 0.88 : grade >= 6 ? 0.68 : 0.4;
      return random.chance(p);
    }
    case 'choice':
      return choose(random, q, grade);
    case 'comment':
      if (q.key === 'what_went_wrong')
        return grade <= 5 && random.chance(0.7) ? whatWentWrong(random, e) : undefined;
      return random.chance(grade <= 5 ? 0.45 : grade <= 7 ? 0.3 : 0.18)
        ? surveyComment(random, e, grade)
        : undefined;
    case 'consent': {
      const r = random.next();
      const yes = grade <= 5 ? 0.55 : 0.38; // unhappy tenants want to be contacted more often
      return r < yes ? true : r < 0.85 ? false : undefined;
    }
    default:
      return undefined; // effort: not in the default questionnaires
  }
}

/** A multiple choice such as "what could have been better": "nothing" for the satisfied. */
function choose(random: Random, q: Extract<TQuestion, { type: 'choice' }>, grade: number) {
  if (!random.chance(0.85)) return undefined;
  const values = q.options.map((o) => o.value);
  if (values.includes('nothing') && grade >= 8 && random.chance(0.7))
    return q.multiple ? ['nothing'] : 'nothing';
  const others = random.shuffle(values.filter((v) => v !== 'nothing'));
  return q.multiple ? others.slice(0, random.int(1, 2)) : others[0];
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
