import type { QuestionType as DefinitionQuestionType } from '../domain/questionnaires/questionnaire-definition';

/**
 * The words of questionnaires and surveys. Plain values (see people.ts); the one `import type`
 * above is erased at build and only checks that `questionTypes` lists exactly the types the
 * definition schema knows.
 */

export const questionTypes = [
  'grade',
  'nps',
  'effort',
  'phase_grade',
  'statement',
  'first_time_fix',
  'choice',
  'comment',
  'consent',
] as const;
export type QuestionType = (typeof questionTypes)[number];

// a type added to the schema (or removed from this list) fails the type check here
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const questionTypesMatchSchema: Same<QuestionType, DefinitionQuestionType> = true;
void questionTypesMatchSchema;

/** Answer ranges per numeric question type (inclusive), as in docs/SURVEYS.md. */
export const scales = {
  grade: { min: 1, max: 10 },
  nps: { min: 0, max: 10 },
  effort: { min: 1, max: 7 },
  phase_grade: { min: 1, max: 10 },
  statement: { min: 1, max: 5 },
} as const satisfies Partial<Record<QuestionType, { min: number; max: number }>>;
export type ScaleType = keyof typeof scales;

/** Question types answered yes or no. */
export const yesNoTypes = ['first_time_fix', 'consent'] as const satisfies readonly QuestionType[];

/** The phases of a job a `phase_grade` question asks about. */
export const phases = ['reporting', 'appointment', 'visit', 'handling'] as const;
export type Phase = (typeof phases)[number];

export const conditionOperators = ['lte', 'gte', 'eq'] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

export const questionnaireStatuses = ['draft', 'published', 'retired'] as const;
export type QuestionnaireStatus = (typeof questionnaireStatuses)[number];

/** The channels an invitation goes by (a tenant's `none` gets no invitation). */
export const invitationChannels = ['email', 'sms', 'both'] as const;
export type InvitationChannel = (typeof invitationChannels)[number];
