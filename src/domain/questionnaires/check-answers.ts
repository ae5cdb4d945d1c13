import {
  COMMENT_MAX_LENGTH,
  conditionMet,
  isScale,
  isYesNo,
  type QuestionType,
  type ScaleType,
  scales,
  type TQuestion,
  type TQuestionnaireDefinition,
} from './questionnaire-definition';

/** One answer as `response_answers` stores it, so every figure is computed in SQL. */
export interface AnswerRow {
  questionKey: string;
  questionType: QuestionType;
  /** scales as given; yes/no as 1/0 so a mean is a percentage */
  numericValue: number | null;
  textValue: string | null;
  choiceValues: string[] | null;
  phase: string | null;
  technicianInfluenceable: boolean | null;
}
export interface AnswerProblem {
  questionKey: string;
  message: string;
}
export type CheckedAnswers = { ok: true; rows: AnswerRow[] } | { ok: false; problems: AnswerProblem[] };

type Value = number | boolean | string | string[];

/**
 * The survey's input edge: turns what a tenant sent into rows, or says per question what is wrong.
 * Values may come from JSON or from an HTML form (strings), so "8" and "yes" are accepted; null,
 * "" and [] mean "not answered". `partial` (save as you go) does not demand required answers and
 * drops answers to questions hidden by a condition, because the tenant may still change the
 * answer the condition looks at; a final submission refuses them.
 */
export function checkAnswers(
  definition: TQuestionnaireDefinition,
  answers: Record<string, unknown>,
  { partial = false }: { partial?: boolean } = {},
): CheckedAnswers {
  const problems: AnswerProblem[] = [];
  const byKey = new Map(definition.questions.map((q) => [q.key, q]));
  for (const key of Object.keys(answers)) {
    if (!byKey.has(key)) problems.push({ questionKey: key, message: 'unknown question' });
  }
  const answered = new Map<string, Value>();
  const rows: AnswerRow[] = [];
  for (const q of definition.questions) {
    const raw = Object.hasOwn(answers, q.key) ? answers[q.key] : undefined;
    const given = !isEmpty(raw);
    const shown = conditionMet(q.condition, answered);
    if (!shown) {
      if (given && !partial)
        problems.push({ questionKey: q.key, message: 'not asked: its condition does not hold' });
      continue;
    }
    if (!given) {
      if (q.required && !partial) problems.push({ questionKey: q.key, message: 'an answer is required' });
      continue;
    }
    const parsed = parseValue(q, raw);
    if (typeof parsed === 'object' && parsed !== null && 'problem' in parsed) {
      problems.push({ questionKey: q.key, message: parsed.problem });
      continue;
    }
    answered.set(q.key, parsed);
    rows.push(toRow(q, parsed));
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

function isEmpty(raw: unknown) {
  return (
    raw === undefined ||
    raw === null ||
    (typeof raw === 'string' && raw.trim() === '') ||
    (Array.isArray(raw) && raw.length === 0)
  );
}

function parseValue(q: TQuestion, raw: unknown): Value | { problem: string } {
  if (isScale(q.type)) {
    const { min, max } = scales[q.type as ScaleType];
    const n = typeof raw === 'string' && /^\s*\d{1,2}\s*$/.test(raw) ? Number(raw) : raw;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max)
      return { problem: `must be a whole number from ${min} to ${max}` };
    return n;
  }
  if (isYesNo(q.type)) {
    if (raw === true || raw === 'yes' || raw === 'true') return true;
    if (raw === false || raw === 'no' || raw === 'false') return false;
    return { problem: 'must be yes or no' };
  }
  if (q.type === 'choice') {
    const values = Array.isArray(raw) ? raw : [raw];
    if (values.length > 1 && !q.multiple) return { problem: 'only one option may be chosen' };
    const known = new Set(q.options.map((o) => o.value));
    if (!values.every((v): v is string => typeof v === 'string' && known.has(v)))
      return { problem: 'must be one of the options' };
    if (new Set(values).size !== values.length) return { problem: 'an option was chosen twice' };
    return values;
  }
  // comment: stored as text and never interpreted; PostgreSQL text cannot hold NUL
  if (typeof raw !== 'string') return { problem: 'must be text' };
  const text = raw.trim();
  if (text.includes('\u0000')) return { problem: 'contains a character that is not allowed' };
  if ([...text].length > COMMENT_MAX_LENGTH)
    return { problem: `must be at most ${COMMENT_MAX_LENGTH} characters` };
  return text;
}

function toRow(q: TQuestion, value: Value): AnswerRow {
  return {
    questionKey: q.key,
    questionType: q.type,
    numericValue: typeof value === 'number' ? value : typeof value === 'boolean' ? (value ? 1 : 0) : null,
    textValue: typeof value === 'string' ? value : null,
    choiceValues: Array.isArray(value) ? value : null,
    phase: q.type === 'phase_grade' ? q.phase : null,
    technicianInfluenceable: q.type === 'statement' ? q.technicianInfluenceable : null,
  };
}
