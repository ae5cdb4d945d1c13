import type { Db } from '../../db/client';
import { runPrepared } from '../../db/prepared-statement';
import { GroupBatcher } from '../../lib/group-batcher';
import type { AnswerRow } from '../questionnaires/check-answers';
import { publishedMsOf } from '../questionnaires/published-definitions';

/** A tenant's answers checked against one questionnaire version, as the statement stores them. */
export interface CheckedSubmission {
  invitationId: number;
  versionId: number;
  publishedMs: string | null;
  consent: boolean;
  grade: number | null;
  nps: number | null;
  rows: AnswerRow[];
}

/**
 * Stores final submissions with ONE statement per batch: submissions that arrive while earlier ones
 * are being written wait and are then written together (../../lib/group-batcher.ts). One tenant
 * alone is written at once; at a hundred tenants at once a statement carries tens of them, and each
 * costs a third of what it costs alone (the statement's fixed work and the commit are shared). Every
 * tenant still waits for the commit of the statement that holds their submission before hearing
 * "stored", so nothing confirmed can be lost. One queue per process and database, owned by the
 * AppContext (survey-machinery.ts), which waits for it on a normal stop.
 *
 * The statement answers each invitation only while it is still open and asks the version its
 * answers were checked against (still published at the same moment), and from that row inserts the
 * response with its attribution copied from the job (as the job is at that moment), the typed
 * answers in the questionnaire's order and a `response.submitted` event. The update locks the
 * invitation row: of two submissions at once the second waits, finds it answered and stores nothing
 * (the unique index responses_one_per_invitation backs this); within one batch an invitation appears
 * at most once (a second submission of it waits for the next batch). When a batch's statement fails
 * (a constraint, a deadlock between processes), its submissions are each written again alone.
 */
export class SubmissionQueue {
  private readonly batcher: GroupBatcher<CheckedSubmission, number | null>;

  constructor(db: Db) {
    this.batcher = new GroupBatcher((batch) => runStatement(db, batch), {
      maxBatch: MAX_BATCH,
      maxRunning: MAX_WRITING,
      keyOf: (submission) => submission.invitationId,
    });
  }

  /**
   * Resolves with the new response's id once committed, or null when nothing was stored (answered
   * or expired meanwhile, or its version is no longer published as checked).
   */
  store(submission: CheckedSubmission): Promise<number | null> {
    return this.batcher.run(submission);
  }

  /** Waits for the submissions already handed in (a normal stop). */
  drain() {
    return this.batcher.drain();
  }
}

/** Statements under way at once per process and database (the pool also serves pages and the worker). */
export const MAX_WRITING = 2;
/** Submissions in one statement at most. */
export const MAX_BATCH = 50;

async function runStatement(db: Db, batch: CheckedSubmission[]) {
  const rows = await runPrepared<{ id: number; invitationId: number }>(db, SUBMIT, [JSON.stringify(batch)]);
  const stored = new Map(rows.map((row) => [Number(row.invitationId), Number(row.id)]));
  return batch.map((submission) => stored.get(submission.invitationId) ?? null);
}

/**
 * $1: the checked submissions (JSON), one element per invitation. Returns the new responses' ids
 * with their invitation's id.
 */
const SUBMIT = {
  name: 'achtplus_submit_responses',
  types: ['text'],
  text: `
    WITH candidate AS (
      SELECT c."invitationId", c."versionId", c."publishedMs", c.consent, c.grade, c.nps, c.rows
      FROM jsonb_to_recordset($1::jsonb) AS c("invitationId" integer, "versionId" integer, "publishedMs" text,
        consent boolean, grade integer, nps integer, rows jsonb)
    ), answered AS (
      UPDATE invitations i
      SET status = 'answered', answered_at = now(), draft_answers = NULL, draft_saved_at = NULL
      FROM candidate c
      WHERE i.id = c."invitationId" AND i.status = 'sent'
        AND (i.expires_at IS NULL OR i.expires_at > now())
        AND i.questionnaire_version_id = c."versionId"
        AND EXISTS (SELECT 1 FROM questionnaire_versions v WHERE v.id = c."versionId"
          AND ${publishedMsOf('v.published_at')} IS NOT DISTINCT FROM c."publishedMs")
      RETURNING i.id, i.job_id, i.tenant_id, i.journey, i.questionnaire_version_id,
        i.locale, c.consent, c.grade, c.nps, c.rows
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
      ORDER BY r.id, x.ordinality
    ), event AS (
      INSERT INTO domain_events (type, subject_type, subject_id, payload)
      SELECT 'response.submitted', 'response', r.id::text, jsonb_build_object(
        'responseId', r.id, 'invitationId', r.invitation_id, 'jobId', r.job_id, 'teamId', r.team_id,
        'technicianId', r.technician_id, 'contractorId', r.contractor_id, 'journey', r.journey,
        'grade', r.grade, 'nps', r.nps)
      FROM response r
      ORDER BY r.id
    )
    SELECT r.id, r.invitation_id AS "invitationId" FROM response r`,
};
