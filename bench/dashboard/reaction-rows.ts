import type { Database } from '../../src/db/client';
import type { TQuestionnaireDefinition } from '../../src/domain/questionnaires/questionnaire-definition';
import { ids } from './sql-parts';

/**
 * Reactions as a list shows them, by hand: the newest `limit` responses matching `where` (on
 * `responses r`) with the names of their attribution, then their answers and the questions' texts
 * from the versions answered — three statements, as few as a page with answers needs.
 */
export async function reactionRows(database: Database, where: string, limit: number) {
  const { rows } = await database.executeSql(
    `SELECT r.id, r.submitted_at, r.journey, r.trade, r.grade, r.nps, r.consent, r.locale, r.unlinked_at,
       r.department_id, r.questionnaire_version_id, j.id AS job_id, j.external_id AS job_external_id,
       t.id AS team_id, t.name AS team_name, e.id AS technician_id, e.name AS technician_name,
       c.id AS contractor_id, c.name AS contractor_name, qv.questionnaire_id, qv.version,
       CASE WHEN r.consent AND r.unlinked_at IS NULL THEN tn.name END AS tenant_name
     FROM responses r
       LEFT JOIN jobs j ON j.id = r.job_id LEFT JOIN teams t ON t.id = r.team_id
       LEFT JOIN employees e ON e.id = r.technician_id LEFT JOIN contractors c ON c.id = r.contractor_id
       LEFT JOIN questionnaire_versions qv ON qv.id = r.questionnaire_version_id
       LEFT JOIN tenants tn ON tn.id = r.tenant_id
     WHERE ${where} ORDER BY r.submitted_at DESC, r.id DESC LIMIT ${limit}`,
  );
  if (!rows.length) return [];
  const versionIds = [...new Set(rows.map((r) => Number(r.questionnaire_version_id)))];
  const [answers, versions] = await Promise.all([
    database.executeSql(
      `SELECT response_id, question_key, question_type, numeric_value, text_value, choice_values, phase,
         technician_influenceable
       FROM response_answers WHERE response_id = ANY(${ids(rows.map((r) => r.id))}) ORDER BY id`,
    ),
    database.executeSql(
      `SELECT id, definition FROM questionnaire_versions WHERE id = ANY(${ids(versionIds)})`,
    ),
  ]);
  const texts = new Map(
    versions.rows.map((v) => [
      Number(v.id),
      new Map((v.definition as TQuestionnaireDefinition).questions.map((q) => [q.key, q.text])),
    ]),
  );
  const versionOf = new Map(rows.map((r) => [r.id, Number(r.questionnaire_version_id)]));
  const byResponse = new Map<number, unknown[]>();
  for (const a of answers.rows) {
    const list = byResponse.get(a.response_id) ?? [];
    list.push({ ...a, questionText: texts.get(versionOf.get(a.response_id)!)?.get(a.question_key) ?? null });
    byResponse.set(a.response_id, list);
  }
  return rows.map((r) => ({ ...r, answers: byResponse.get(r.id) ?? [] }));
}

/** Has a written comment (as the app's hasComment filter). */
export const withComment = `EXISTS (SELECT 1 FROM response_answers ca WHERE ca.response_id = r.id
  AND ca.question_type = 'comment' AND btrim(ca.text_value) <> '')`;
