import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations, jobs, surveySettings, type tenants } from '../../db/schema';
import { systemActor } from '../../policy/actor';
import { buildJob, buildTenant } from '../../test/factories';
import { startHarness, type TestHarness } from '../../test/harness';
import { buildSentInvitation } from '../../test/survey-factories';
import { createApiKey } from '../api-keys/create-api-key';
import { importFile } from '../imports/run-import';
import { DISPATCH_JOB } from './dispatch-wakeup';

let h: TestHarness;
let auth: Record<string, string>;
const sent: Array<{ name: string; data: object; options: Record<string, unknown> }> = [];
beforeAll(async () => {
  h = await startHarness();
  const key = await createApiKey({
    db: h.ctx.db,
    actor: systemActor('test'),
    name: 'erp',
    scopes: ['jobs:write'],
  });
  auth = { authorization: `Bearer ${key.token}` };
  // a stand-in queue that records what would be enqueued (the real one needs a running worker)
  h.ctx.jobs = {
    async send(name, data, options) {
      sent.push({ name, data, options: options as Record<string, unknown> });
      return 'id';
    },
  };
});
afterAll(async () => h?.close());

type Tenant = typeof tenants.$inferSelect;
let n = 0;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
// 10:00 summer time, in the future: sendAfter = completion + delay, no "now" in the way
const FUTURE_MORNING = '2030-06-12T08:00:00.000Z';

async function postJobs(rows: Array<Record<string, unknown>>) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/jobs',
    headers: auth,
    payload: { jobs: rows },
  });
  expect(res.statusCode, res.body).toBe(200);
}
const completedJob = (tenant: Tenant | null, more: Record<string, unknown> = {}) => ({
  externalId: `S-${++n}`,
  journey: 'repair',
  status: 'completed',
  completedAt: hoursAgo(1),
  ...(tenant ? { tenantExternalId: tenant.externalId } : {}),
  ...more,
});
async function invitationOf(externalId: string) {
  const [row] = await h.ctx.db
    .select({ invitation: invitations })
    .from(invitations)
    .innerJoin(jobs, eq(jobs.id, invitations.jobId))
    .where(eq(jobs.externalId, externalId));
  return row?.invitation ?? null;
}
const countFor = async (externalId: string) => {
  const [row] = await h.ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(invitations)
    .innerJoin(jobs, eq(jobs.id, invitations.jobId))
    .where(eq(jobs.externalId, externalId));
  return row!.n;
};

