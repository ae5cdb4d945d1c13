import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveSurveyToken, hashSurveyToken } from '../domain/invitations/survey-token';
import { startHarness, type TestHarness } from '../test/harness';
import { seedDemo } from './seed-demo';

const options = { scale: 0.02, asOf: '2026-05-20' };

describe('seeding the demo survey invitations and responses (small scale)', () => {
  let h: TestHarness;
  let seeded: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    h = await startHarness();
    seeded = await seedDemo({ ctx: h.ctx, options });
  }, 180_000);
  afterAll(async () => h?.close());

  const one = async (sql: string) => (await h.ctx.database.executeSql(sql)).rows[0];

  it('loads invitations, responses and answers that point at existing rows', async () => {
    const counts = await one(`select
      (select count(*)::int from invitations) as invitations,
      (select count(*)::int from responses) as responses,
      (select count(*)::int from response_answers) as answers,
      (select count(*)::int from invitations i where not exists (select 1 from jobs j where j.id = i.job_id and j.tenant_id = i.tenant_id and j.status = 'completed')) as orphan_invitations,
      (select count(*)::int from responses r where not exists (select 1 from invitations i where i.id = r.invitation_id and i.job_id = r.job_id and i.status = 'answered')) as orphan_responses,
      (select count(*)::int from response_answers a where not exists (select 1 from responses r where r.id = a.response_id)) as orphan_answers,
      (select count(*)::int from jobs where status = 'completed' and tenant_id is not null) as invitable`);
    expect(counts.invitations).toBe(counts.invitable);
    expect(counts.responses).toBeGreaterThan(counts.invitations * 0.2);
    expect(counts.answers).toBeGreaterThan(counts.responses * 8);
    expect([counts.orphan_invitations, counts.orphan_responses, counts.orphan_answers]).toEqual([0, 0, 0]);
    expect(seeded.counts).toMatchObject({ invitations: counts.invitations, responses: counts.responses });
  });

  it('asks the published questionnaire versions and copies the attribution of each job', async () => {
    const wrong = await one(`select
      (select count(*)::int from invitations i
         where i.questionnaire_version_id is not null and i.questionnaire_version_id <> (
           select v.id from questionnaire_versions v join questionnaires q on q.id = v.questionnaire_id
            where q.journey = i.journey and v.status = 'published')) as version,
      (select count(*)::int from responses r join jobs j on j.id = r.job_id join units u on u.id = j.unit_id
         where (r.journey, r.department_id, r.team_id, r.trade, r.unit_id, r.complex_id, r.completed_at)
                 is distinct from (j.journey, j.department_id, j.team_id, j.trade, j.unit_id, u.complex_id, j.completed_at)
            or r.technician_id is distinct from j.technician_id or r.contractor_id is distinct from j.contractor_id
            or r.tenant_id is distinct from case when r.consent then j.tenant_id end) as attribution,
      (select count(*)::int from responses r join response_answers a on a.response_id = r.id
         where (a.question_key = 'grade' and a.numeric_value <> r.grade)
            or (a.question_key = 'what_went_wrong' and r.grade > 5)) as answers`);
    expect(wrong).toEqual({ version: 0, attribution: 0, answers: 0 });
  });

  it('moves the sequences on, so the product continues numbering after the demo', async () => {
    for (const table of ['invitations', 'responses', 'response_answers']) {
      const row = await one(
        `select (select max(id) from ${table})::int as max, nextval(pg_get_serial_sequence('${table}', 'id'))::int as next`,
      );
      expect(row.next, table).toBe(row.max + 1);
    }
  });

  it('gives the open invitations of teamleider@’s team links that work with the install’s secret', async () => {
    expect(seeded.surveyLinks.length).toBeGreaterThan(0);
    for (const link of seeded.surveyLinks) {
      expect(link.startsWith(`${h.ctx.config.publicUrl}/s/`)).toBe(true);
      const token = link.split('/s/')[1]!;
      const { rows } = await h.ctx.database.executeSql(
        `select i.id, i.token_nonce, i.status, i.expires_at > now() as open, j.team_id,
                (select leader_employee_id from teams t where t.id = j.team_id) as leader
           from invitations i join jobs j on j.id = i.job_id where i.token_hash = $1`,
        [hashSurveyToken(token)],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'sent' });
      expect(deriveSurveyToken(h.ctx.secret, rows[0].id, rows[0].token_nonce)).toBe(token);
      const { leader } = await one(
        `select e.id as leader from users u join employees e on e.id = u.employee_id where u.email = 'teamleider@demo.achtplus.nl'`,
      );
      expect(rows[0].leader).toBe(leader);
    }
  });
});
