import type { Db } from '../../db/client';
import { hashSurveyToken, SURVEY_TOKEN_PATTERN } from '../invitations/survey-token';
import { type AnswerProblem, type AnswerRow, checkAnswers } from '../questionnaires/check-answers';
import { type KnownVersion, knownVersions } from '../questionnaires/published-definitions';
import { conditionMet, type TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';
import { invitationForAnswers, lookUpInvitation } from './open-survey';
import { draftValues } from './save-survey-draft';
import { type CheckedSubmission, storeSubmission } from './store-submissions';

export type SubmittedResponse =
  | { state: 'unknown' }
  | { state: 'answered' }
  | { state: 'invalid'; problems: AnswerProblem[] }
  | { state: 'revealed'; keys: string[] }
  | { state: 'submitted'; responseId: number };

/**
 * The tenant's one final submission, stored by one statement (so one transaction: everything or
 * nothing), shared with other tenants' submissions arriving at the same moment (store-submissions.ts
 * says how, and what the statement checks and writes). The response carries the tenant only with
 * consent. A refused answer stores nothing.
 *
 * The common case costs no query of its own: the answers are checked in advance against each
 * published version this process knows (kept in memory: questionnaires/published-definitions.ts),
 * and the statement stores them with the one the invitation asks. Otherwise (a version not read yet,
 * refused answers, an answered, expired or unknown link) the invitation is looked up first to say
 * what it is, and stored the same way if it can be.
 *
 * `shown` lists the questions the page showed. A follow-up question that the answers now call
 * for but the tenant never saw (a page without JavaScript shows "what went wrong?" only after a
 * round-trip) answers `revealed` instead, so the page can ask it before anything is stored.
 */
export async function submitResponse({
  db,
  token,
  answers,
  shown,
}: {
  db: Db;
  token: string;
  answers: Record<string, unknown>;
  shown?: string[];
}): Promise<SubmittedResponse> {
  if (!SURVEY_TOKEN_PATTERN.test(token)) return { state: 'unknown' };
  const tokenHash = hashSurveyToken(token);
  const ready = knownVersions(db)
    .map((version) => prepare(version, answers, shown))
    .filter((p): p is CheckedSubmission => 'rows' in p);
  if (ready.length) {
    const stored = await storeSubmission(db, tokenHash, ready);
    if (stored) return { state: 'submitted', responseId: stored };
  }

  const found = await invitationForAnswers(db, tokenHash);
  if (found.state !== 'open') return found;
  const prepared = prepare(found.version, answers, shown);
  if (!('rows' in prepared)) return prepared;
  const stored = await storeSubmission(db, tokenHash, [prepared]);
  if (stored) return { state: 'submitted', responseId: stored };
  // answered (or expired) between the lookup and the statement: say what it is now
  const now = await lookUpInvitation(db, tokenHash);
  return now?.status === 'answered' ? { state: 'answered' } : { state: 'unknown' };
}

function prepare(
  version: KnownVersion,
  answers: Record<string, unknown>,
  shown: string[] | undefined,
): CheckedSubmission | Extract<SubmittedResponse, { state: 'invalid' | 'revealed' }> {
  const checked = checkAnswers(version.definition, answers);
  if (!checked.ok) return { state: 'invalid', problems: checked.problems };
  const revealed = shown ? unseenFollowUps(version.definition, checked.rows, shown) : [];
  if (revealed.length) return { state: 'revealed', keys: revealed };
  const rows = checked.rows;
  return {
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
