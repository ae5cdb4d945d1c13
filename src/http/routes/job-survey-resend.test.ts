import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations, outboxMessages } from '../../db/schema';
import { markUndeliverableInvitations } from '../../domain/invitations/mark-undeliverable';
import { buildJob, buildWorld, type World } from '../../test/factories';
import { startHarness, type TestHarness } from '../../test/harness';
import { buildSentInvitation } from '../../test/survey-factories';
import { signInWorld, type WorldActor, worldActors } from '../../test/world-actors';

/**
 * POST /jobs/:id/survey/resend: only an admin, only an undeliverable invitation, and once — two
 * clicks at the same moment schedule it once. The job's survey says undeliverable and whether the
 * reader may send it again.
 */
let h: TestHarness;
let w: World;
let as: Record<WorldActor, Record<string, string>>;

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h.ctx.db);
  const signedIn = await signInWorld(h, w);
  as = Object.fromEntries(
    worldActors.map((a) => [a, { ...signedIn[a], origin: h.ctx.config.publicUrl }]),
  ) as unknown as typeof as;
}, 60_000);
afterAll(async () => h?.close());

/** A job of Jan's team, completed an hour ago, whose invitation's only e-mail failed. */
async function undeliverableJob() {
  const job = await buildJob(h.ctx.db, {
    teamId: w.teams.repairNorth.id,
    technicianId: w.technicians.repairNorth.id,
    tenantId: w.tenants[0]!.id,
    completedAt: new Date(Date.now() - 3_600_000),
  });
  const { invitation } = await buildSentInvitation(h.ctx.db, h.ctx.secret, job);
  await h.ctx.db.insert(outboxMessages).values({
    channel: 'email',
    kind: 'survey_invitation',
    recipient: 'onbereikbaar@example.invalid',
    bodyText: 'Hoe was het?',
    status: 'failed',
    attempts: 6,
    lastError: '550 mailbox unavailable',
    invitationId: invitation.id,
  });
  await h.ctx.db.transaction((tx) => markUndeliverableInvitations(tx, [invitation.id]));
  return { job, invitation };
}

const resend = (actor: WorldActor, jobId: number) =>
  h.app.inject({ method: 'POST', url: `/api/v1/jobs/${jobId}/survey/resend`, headers: as[actor] });
const survey = async (actor: WorldActor, jobId: number) =>
  (await h.app.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}/survey`, headers: as[actor] })).json();

describe('POST /jobs/:id/survey/resend', () => {
  it('the job says undeliverable; only an admin is offered the resend', async () => {
    const { job } = await undeliverableJob();
    expect((await survey('admin', job.id)).invitation).toMatchObject({
      status: 'sent',
      undeliverable: true,
      undeliverableAt: expect.any(String),
      can: { resend: true },
    });
    for (const actor of ['team_leader', 'quality', 'head', 'contact_centre'] as const)
      expect((await survey(actor, job.id)).invitation).toMatchObject({
        undeliverable: true,
        can: { resend: false },
      });
  });

  it('refuses every other role and API keys (403), before looking at the job', async () => {
    const { job, invitation } = await undeliverableJob();
    for (const actor of worldActors.filter((a) => a !== 'admin')) {
      const res = await resend(actor, job.id);
      expect(res.statusCode, `${actor}: ${res.body}`).toBe(403);
    }
    const [row] = await h.ctx.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row).toMatchObject({ status: 'sent', resentAt: null });
    expect(row!.undeliverableAt).not.toBeNull();
  });

  it('schedules it once: of two clicks at the same moment one is accepted, the other and a later one are 409', async () => {
    const { job, invitation } = await undeliverableJob();
    const answers = await Promise.all([resend('admin', job.id), resend('admin', job.id)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([202, 409]);
    const accepted = answers.find((a) => a.statusCode === 202)!.json();
    expect(accepted).toEqual({ invitationId: invitation.id, sendAfter: expect.any(String) });
    const refused = answers.find((a) => a.statusCode === 409)!.json();
    expect(refused).toMatchObject({ error: 'conflict', message: expect.stringMatching(/not undeliverable/) });
    expect((await resend('admin', job.id)).statusCode).toBe(409);

    const [row] = await h.ctx.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row).toMatchObject({ status: 'scheduled', undeliverableAt: null, sentAt: null });
    expect((await survey('admin', job.id)).invitation).toMatchObject({
      status: 'scheduled',
      undeliverable: false,
      resentAt: expect.any(String),
      can: { resend: false },
    });
  });

  it('answers 404 for a job that does not exist or has no invitation, 400 for a bad id', async () => {
    expect((await resend('admin', 2_000_000_000)).statusCode).toBe(404);
    expect((await resend('admin', w.jobs.repairNorthByPiet.id)).statusCode).toBe(404);
    expect((await resend('admin', 0)).statusCode).toBe(400);
  });
});