describe('scheduling an invitation when a job becomes completed', () => {
  it('through the batch API: one invitation, after the delay, the dispatcher woken at that moment', async () => {
    const tenant = await buildTenant(h.ctx.db);
    const job = completedJob(tenant, { completedAt: FUTURE_MORNING });
    sent.length = 0;
    await postJobs([job]);
    const invitation = await invitationOf(job.externalId);
    expect(invitation).toMatchObject({
      status: 'scheduled',
      suppressionReason: null,
      tenantId: tenant.id,
      journey: 'repair',
    });
    expect(invitation!.sendAfter.toISOString()).toBe('2030-06-12T10:00:00.000Z');
    expect(invitation!.tokenHash).toBeNull();
    expect(sent).toEqual([
      expect.objectContaining({
        name: DISPATCH_JOB,
        options: expect.objectContaining({ startAfter: new Date('2030-06-12T10:00:00.000Z') }),
      }),
    ]);
    // the same batch again (and a later update) never makes a second one
    await postJobs([job]);
    await postJobs([{ ...job, description: 'nog een keer' }]);
    expect(await countFor(job.externalId)).toBe(1);
  });

  it('moves a sendAfter in the quiet hours to 08:00 the next morning', async () => {
    const tenant = await buildTenant(h.ctx.db);
    const job = completedJob(tenant, { completedAt: '2030-06-12T18:30:00.000Z' }); // 20:30 + 2 h = 22:30
    await postJobs([job]);
    expect((await invitationOf(job.externalId))!.sendAfter.toISOString()).toBe('2030-06-13T06:00:00.000Z');
  });

  it('counts the delay from now for a job completed earlier, and uses the journey’s delay', async () => {
    await h.ctx.db
      .update(surveySettings)
      .set({ delayMinutes: 30 })
      .where(eq(surveySettings.journey, 'planned'));
    const tenant = await buildTenant(h.ctx.db);
    const job = completedJob(tenant, { journey: 'planned', completedAt: hoursAgo(5) });
    const before = Date.now();
    await postJobs([job]);
    const sendAfter = (await invitationOf(job.externalId))!.sendAfter.getTime();
    await h.ctx.db
      .update(surveySettings)
      .set({ delayMinutes: 120 })
      .where(eq(surveySettings.journey, 'planned'));
    expect(sendAfter).toBeGreaterThanOrEqual(before + 30 * 60_000 - 1_000);
    // either exactly now + 30 min or, in the quiet hours, the next 08:00 (within 11 hours)
    expect(sendAfter).toBeLessThan(before + 11 * 3_600_000 + 30 * 60_000);
  });

  it('through status updates: a planned job completed later gets one invitation', async () => {
    const tenant = await buildTenant(h.ctx.db);
    const job = completedJob(tenant, { status: 'planned', completedAt: undefined });
    await postJobs([job]);
    expect(await invitationOf(job.externalId)).toBeNull();
    const update = { updates: [{ externalId: job.externalId, status: 'completed' }] };
    sent.length = 0;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/jobs/status',
      headers: auth,
      payload: update,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await invitationOf(job.externalId)).toMatchObject({ status: 'scheduled' });
    expect(sent).toHaveLength(1);
    await h.app.inject({ method: 'POST', url: '/api/v1/jobs/status', headers: auth, payload: update });
    expect(await countFor(job.externalId)).toBe(1);
  });

  it('a completion without a time is stamped now and surveyed', async () => {
    const tenant = await buildTenant(h.ctx.db);
    const job = completedJob(tenant, { completedAt: undefined });
    await postJobs([job]);
    const [row] = await h.ctx.db.select().from(jobs).where(eq(jobs.externalId, job.externalId));
    expect(row!.completedAt).not.toBeNull();
    expect(await invitationOf(job.externalId)).toMatchObject({ status: 'scheduled' });
  });

  it('through the CSV import, and only for jobs completed within the expiry days', async () => {
    const tenants = [await buildTenant(h.ctx.db), await buildTenant(h.ctx.db), await buildTenant(h.ctx.db)];
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    const csv = [
      'werkorder;klantreis;huurder;status;afgemeld',
      `IMP-RECENT;reparatie;${tenants[0]!.externalId};afgemeld;${day(2)}`,
      `IMP-OLD;reparatie;${tenants[1]!.externalId};afgemeld;${day(15)}`,
      `IMP-HISTORY;reparatie;${tenants[2]!.externalId};afgemeld;2022-03-01T10:00:00Z`,
    ].join('\n');
    sent.length = 0;
    const run = await importFile({
      db: h.ctx.db,
      actor: systemActor('test'),
      kind: 'jobs',
      fileName: 'werkorders.csv',
      bytes: Buffer.from(csv),
      // as the worker's import job passes it (src/jobs/imports.run.ts)
      dispatchWakeup: h.ctx.dispatchWakeup,
    });
    expect(run.status, JSON.stringify(run.problems)).toBe('done');
    expect(await invitationOf('IMP-RECENT')).toMatchObject({ status: 'scheduled' });
    expect(sent.map((s) => s.name)).toEqual([DISPATCH_JOB]);
    expect(await invitationOf('IMP-OLD')).toBeNull();
    expect(await invitationOf('IMP-HISTORY')).toBeNull();
  });

  it('schedules nothing for jobs that are not completed', async () => {
    const tenant = await buildTenant(h.ctx.db);
    const cancelled = completedJob(tenant, {
      status: 'cancelled',
      completedAt: undefined,
      cancelledAt: hoursAgo(1),
    });
    const reported = completedJob(tenant, { status: 'reported', completedAt: undefined });
    await postJobs([cancelled, reported]);
    expect(await invitationOf(cancelled.externalId)).toBeNull();
    expect(await invitationOf(reported.externalId)).toBeNull();
  });
});

