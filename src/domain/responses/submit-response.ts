import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invitations } from '../../db/schema';
import { type AnswerProblem, type AnswerRow, checkAnswers } from '../questionnaires/check-answers';
import type { KnownVersion } from '../questionnaires/published-definitions';
import { conditionMet, type TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';
import { findAnswerableInvitation, type SurveyFormAgain } from './answerable-invitation';
import { checkDraft, draftValues, storeDraft } from './save-survey-draft';
import type { CheckedSubmission } from './store-submissions';
import type { SurveyMachinery } from './survey-machinery';

export type SubmittedResponse =
  | { state: 'unknown' }
  | { state: 'answered' }
  | { state: 'invalid'; problems: AnswerProblem[]; form: SurveyFormAgain }
  | { state: 'revealed'; keys: string[]; form: SurveyFormAgain }
  | { state: 'submitted'; responseId: number };

/**
 * The tenant's one final submission: look up the invitation (one token lookup, shared with other
 * submissions arriving at the same moment: invitation-lookups.ts), check that it is open, check the
 * answers against the version it asks, store. The response is stored by one statement (so one
 * transaction: everything or nothing), shared with other tenants' submissions arriving at the same
 * moment (store-submissions.ts says how, and what the statement checks again and writes). The
 * response carries the tenant only with consent. A refused answer stores nothing.
 *
 * `shown` lists the questions the page showed. A follow-up question that the answers now call
 * for but the tenant never saw (a page without JavaScript shows "what went wrong?" only after a
 * round-trip) answers `revealed` instead: the answers so far are kept as the draft, and the page
 * asks it before anything is submitted.
 */
export async function submitResponse({
  db,
  survey,
  token,
  answers,
  shown,
}: {
  db: Db;
  survey: Pick<SurveyMachinery, 'invitations' | 'definitions' | 'submissions'>;
  token: string;
  answers: Record<string, unknown>;
  shown?: string[];
}): Promise<SubmittedResponse> {
  const found = await findAnswerableInvitation(survey, token);
  if (found.state !== 'open') return found;
  const { invitation, version, form } = found;

  const checked = checkAnswers(version.definition, answers);
  if (!checked.ok) return { state: 'invalid', problems: checked.problems, form };
  const revealed = shown ? unseenFollowUps(version.definition, checked.rows, shown) : [];
  if (revealed.length) {
    const draft = checkDraft(version.definition, answers);
    const saved = draft.ok ? await storeDraft(db, invitation.id, draft.values) : null;
    if (saved?.state === 'answered') return { state: 'answered' };
    return { state: 'revealed', keys: revealed, form };
  }

  const stored = await survey.submissions.store(submission(invitation.id, version, checked.rows));
  if (stored) return { state: 'submitted', responseId: stored };
  // answered (or expired) between the lookup and the statement: say what it is now
  const [now] = await db
    .select({ status: invitations.status })
    .from(invitations)
    .where(eq(invitations.id, invitation.id));
  return now?.status === 'answered' ? { state: 'answered' } : { state: 'unknown' };
}

function submission(invitationId: number, version: KnownVersion, rows: AnswerRow[]): CheckedSubmission {
  return {
    invitationId,
    versionId: version.versionId,
    publishedMs: version.publishedMs,
    consent: numberOf(rows, 'consent') === 1,
    grade: numberOf(rows, 'grade'),
    nps: numberOf(rows, 'nps'),
    rows,
  };
}

/** Conditional questions the answers call for, left unanswered, that the page did not show. */
function unseenFollowUps(definition: TQuestionnaireDefinition, rows: AnswerRow[], shown: string[]) {
  const answered = new Map(Object.entries(draftValues(definition, rows)));
  return definition.questions
    .filter((q) => q.condition && !shown.includes(q.key) && !answered.has(q.key))
    .filter((q) => conditionMet(q.condition, answered))
    .map((q) => q.key);
}

/** The first answer of a question type as a number (grade, NPS, consent as 1/0). */
function numberOf(rows: AnswerRow[], type: AnswerRow['questionType']) {
  return rows.find((r) => r.questionType === type)?.numericValue ?? null;
}
