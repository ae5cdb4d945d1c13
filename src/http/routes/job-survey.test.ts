import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations, outboxMessages, responses, tenants } from '../../db/schema';
import { buildJob, buildWorld, type World } from '../../test/factories';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';
import { buildResponse, buildSentInvitation } from '../../test/survey-factories';
import { signInWorld, type WorldActor } from '../../test/world-actors';

/**
 * GET /jobs/:id/survey per role, and the anonymity rule on the job page: without consent no staff
 * view shows the tenant's name or contact data next to the answers.
 */
let h: TestHarness;
let w: World;
let as: Record<WorldActor | 'otherLeader', Record<string, string>>;
let reassigned: Awaited<ReturnType<typeof buildJob>>;

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h.ctx.db);
  const db = h.ctx.db;
  as = {
    ...(await signInWorld(h, w)),
    otherLeader: {
      cookie: (await signedInAs(h, 'team_leader', { employeeId: w.leaders.repairSouth.id })).cookie,
    },
  };
  // Jan's job: invited by e-mail, not delivered (no provider), reminded, answered with consent
  const { invitation } = await buildSentInvitation(db, h.ctx.secret, w.jobs.repairNorthByJan, {
    remindedAt: new Date('2024-03-08T09:00:00Z'),
  });
  await db.insert(outboxMessages).values([
    {
      channel: 'email',
      kind: 'survey_invitation',
      recipient: 'geheim@example.invalid',
      subject: 'Hoe was de reparatie?',
      bodyText: 'Beste huurder, https://example.invalid/s/token',
      status: 'not_sent',
      invitationId: invitation.id,
    },
    {
      channel: 'sms',
      kind: 'survey_reminder',
      recipient: '06-99999999',
      bodyText: 'Herinnering',
      status: 'failed',
      lastError: 'gateway 500',
      invitationId: invitation.id,
    },
  ]);
  const response = await buildResponse(db, w.jobs.repairNorthByJan, {
    invitationId: invitation.id,
    grade: 9,
    consent: true,
    comment: 'Prima',
  });
  await db
    .update(invitations)
    .set({ status: 'answered', answeredAt: response.submittedAt })
    .where(eq(invitations.id, invitation.id));
  // the contractor's job: answered with consent; Klaas's: answered anonymously
  await buildResponse(db, w.jobs.repairNorthByContractor, { grade: 6, consent: true });
  await buildResponse(db, w.jobs.repairSouthByKlaas, { grade: 4, consent: false, comment: 'Slecht' });
  // a sent invitation whose expiry passed before the dispatcher's cron marked it
  await buildSentInvitation(db, h.ctx.secret, w.jobs.plannedNorthByFatima, {
    expiresAt: new Date(Date.now() - 60_000),
  });
  // Jan's job, but the response was given to Piet's work: Jan sees the job, not Piet's response
  reassigned = await buildJob(db, {
    teamId: w.teams.repairNorth.id,
    technicianId: w.technicians.repairNorth.id,
    tenantId: w.tenants[0]!.id,
  });
  const other = await buildResponse(db, reassigned, { grade: 3 });
  await db
    .update(responses)
    .set({ technicianId: w.technicians.repairNorth2.id })
    .where(eq(responses.id, other.id));
}, 60_000);
afterAll(async () => h?.close());

const get = async (actor: keyof typeof as, url: string) => {
  const res = await h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as[actor] });
  return { status: res.statusCode, body: res.json(), text: res.body };
};
const survey = (actor: keyof typeof as, jobId: number) => get(actor, `/jobs/${jobId}/survey`);