describe('suppressed right away, with the reason', () => {
  it('journey disabled', async () => {
    await h.ctx.db
      .update(surveySettings)
      .set({ enabled: false })
      .where(eq(surveySettings.journey, 'vacancy'));
    const job = completedJob(await buildTenant(h.ctx.db), { journey: 'vacancy' });
    await postJobs([job]);
    await h.ctx.db.update(surveySettings).set({ enabled: true }).where(eq(surveySettings.journey, 'vacancy'));
    expect(await invitationOf(job.externalId)).toMatchObject({
      status: 'suppressed',
      suppressionReason: 'journey_disabled',
    });
  });

  it.each([
    ['no tenant on the job', null, 'no_contact'],
    ['tenant opted out', { optedOut: true }, 'opted_out'],
    ['prefers e-mail, has none', { preferredChannel: 'email', email: null }, 'no_contact'],
    ['prefers e-mail, only blanks', { preferredChannel: 'email', email: '  ' }, 'no_contact'],
    ['prefers SMS, has no mobile', { preferredChannel: 'sms', mobile: null }, 'no_contact'],
    ['wants nothing', { preferredChannel: 'none' }, 'no_contact'],
    ['both, neither address', { preferredChannel: 'both', email: null, mobile: null }, 'no_contact'],
    ['both, only a mobile', { preferredChannel: 'both', email: null }, null],
    ['SMS with a mobile and no e-mail', { preferredChannel: 'sms', email: null }, null],
  ] as const)('%s → %s', async (_name, tenantFields, reason) => {
    const tenant = tenantFields ? await buildTenant(h.ctx.db, { ...tenantFields }) : null;
    const job = completedJob(tenant);
    await postJobs([job]);
    expect(await invitationOf(job.externalId)).toMatchObject(
      reason
        ? { status: 'suppressed', suppressionReason: reason }
        : { status: 'scheduled', suppressionReason: null },
    );
  });

  it('quarantine: the tenant was invited (any journey) within the quarantine days', async () => {
    const tenant = await buildTenant(h.ctx.db);
    const earlier = await buildJob(h.ctx.db, { tenantId: tenant.id, journey: 'planned' });
    await buildSentInvitation(h.ctx.db, h.ctx.secret, earlier, {
      status: 'answered',
      sentAt: new Date(Date.now() - 20 * 86_400_000),
      expiresAt: new Date(Date.now() - 6 * 86_400_000),
    });
    const job = completedJob(tenant);
    await postJobs([job]);
    expect(await invitationOf(job.externalId)).toMatchObject({
      status: 'suppressed',
      suppressionReason: 'quarantine',
    });
  });

  it('quarantine over: invited 31 days ago → scheduled', async () => {
    const tenant = await buildTenant(h.ctx.db);
    const earlier = await buildJob(h.ctx.db, { tenantId: tenant.id });
    await buildSentInvitation(h.ctx.db, h.ctx.secret, earlier, {
      status: 'expired',
      sentAt: new Date(Date.now() - 31 * 86_400_000),
      expiresAt: new Date(Date.now() - 17 * 86_400_000),
    });
    const job = completedJob(tenant);
    await postJobs([job]);
    expect(await invitationOf(job.externalId)).toMatchObject({ status: 'scheduled' });
  });

  it('open invitation: another one for the tenant is still scheduled (an earlier batch)', async () => {
    const tenant = await buildTenant(h.ctx.db);
    const first = completedJob(tenant);
    await postJobs([first]);
    const second = completedJob(tenant);
    await postJobs([second]);
    expect(await invitationOf(first.externalId)).toMatchObject({ status: 'scheduled' });
    expect(await invitationOf(second.externalId)).toMatchObject({
      status: 'suppressed',
      suppressionReason: 'open_invitation',
    });
  });

  it('open invitation: a sent, unexpired one with quarantine off', async () => {
    await h.ctx.db
      .update(surveySettings)
      .set({ quarantineDays: 0 })
      .where(eq(surveySettings.journey, 'repair'));
    const tenant = await buildTenant(h.ctx.db);
    const earlier = await buildJob(h.ctx.db, { tenantId: tenant.id });
    await buildSentInvitation(h.ctx.db, h.ctx.secret, earlier, { sentAt: new Date(Date.now() - 86_400_000) });
    const job = completedJob(tenant);
    await postJobs([job]);
    await h.ctx.db
      .update(surveySettings)
      .set({ quarantineDays: 30 })
      .where(eq(surveySettings.journey, 'repair'));
    expect(await invitationOf(job.externalId)).toMatchObject({
      status: 'suppressed',
      suppressionReason: 'open_invitation',
    });
  });

  it('within one batch only the first job per tenant is scheduled', async () => {
    const tenant = await buildTenant(h.ctx.db);
    const other = await buildTenant(h.ctx.db);
    const batch = [
      completedJob(tenant, { completedAt: hoursAgo(2) }),
      completedJob(tenant, { completedAt: hoursAgo(3) }),
      completedJob(tenant, { completedAt: hoursAgo(1) }),
      completedJob(other),
    ];
    await postJobs(batch);
    const rows = await h.ctx.db
      .select({
        externalId: jobs.externalId,
        status: invitations.status,
        reason: invitations.suppressionReason,
      })
      .from(invitations)
      .innerJoin(jobs, eq(jobs.id, invitations.jobId))
      .where(
        inArray(
          jobs.externalId,
          batch.map((j) => j.externalId),
        ),
      );
    const of = (i: number) => rows.find((r) => r.externalId === batch[i]!.externalId);
    // the earliest completion goes out; the others wait their turn as open_invitation
    expect(of(1)).toMatchObject({ status: 'scheduled', reason: null });
    expect(of(0)).toMatchObject({ status: 'suppressed', reason: 'open_invitation' });
    expect(of(2)).toMatchObject({ status: 'suppressed', reason: 'open_invitation' });
    expect(of(3)).toMatchObject({ status: 'scheduled' });
  });
});
