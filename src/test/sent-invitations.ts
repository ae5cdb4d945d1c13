import type { Database } from '../db/client';
import { deriveSurveyToken, hashSurveyToken, newTokenNonce } from '../domain/invitations/survey-token';
import { ensureDefaultQuestionnaires } from '../domain/questionnaires/ensure-default-questionnaires';

export interface SeededInvitation {
  token: string;
  invitationId: number;
  jobExternalId: string;
}

/**
 * Thousands of sent invitations, written set-based (the benches and the crash test need many): one
 * team, technician and department, a home and tenant per 10 jobs, completed repair jobs, and a sent
 * invitation per job as the dispatcher leaves it (the journey's published version, expiring in 14
 * days). Tokens are derived in JS from the secret exactly like the dispatcher does and only their
 * hashes are stored. `opened`: the tenants opened their page already (as one does before
 * submitting). Returns the tokens with their invitation and job; `prefix` keeps batches apart.
 */
export async function seedSentInvitations(
  database: Database,
  opts: { secret: string; count: number; prefix: string; opened?: boolean },
): Promise<SeededInvitation[]> {
  const { secret, count, prefix, opened = false } = opts;
  const sql = (text: string, values?: unknown[]) => database.executeSql(text, values);
  await ensureDefaultQuestionnaires({ db: database.db });
  await sql(
    `INSERT INTO organisation (id, name, sender_name, sender_email)
     VALUES (1, 'Woonstichting Voorbeeld', 'Woonstichting Voorbeeld', 'klant@voorbeeld.invalid')
     ON CONFLICT (id) DO NOTHING`,
  );
  const [department] = (
    await sql(
      `INSERT INTO departments (code, name, kind) VALUES ($1, 'Onderhoudsdienst', 'repair') RETURNING id`,
      [`${prefix}-OD`],
    )
  ).rows;
  const [team] = (
    await sql(
      `INSERT INTO teams (code, name, department_id) VALUES ($1, 'Regioteam Noord', $2) RETURNING id`,
      [`${prefix}-T`, department.id],
    )
  ).rows;
  const [technician] = (
    await sql(
      `INSERT INTO employees (external_id, name, role, department_id, trade)
       VALUES ($1, 'Vakman Jansen', 'technician', $2, 'timmerman') RETURNING id`,
      [`${prefix}-E`, department.id],
    )
  ).rows;
  const homes = Math.max(1, Math.ceil(count / 10));
  await sql(
    `INSERT INTO units (external_id, street, house_number, postcode, city)
     SELECT $1 || '-U' || g, 'Dorpsstraat', g::text, '3511 AB', 'Utrecht' FROM generate_series(1, $2::int) g`,
    [prefix, homes],
  );
  await sql(
    `INSERT INTO tenants (external_id, unit_id, name, email)
     SELECT $1 || '-H' || g, u.id, 'Huurder ' || g, 'huurder' || g || '@voorbeeld.invalid'
     FROM generate_series(1, $2::int) g JOIN units u ON u.external_id = $1 || '-U' || g`,
    [prefix, homes],
  );
  await sql(
    `INSERT INTO jobs (external_id, journey, trade, description, unit_id, tenant_id, department_id, team_id,
                       technician_id, status, reporting_channel, reported_at, completed_at)
     SELECT $1 || '-J' || g, 'repair', 'timmerman', 'Deur klemt (melding ' || g || ')', t.unit_id, t.id, $3, $4,
            $5, 'completed', 'phone', now() - interval '3 days', now() - interval '1 day'
     FROM generate_series(1, $2::int) g JOIN tenants t ON t.external_id = $1 || '-H' || ((g - 1) / 10 + 1)`,
    [prefix, count, department.id, team.id, technician.id],
  );
  const invited = (
    await sql(
      `INSERT INTO invitations (job_id, tenant_id, journey, status, channel, questionnaire_version_id,
                                send_after, sent_at, expires_at, opened_at)
       SELECT j.id, j.tenant_id, 'repair', 'sent', 'email', v.id,
              now() - interval '1 hour', now() - interval '1 hour', now() + interval '14 days',
              CASE WHEN $2 THEN now() - interval '5 minutes' END
       FROM jobs j
       JOIN questionnaires q ON q.journey = 'repair'
       JOIN questionnaire_versions v ON v.questionnaire_id = q.id AND v.status = 'published'
       WHERE j.external_id LIKE $1 || '-J%'
       ORDER BY j.id
       RETURNING id, (SELECT external_id FROM jobs WHERE jobs.id = job_id) AS "jobExternalId"`,
      [prefix, opened],
    )
  ).rows as Array<{ id: number; jobExternalId: string }>;
  const seeded: SeededInvitation[] = [];
  const chunk = 1_000;
  for (let start = 0; start < invited.length; start += chunk) {
    const values: unknown[] = [];
    const tuples = invited.slice(start, start + chunk).map(({ id, jobExternalId }, i) => {
      const nonce = newTokenNonce();
      const token = deriveSurveyToken(secret, id, nonce);
      seeded.push({ token, invitationId: id, jobExternalId });
      values.push(id, nonce, hashSurveyToken(token));
      return `($${i * 3 + 1}::int, $${i * 3 + 2}, $${i * 3 + 3})`;
    });
    await sql(
      `UPDATE invitations i SET token_nonce = v.nonce, token_hash = v.hash
       FROM (VALUES ${tuples.join(', ')}) AS v (id, nonce, hash) WHERE i.id = v.id`,
      values,
    );
  }
  return seeded;
}