describe('GET /jobs/:id/survey', () => {
  it('shows staff the invitation, its messages without body or recipient, and the response', async () => {
    const { status, body, text } = await survey('team_leader', w.jobs.repairNorthByJan.id);
    expect(status, text).toBe(200);
    expect(body.invitation).toMatchObject({
      status: 'answered',
      channel: 'email',
      suppressionReason: null,
      remindedAt: '2024-03-08T09:00:00.000Z',
      answeredAt: expect.any(String),
      expired: false,
    });
    expect(body.invitation.messages).toEqual([
      expect.objectContaining({
        channel: 'email',
        kind: 'survey_invitation',
        status: 'not_sent',
        sentAt: null,
      }),
      expect.objectContaining({ channel: 'sms', status: 'failed', lastError: 'gateway 500' }),
    ]);
    for (const secret of ['geheim@example.invalid', '06-99999999', 'Beste huurder', 'Hoe was de reparatie'])
      expect(text).not.toContain(secret);
    expect(body.response).toMatchObject({ grade: 9, consent: true, tenant: { name: w.tenants[0]!.name } });
  });

  it('shows a technician the response to their own job, never a colleague’s', async () => {
    const own = await survey('employee', w.jobs.repairNorthByJan.id);
    expect(own.body.response).toMatchObject({ grade: 9, technician: { id: w.technicians.repairNorth.id } });
    const reassignedJob = await survey('employee', reassigned.id);
    expect(reassignedJob.status).toBe(200);
    expect(reassignedJob.body.response).toBeNull();
    expect(reassignedJob.text).not.toContain('Piet');
    expect((await survey('employee', w.jobs.repairNorthByPiet.id)).status).toBe(404);
  });

  it('shows a contractor its job’s response without the tenant and without the invitation', async () => {
    const { status, body, text } = await survey('contractor', w.jobs.repairNorthByContractor.id);
    expect(status, text).toBe(200);
    expect(body).not.toHaveProperty('invitation');
    expect(body.response).toMatchObject({ grade: 6, consent: true });
    expect(body.response).not.toHaveProperty('tenant');
    for (const t of w.tenants) expect(text).not.toContain(t.name);
    expect((await survey('contractor', w.jobs.repairNorthByJan.id)).status).toBe(404);
  });

  it('answers 404 to a team leader of another team, and for a job that does not exist', async () => {
    expect((await survey('otherLeader', w.jobs.repairNorthByJan.id)).status).toBe(404);
    expect((await survey('otherLeader', w.jobs.repairSouthByKlaas.id)).status).toBe(200);
    expect((await survey('admin', 2_000_000_000)).status).toBe(404);
    expect((await survey('admin', 0)).status).toBe(400);
    expect((await survey('apiNone', w.jobs.repairNorthByJan.id)).status).toBe(404);
  });

  it('gives an integration with the read scopes the response part only when it may read responses', async () => {
    const { body } = await survey('apiRead', w.jobs.repairNorthByJan.id);
    expect(body).toEqual({});
  });

  it('counts a passed expiry as expired before the cron marks it', async () => {
    const { body } = await survey('admin', w.jobs.plannedNorthByFatima.id);
    expect(body.invitation).toMatchObject({ status: 'sent', expired: true, messages: [] });
    expect(body.response).toBeNull();
  });

  it('says null when there is no invitation or response yet', async () => {
    const { body } = await survey('admin', w.jobs.repairNorthByPiet.id);
    expect(body).toEqual({ invitation: null, response: null });
  });
});

describe('anonymity on the job page', () => {
  const klaasTenant = () => w.tenants.find((t) => t.id === w.jobs.repairSouthByKlaas.tenantId)!;

  it.each(['admin', 'head', 'contact_centre', 'quality'] as const)(
    'shows %s no tenant name on a job answered anonymously',
    async (actor) => {
      const job = await get(actor, `/jobs/${w.jobs.repairSouthByKlaas.id}`);
      expect(job.body.tenant).toEqual({ anonymous: true });
      const surveyPart = await survey(actor, w.jobs.repairSouthByKlaas.id);
      for (const text of [job.text, surveyPart.text]) {
        expect(text).not.toContain(klaasTenant().name);
        expect(text).not.toContain(klaasTenant().email!);
      }
      expect(surveyPart.body.response).toMatchObject({ grade: 4, consent: false });
    },
  );

  it('refuses the tenant’s contact data there (404) and audits nothing', async () => {
    const res = await get('admin', `/jobs/${w.jobs.repairSouthByKlaas.id}/tenant-contact`);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(klaasTenant().name);
    const audit = await h.ctx.database.executeSql(
      `select count(*)::int as n from audit_log where action = 'tenant_contact.opened'`,
    );
    expect(audit.rows[0]).toEqual({ n: 0 });
  });

  it('keeps the name and contact data where the tenant consented', async () => {
    const job = await get('admin', `/jobs/${w.jobs.repairNorthByJan.id}`);
    expect(job.body.tenant).toEqual({ id: w.tenants[0]!.id, name: w.tenants[0]!.name });
    expect((await get('admin', `/jobs/${w.jobs.repairNorthByJan.id}/tenant-contact`)).status).toBe(200);
  });

  it('still gives a contractor no tenant at all', async () => {
    const job = await get('contractor', `/jobs/${w.jobs.repairNorthByContractor.id}`);
    expect(job.body.tenant).toBeNull();
  });

  it('says in the tenant contact when the tenant opted out themselves', async () => {
    const at = new Date('2024-03-10T10:00:00Z');
    await h.ctx.db
      .update(tenants)
      .set({ optedOut: true, optedOutAt: at, selfOptedOutAt: at })
      .where(eq(tenants.id, w.tenants[0]!.id));
    const res = await get('admin', `/jobs/${w.jobs.repairNorthByJan.id}/tenant-contact`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ optedOut: true, selfOptedOutAt: at.toISOString(), erasedAt: null });
  });
});
