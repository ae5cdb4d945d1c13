import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invitations } from '../../db/schema';
import { type AnswerProblem, type AnswerRow, checkAnswers } from '../questionnaires/check-answers';
import { isYesNo, type TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';
import { findAnswerableInvitation, type SurveyFormAgain } from './answerable-invitation';
import type { SurveyMachinery } from './survey-machinery';

export type SavedDraft =
  | { state: 'unknown' }
  | { state: 'answered' }
  | { state: 'invalid'; problems: AnswerProblem[]; form: SurveyFormAgain }
  | { state: 'saved'; draft: Record<string, DraftValue>; savedAt: Date };

export type DraftValue = number | boolean | string | string[];

/**
 * Save as you go (the page's script posts after every change, a page without script on "save"):
 * look up the invitation, check it is open, check the answers so far as a partial submission
 * (nothing required yet, answers to questions hidden by a condition dropped), and store them as the
 * invitation's draft. A forged or out-of-range answer stores nothing.
 */
export async function saveSurveyDraft({
  db,
  survey,
  token,
  answers,
}: {
  db: Db;
  survey: Pick<SurveyMachinery, 'invitations' | 'definitions'>;
  token: string;
  answers: Record<string, unknown>;
}): Promise<SavedDraft> {
  const found = await findAnswerableInvitation(survey, token);
  if (found.state !== 'open') return found;
  const draft = checkDraft(found.version.definition, answers);
  if (!draft.ok) return { state: 'invalid', problems: draft.problems, form: found.form };
  return storeDraft(db, found.invitation.id, draft.values);
}

/** The answers so far as a draft: checked as a partial submission, in the form checkAnswers reads again. */
export function checkDraft(definition: TQuestionnaireDefinition, answers: Record<string, unknown>) {
  const checked = checkAnswers(definition, answers, { partial: true });
  if (!checked.ok) return { ok: false as const, problems: checked.problems };
  return { ok: true as const, values: draftValues(definition, checked.rows) };
}

/** Replaces an open invitation's draft; `answered` when it was answered (or closed) meanwhile. */
export async function storeDraft(
  db: Db,
  invitationId: number,
  draft: Record<string, DraftValue>,
): Promise<Extract<SavedDraft, { state: 'saved' | 'answered' }>> {
  const savedAt = new Date();
  // the status condition keeps a draft from landing on an invitation answered meanwhile
  const updated = await db
    .update(invitations)
    .set({ draftAnswers: draft, draftSavedAt: savedAt })
    .where(and(eq(invitations.id, invitationId), eq(invitations.status, 'sent')))
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
