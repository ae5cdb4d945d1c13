import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invitations } from '../../db/schema';
import { hashSurveyToken, SURVEY_TOKEN_PATTERN } from '../invitations/survey-token';
import { type AnswerProblem, type AnswerRow, checkAnswers } from '../questionnaires/check-answers';
import { isYesNo, type TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';
import { invitationForAnswers } from './open-survey';

export type SavedDraft =
  | { state: 'unknown' }
  | { state: 'answered' }
  | { state: 'invalid'; problems: AnswerProblem[] }
  | { state: 'saved'; draft: Record<string, DraftValue>; savedAt: Date };

export type DraftValue = number | boolean | string | string[];

/**
 * Save as you go (the page's script posts after every change): the answers so far, checked as a
 * partial submission (nothing required yet, answers to questions hidden by a condition dropped),
 * replace the invitation's draft. A forged or out-of-range answer stores nothing. Only an open
 * invitation takes a draft. The invitation is read as a submission reads it, the questionnaire
 * from memory while it is still the version kept (published-definitions.ts).
 */
export async function saveSurveyDraft({
  db,
  token,
  answers,
}: {
  db: Db;
  token: string;
  answers: Record<string, unknown>;
}): Promise<SavedDraft> {
  if (!SURVEY_TOKEN_PATTERN.test(token)) return { state: 'unknown' };
  const found = await invitationForAnswers(db, hashSurveyToken(token));
  if (found.state !== 'open') return found;
  const { definition } = found.version;
  const checked = checkAnswers(definition, answers, { partial: true });
  if (!checked.ok) return { state: 'invalid', problems: checked.problems };
  const draft = draftValues(definition, checked.rows);
  const savedAt = new Date();
  // the status condition keeps a draft from landing on an invitation answered meanwhile
  const updated = await db
    .update(invitations)
    .set({ draftAnswers: draft, draftSavedAt: savedAt })
    .where(and(eq(invitations.id, found.invitation.id), eq(invitations.status, 'sent')))
    .returning({ id: invitations.id });
  if (!updated.length) return { state: 'answered' };
  return { state: 'saved', draft, savedAt };
}

/** Checked rows back to answer values (yes/no as booleans), the form `checkAnswers` reads again. */
export function draftValues(
  definition: TQuestionnaireDefinition,
  rows: AnswerRow[],
): Record<string, DraftValue> {
  const types = new Map(definition.questions.map((q) => [q.key, q.type]));
  const values: Record<string, DraftValue> = {};
  for (const row of rows) {
    const type = types.get(row.questionKey);
    if (!type) continue;
    if (row.choiceValues) values[row.questionKey] = row.choiceValues;
    else if (row.textValue !== null) values[row.questionKey] = row.textValue;
    else if (row.numericValue !== null)
      values[row.questionKey] = isYesNo(type) ? row.numericValue === 1 : row.numericValue;
  }
  return values;
}
