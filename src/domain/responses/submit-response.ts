import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { hashSurveyToken, SURVEY_TOKEN_PATTERN } from '../invitations/survey-token';
import { type AnswerProblem, type AnswerRow, checkAnswers } from '../questionnaires/check-answers';
import { conditionMet, type TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';
import { isOpen } from './open-survey';
import { publicationMoment, questionnaireDefinition } from './published-definitions';
import { draftValues } from './save-survey-draft';

export type SubmittedResponse =
  | { state: 'unknown' }
  | { state: 'answered' }
  | { state: 'invalid'; problems: AnswerProblem[] }
  | { state: 'revealed'; keys: string[] }
  | { state: 'submitted'; responseId: number };

/**
 * The tenant's one final submission. The invitation is looked up by the token's hash and the
 * answers are checked against its questionnaire version (kept in memory once published); then ONE
 * statement, and so one transaction, stores everything or nothing: it marks the invitation answered
 * only while it is still open and still asks that version, and from that row it inserts the
 * response with its attribution copied from the job (as the job is at that moment), the typed
 * answers and a `response.submitted` event. The update locks the invitation row: of two
 * submissions at once the second waits, finds the invitation answered and stores nothing (the
 * unique index responses_one_per_invitation backs this). The response carries the tenant only with
 * consent. A refused answer stores nothing.
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
  const invitation = await lookUp(db, hashSurveyToken(token));
  if (!invitation?.versionId) return { state: 'unknown' };
  const definition = await questionnaireDefinition(
    db,
    invitation.versionId,
    publicationMoment(invitation.publishedAt),
  );
  if (!definition) return { state: 'unknown' };
  if (invitation.status === 'answered') return { state: 'answered' };
  if (!isOpen(invitation)) return { state: 'unknown' };
  const checked = checkAnswers(definition, answers);
  if (!checked.ok) return { state: 'invalid', problems: checked.problems };
  const revealed = shown ? unseenFollowUps(definition, checked.rows, shown) : [];
  if (revealed.length) return { state: 'revealed', keys: revealed };

  const rows = checked.rows;
  const consent = numberOf(rows, 'consent') === 1;
  const stored = await store(db, {
    invitationId: invitation.id,
    versionId: invitation.versionId,
    consent,
    grade: numberOf(rows, 'grade'),
    nps: numberOf(rows, 'nps'),
    rows,
  });
  if (stored) return { state: 'submitted', responseId: stored };
  // answered (or expired) between the lookup and the write: say what it is now
  const now = await lookUp(db, hashSurveyToken(token));
  return now?.status === 'answered' ? { state: 'answered' } : { state: 'unknown' };
}

interface FoundInvitation {
  id: number;
  status: string;
  expiresAt: Date | null;
  versionId: number | null;
  publishedAt: unknown;
}

/** One indexed read by the token's hash: the invitation's state and the version it asks. */
async function lookUp(db: Db, tokenHash: string): Promise<FoundInvitation | undefined> {
  const result = (await db.execute(sql`
    SELECT i.id, i.status, i.expires_at AS "expiresAt", i.questionnaire_version_id AS "versionId",
           v.published_at AS "publishedAt"
    FROM invitations i LEFT JOIN questionnaire_versions v ON v.id = i.questionnaire_version_id
    WHERE i.token_hash = ${tokenHash}`)) as unknown as { rows: FoundInvitation[] };
  const row = result.rows[0];
  if (!row) return undefined;
  const expiresAt = row.expiresAt === null ? null : new Date(row.expiresAt as unknown as string);
  return { ...row, expiresAt };
}

/**
 * The whole submission as one statement: answer the invitation (only if still open and asking
 * this version), insert the response from it and its job, the answers in their order, and the
 * event. Returns the new response's id, or null when the invitation was no longer open.
 */
async function store(
  db: Db,
  s: {
    invitationId: number;
    versionId: number;
    consent: boolean;
    grade: number | null;
    nps: number | null;
    rows: AnswerRow[];
  },
): Promise<number | null> {
  const answerRows = JSON.stringify(s.rows);
  const result = (await db.execute(sql`
    WITH answered AS (
      UPDATE invitations
      SET status = 'answered', answered_at = now(), draft_answers = NULL, draft_saved_at = NULL
      WHERE id = ${s.invitationId} AND status = 'sent' AND (expires_at IS NULL OR expires_at > now())
        AND questionnaire_version_id = ${s.versionId}
      RETURNING id, job_id, tenant_id, journey, questionnaire_version_id, locale
    ), response AS (
      INSERT INTO responses (invitation_id, job_id, questionnaire_version_id, journey, department_id,
        team_id, technician_id, contractor_id, trade, unit_id, complex_id, completed_at, locale,
        consent, tenant_id, grade, nps)
      SELECT a.id, a.job_id, a.questionnaire_version_id, a.journey, j.department_id,
        j.team_id, j.technician_id, j.contractor_id, j.trade, j.unit_id, u.complex_id, j.completed_at,
        coalesce(a.locale, 'nl'), ${s.consent}::boolean,
        CASE WHEN ${s.consent}::boolean THEN a.tenant_id END, ${s.grade}::integer, ${s.nps}::integer
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
      CROSS JOIN ROWS FROM (jsonb_to_recordset(${answerRows}::jsonb) AS ("questionKey" text,
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
    SELECT id FROM response`)) as unknown as { rows: Array<{ id: number }> };
  return result.rows[0]?.id ?? null;
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
