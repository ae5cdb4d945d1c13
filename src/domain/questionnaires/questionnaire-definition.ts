import { z } from 'zod';
import { type Phase, phases, type ScaleType, scales, yesNoTypes } from '../../contracts/surveys';

/**
 * What a questionnaire version asks. Validated before every write, because a published version is
 * answered by tenants and its answers feed every figure: a broken definition must never be stored.
 */

// phases, answer ranges and yes/no types are shared with the staff app (src/contracts/surveys.ts)
export { type Phase, phases, type ScaleType, scales, yesNoTypes };
export const COMMENT_MAX_LENGTH = 5000;
export const TEXT_MAX_LENGTH = 500;

const ZText = z.string().trim().min(1, 'must not be empty').max(TEXT_MAX_LENGTH);
export const ZLocalisedText = z.object({ nl: ZText, en: ZText });

export const ZCondition = z.object({
  questionKey: z.string(),
  operator: z.enum(['lte', 'gte', 'eq']),
  value: z.union([z.number().int(), z.string().min(1).max(100), z.boolean()]),
});

/**
 * The tenant's page posts each answer under its question's key, next to its own fields: the button
 * (`action`) and the markers of the questions shown (`_shown`). A question under one of those names
 * would lose its answers to them.
 */
export const RESERVED_QUESTION_KEYS = ['action', '_shown'] as const;

const base = {
  key: z
    .string()
    .max(60)
    .refine((key) => !(RESERVED_QUESTION_KEYS as readonly string[]).includes(key), {
      error: (issue) =>
        `"${issue.input}" is reserved for the survey page's own form fields (${RESERVED_QUESTION_KEYS.join(', ')}); choose another key`,
      abort: true,
    })
    .regex(/^[a-z][a-z0-9_]*$/, 'must start with a-z and contain only a-z, 0-9 and _'),
  text: ZLocalisedText,
  help: ZLocalisedText.optional(),
  required: z.boolean(),
  condition: ZCondition.optional(),
};

const ZOption = z.object({
  value: z
    .string()
    .max(60)
    .regex(/^[a-z0-9][a-z0-9_]*$/, 'must contain only a-z, 0-9 and _'),
  label: ZLocalisedText,
});

export const ZQuestion = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('grade') }),
  z.object({ ...base, type: z.literal('nps') }),
  z.object({ ...base, type: z.literal('effort') }),
  z.object({ ...base, type: z.literal('phase_grade'), phase: z.enum(phases) }),
  z.object({ ...base, type: z.literal('statement'), technicianInfluenceable: z.boolean() }),
  z.object({ ...base, type: z.literal('first_time_fix') }),
  z.object({
    ...base,
    type: z.literal('choice'),
    options: z.array(ZOption).min(2).max(20),
    multiple: z.boolean().optional(),
  }),
  z.object({ ...base, type: z.literal('comment') }),
  z.object({ ...base, type: z.literal('consent') }),
]);
export type TQuestion = z.infer<typeof ZQuestion>;
export type QuestionType = TQuestion['type'];

export const isScale = (type: QuestionType): type is ScaleType => type in scales;
export const isYesNo = (type: QuestionType) => (yesNoTypes as readonly string[]).includes(type);

export const ZQuestionnaireDefinition = z
  .object({ questions: z.array(ZQuestion).min(1).max(60) })
  .superRefine(({ questions }, ctx) => {
    const problem = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path: ['questions', ...path], message });
    const seen = new Map<string, TQuestion>();
    questions.forEach((q, i) => {
      if (seen.has(q.key)) problem([i, 'key'], `duplicate key "${q.key}"`);
      if (q.type === 'grade' && i !== 0) problem([i, 'type'], 'the grade question must come first');
      if (q.type === 'consent' && i !== questions.length - 1)
        problem([i, 'type'], 'the consent question must be the last question');
      if (q.type === 'choice') {
        const values = q.options.map((o) => o.value);
        values.forEach((v, j) => {
          if (values.indexOf(v) !== j) problem([i, 'options', j, 'value'], `duplicate option "${v}"`);
        });
      }
      if (q.condition) {
        const message = conditionProblem(q.condition, seen.get(q.condition.questionKey));
        if (message) problem([i, 'condition', message.field], message.text);
      }
      seen.set(q.key, q);
    });
    const grades = questions.filter((q) => q.type === 'grade').length;
    if (grades !== 1) problem([], `exactly one grade question is needed (found ${grades})`);
    if (questions[0] && questions[0].type !== 'grade')
      problem([0, 'type'], 'the first question must be the grade (rapportcijfer)');
  });
export type TQuestionnaireDefinition = z.infer<typeof ZQuestionnaireDefinition>;
export type TCondition = z.infer<typeof ZCondition>;

/** A condition may only look back, at a question whose answers can be compared that way. */
function conditionProblem(
  condition: TCondition,
  target: TQuestion | undefined,
): { field: 'questionKey' | 'operator' | 'value'; text: string } | undefined {
  if (!target) return { field: 'questionKey', text: `"${condition.questionKey}" is not an earlier question` };
  const { operator, value } = condition;
  if (isScale(target.type)) {
    const { min, max } = scales[target.type as ScaleType];
    if (typeof value !== 'number' || value < min || value > max)
      return { field: 'value', text: `must be a whole number from ${min} to ${max}` };
    return undefined;
  }
  if (operator !== 'eq') return { field: 'operator', text: `only "eq" applies to a ${target.type} question` };
  if (isYesNo(target.type) && typeof value !== 'boolean')
    return { field: 'value', text: 'must be true or false' };
  if (target.type === 'choice' && !target.options.some((o) => o.value === value))
    return { field: 'value', text: 'must be one of the options of that question' };
  if (target.type === 'comment') return { field: 'questionKey', text: 'a comment cannot be a condition' };
  return undefined;
}

/** Whether a question is shown, given the answers so far (already checked values). */
export function conditionMet(condition: TCondition | undefined, answered: Map<string, unknown>): boolean {
  if (!condition) return true;
  const answer = answered.get(condition.questionKey);
  if (answer === undefined) return false;
  const { operator, value } = condition;
  if (Array.isArray(answer)) return operator === 'eq' && answer.includes(value);
  if (operator === 'lte') return typeof answer === 'number' && answer <= (value as number);
  if (operator === 'gte') return typeof answer === 'number' && answer >= (value as number);
  return answer === value;
}
