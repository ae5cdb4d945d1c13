import type { Db } from '../../db/client';
import { hashSurveyToken, SURVEY_TOKEN_PATTERN } from '../invitations/survey-token';
import { type AnswerProblem, type AnswerRow, checkAnswers } from '../questionnaires/check-answers';
import {
  type KnownVersion,
  knownVersions,
  publishedMsOf,
  questionnaireVersion,
} from '../questionnaires/published-definitions';
import { conditionMet, type TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';
import { isOpen, lookUpInvitation } from './open-survey';
import { runPrepared } from './prepared-statement';
import { draftValues } from './save-survey-draft';

export type SubmittedResponse =
  | { state: 'unknown' }
  | { state: 'answered' }
  | { state: 'invalid'; problems: AnswerProblem[] }
  | { state: 'revealed'; keys: string[] }
  | { state: 'submitted'; responseId: number };

/**
 * The tenant's one final submission, stored by ONE statement (so one transaction: everything or
 * nothing). That statement marks the invitation answered only while it is still open and asks a
 * version the answers were checked against, and from that row inserts the response with its
 * attribution copied from the job (as the job is at that moment), the typed answers in the
 * questionnaire's order and a `response.submitted` event. The update locks the invitation row: of
 * two submissions at once the second waits, finds the invitation answered and stores nothing (the
 * unique index responses_one_per_invitation backs this). The response carries the tenant only with
 * consent. A refused answer stores nothing.
 *
 * The common case costs one prepared statement: the answers are checked in advance against each
 * published version this process knows (kept in memory: questionnaires/published-definitions.ts), and the
 * statement stores them with the one the invitation asks. Otherwise (a version not read yet,
 * refused answers, an answered, expired or unknown link) the invitation is looked up first to
 * say what it is, and stored the same way if it can be.
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
    .filter((p): p is Prepared => 'rows' in p);
  if (ready.length) {
    const stored = await store(db, tokenHash, ready);
    if (stored) return { state: 'submitted', responseId: stored };
  }

  const invitation = await lookUpInvitation(db, tokenHash);
  if (!invitation?.versionId) return { state: 'unknown' };
  const version = await questionnaireVersion(db, invitation.versionId, invitation.publishedMs);
  if (!version) return { state: 'unknown' };
  if (invitation.status === 'answered') return { state: 'answered' };
  if (!isOpen(invitation)) return { state: 'unknown' };
  const prepared = prepare(version, answers, shown);
  if (!('rows' in prepared)) return prepared;
  const stored = await store(db, tokenHash, [prepared]);
  if (stored) return { state: 'submitted', responseId: stored };
  // answered (or expired) between the lookup and the statement: say what it is now
  const now = await lookUpInvitation(db, tokenHash);
  return now?.status === 'answered' ? { state: 'answered' } : { state: 'unknown' };
}

/** Answers checked against one version, as the statement stores them. */
interface Prepared {
  versionId: number;
  publishedMs: string | null;
  consent: boolean;
  grade: number | null;
  nps: number | null;
  rows: AnswerRow[];
}

function prepare(
  version: KnownVersion,
  answers: Record<string, unknown>,
  shown: string[] | undefined,
): Prepared | Extract<SubmittedResponse, { state: 'invalid' | 'revealed' }> {
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

/**
 * The whole submission as one statement. $1: the token's hash; $2: the prepared answers per
 * version (JSON). It answers the invitation if it is still open and asks one of those versions
 * (still published at the same moment), inserts the response from it and its job, the answers in
 * their order, and the event. Returns the new response's id, or null when nothing was stored.
 */
const SUBMIT = {
  name: 'achtplus_submit_response',
  types: ['text', 'text'],
  text: `
    WITH candidate AS (
      SELECT c."versionId", c."publishedMs", c.consent, c.grade, c.nps, c.rows
      FROM jsonb_to_recordset($2::jsonb) AS c("versionId" integer, "publishedMs" text, consent boolean,
        grade integer, nps integer, rows jsonb)
    ), answered AS (
      UPDATE invitations i
      SET status = 'answered', answered_at = now(), draft_answers = NULL, draft_saved_at = NULL
      FROM candidate c
      WHERE i.token_hash = $1 AND i.status = 'sent' AND (i.expires_at IS NULL OR i.expires_at > now())
        AND i.questionnaire_version_id = c."versionId"
        AND EXISTS (SELECT 1 FROM questionnaire_versions v WHERE v.id = c."versionId"
          AND ${publishedMsOf('v.published_at')} IS NOT DISTINCT FROM c."publishedMs")
      RETURNING i.id, i.job_id, i.tenant_id, i.journey, i.questionnaire_version_id, i.locale,
        c.consent, c.grade, c.nps, c.rows
    ), response AS (
      INSERT INTO responses (invitation_id, job_id, questionnaire_version_id, journey, department_id,
        team_id, technician_id, contractor_id, trade, unit_id, complex_id, completed_at, locale,
        consent, tenant_id, grade, nps)
      SELECT a.id, a.job_id, a.questionnaire_version_id, a.journey, j.department_id,
        j.team_id, j.technician_id, j.contractor_id, j.trade, j.unit_id, u.complex_id, j.completed_at,
        coalesce(a.locale, 'nl'), a.consent, CASE WHEN a.consent THEN a.tenant_id END, a.grade, a.nps
      FROM answered a
      LEFT JOIN jobs j ON j.id = a.job_id
      LEFT JOIN units u ON u.id = j.unit_id
      RETURNING id, invitation_id, job_id, team_id, technician_id, contractor_id, journey, grade, nps
    ), answers AS (
      INSERT INTO response_answers (response_id, question_key, question_type, numeric_value,
        text_value, choice_values, phase, technician_influenceable)
      SELECT r.id, x."questionKey", x."questionType", x."numericValue", x."textValue",
        x."choiceValues", x.phase, x."technicianInfluenceable"
      FROM response r
      JOIN answered a ON a.id = r.invitation_id
      CROSS JOIN LATERAL ROWS FROM (jsonb_to_recordset(a.rows) AS ("questionKey" text,
        "questionType" text, "numericValue" integer, "textValue" text, "choiceValues" text[],
        phase text, "technicianInfluenceable" boolean)) WITH ORDINALITY AS x
      ORDER BY x.ordinality
    ), event AS (
      INSERT INTO domain_events (type, subject_type, subject_id, payload)
      SELECT 'response.submitted', 'response', r.id::text, jsonb_build_object(
        'responseId', r.id, 'invitationId', r.invitation_id, 'jobId', r.job_id, 'teamId', r.team_id,
        'technicianId', r.technician_id, 'contractorId', r.contractor_id, 'journey', r.journey,
        'grade', r.grade, 'nps', r.nps)
      FROM response r
    )
    SELECT id FROM response`,
};

async function store(db: Db, tokenHash: string, prepared: Prepared[]): Promise<number | null> {
  const rows = await runPrepared<{ id: number }>(db, SUBMIT, [tokenHash, JSON.stringify(prepared)]);
  return rows[0]?.id ?? null;
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
