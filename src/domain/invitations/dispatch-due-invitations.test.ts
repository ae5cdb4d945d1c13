import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { invitations, jobs, outboxMessages, tenants } from '../../db/schema';
import { testBackend } from '../../test/database';
import { middayAmsterdam } from '../../test/due-invitations';
import { buildJob, buildTenant } from '../../test/factories';
import { invitationSendingHarness } from '../../test/invitation-sending';
import { buildScheduledInvitation, buildSentInvitation } from '../../test/survey-factories';
import { createMailer, DELIVER_JOB, type Mailer } from '../messages/mailer';
import { getPublishedVersion } from '../questionnaires/get-published-version';
import { dispatchDueInvitations } from './dispatch-due-invitations';
import { deriveSurveyToken, hashSurveyToken } from './survey-token';

const NOW = middayAmsterdam(1);
const h = invitationSendingHarness(NOW);
const { reload, messagesOf } = h;
const dispatch = (more: { mailer?: Mailer; now?: Date; batchSize?: number } = {}) =>
  dispatchDueInvitations({ ...h.sending(), ...more });

/** A completed job with a scheduled invitation due at NOW (as the scheduler leaves it). */
async function dueInvitation(
  tenantFields: Partial<typeof tenants.$inferInsert> | null = {},
  jobFields: Partial<typeof jobs.$inferInsert> = {},
) {
  const tenant = tenantFields ? await buildTenant(h.ctx.db, tenantFields) : null;
  const job = await buildJob(h.ctx.db, { tenantId: tenant?.id ?? null, ...jobFields });
  const invitation = await buildScheduledInvitation(h.ctx.db, job, new Date(NOW.getTime() - 60_000));
  return { tenant, job, invitation };
}

describe('dispatchDueInvitations', () => {
  it('sends a due invitation: token hash, version, channel, times and its e-mail in one go', async () => {
    const { tenant, invitation } = await dueInvitation({ preferredChannel: 'email' });
    const result = await dispatch();
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const sent = await reload(invitation.id);
    const version = await getPublishedVersion({ db: h.ctx.db, journey: 'repair' });
    expect(sent).toMatchObject({
      status: 'sent',
      channel: 'email',
      questionnaireVersionId: version!.versionId,
      sentAt: NOW,
      expiresAt: new Date(NOW.getTime() + 14 * 86_400_000),
    });
    const token = deriveSurveyToken(h.ctx.secret, invitation.id, sent.tokenNonce!);
    expect(sent.tokenHash).toBe(hashSurveyToken(token));
    const messages = await messagesOf(invitation.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      channel: 'email',
      kind: 'survey_invitation',
      recipient: tenant!.email,
      status: 'not_sent',
      unsubscribeUrl: `http://localhost:3000/s/${token}/unsubscribe`,
    });
    expect(messages[0]!.bodyText).toContain(`http://localhost:3000/s/${token}`);
    expect(messages[0]!.bodyHtml).toContain(`href="http://localhost:3000/s/${token}"`);
    // nothing is left to send: a second run sends nothing more
    await dispatch();
    expect(await messagesOf(invitation.id)).toHaveLength(1);
  });

  it('sends by the tenant’s channel: SMS, both, or the one address "both" can reach', async () => {
    const sms = await dueInvitation({ preferredChannel: 'sms' });
    const both = await dueInvitation({ preferredChannel: 'both' });
    const bothMobileOnly = await dueInvitation({ preferredChannel: 'both', email: null });
    await dispatch();
    expect((await messagesOf(sms.invitation.id)).map((m) => [m.channel, m.recipient])).toEqual([
      ['sms', sms.tenant!.mobile],
    ]);
    expect((await messagesOf(both.invitation.id)).map((m) => m.channel)).toEqual(['email', 'sms']);
    expect((await reload(both.invitation.id)).channel).toBe('both');
    expect((await messagesOf(bothMobileOnly.invitation.id)).map((m) => m.channel)).toEqual(['sms']);
    expect((await reload(bothMobileOnly.invitation.id)).channel).toBe('sms');
    const [text] = await messagesOf(sms.invitation.id);
    expect(text!.bodyText).toMatch(/\/s\/[A-Za-z0-9_-]{32}/);
  });

  it('judges again at sending: cancelled since, opted out, contact gone, invited meanwhile', async () => {
    const cancelled = await dueInvitation();
    await h.ctx.db.update(jobs).set({ status: 'cancelled' }).where(eq(jobs.id, cancelled.job.id));
    const optedOut = await dueInvitation();
    await h.ctx.db.update(tenants).set({ optedOut: true }).where(eq(tenants.id, optedOut.tenant!.id));
    const noContact = await dueInvitation();
    await h.ctx.db.update(tenants).set({ email: null }).where(eq(tenants.id, noContact.tenant!.id));
    const quarantined = await dueInvitation();
    const other = await buildJob(h.ctx.db, { tenantId: quarantined.tenant!.id });
    await buildSentInvitation(h.ctx.db, h.ctx.secret, other, {
      sentAt: new Date(NOW.getTime() - 86_400_000),
    });
    const noTenant = await dueInvitation(null);
    await dispatch();
    const reasons = await h.ctx.db
      .select({ id: invitations.id, status: invitations.status, reason: invitations.suppressionReason })
      .from(invitations)
      .where(
        inArray(
          invitations.id,
          [cancelled, optedOut, noContact, quarantined, noTenant].map((x) => x.invitation.id),
        ),
      )
      .orderBy(invitations.id);
    expect(reasons.map((r) => [r.status, r.reason])).toEqual([
      ['suppressed', 'cancelled'],
      ['suppressed', 'opted_out'],
      ['suppressed', 'no_contact'],
      ['suppressed', 'quarantine'],
      ['suppressed', 'no_contact'],
    ]);
    for (const r of reasons) expect(await messagesOf(r.id)).toHaveLength(0);
  });

  it('never sends two invitations to one tenant in one run', async () => {
    const first = await dueInvitation();
    const job = await buildJob(h.ctx.db, { tenantId: first.tenant!.id });
    const second = await buildScheduledInvitation(h.ctx.db, job, NOW);
    await dispatch({ now: new Date(NOW.getTime() + 60_000) });
    expect((await reload(first.invitation.id)).status).toBe('sent');
    expect(await reload(second.id)).toMatchObject({
      status: 'suppressed',
      suppressionReason: 'open_invitation',
    });
  });

  it('waits while not due, and sends nothing in the quiet hours', async () => {
    const { invitation } = await dueInvitation();
    await h.ctx.db
      .update(invitations)
      .set({ sendAfter: new Date(NOW.getTime() + 3_600_000) })
      .where(eq(invitations.id, invitation.id));
    await dispatch();
    expect((await reload(invitation.id)).status).toBe('scheduled');
    const night = new Date(NOW.getTime() + 11 * 3_600_000); // 23:00
    expect(await dispatch({ now: night })).toMatchObject({ sent: 0, skipped: 'quiet_hours' });
    expect((await reload(invitation.id)).status).toBe('scheduled');
    await dispatch({ now: new Date(NOW.getTime() + 2 * 3_600_000) });
    expect((await reload(invitation.id)).status).toBe('sent');
  });

  it('with a provider, hands each message to the delivery job only after commit', async () => {
    const enqueued: Array<{ name: string; data: { outboxId?: number } }> = [];
    const mailer = createMailer({
      db: h.ctx.db,
      providers: { email: { send: async () => {} } },
      jobs: () => ({
        async send(name, data) {
          // the row must be committed (visible outside the dispatcher's transaction) by now
          const [row] = await h.ctx.db
            .select()
            .from(outboxMessages)
            .where(eq(outboxMessages.id, (data as { outboxId: number }).outboxId));
          expect(row?.status).toBe('queued');
          enqueued.push({ name, data });
          return 'job';
        },
      }),
    });
    const { invitation } = await dueInvitation();
    await dispatch({ mailer });
    const [message] = await messagesOf(invitation.id);
    expect(message).toMatchObject({ status: 'queued' });
    expect(enqueued).toContainEqual({
      name: DELIVER_JOB,
      data: expect.objectContaining({ outboxId: message!.id }),
    });
  });

  it('a crash midway sends nothing and leaves the batch scheduled; the next run sends each once', async () => {
    const batch = [];
    for (let i = 0; i < 5; i++) batch.push(await dueInvitation());
    let calls = 0;
    const crashing: Mailer = {
      ...h.ctx.mailer,
      async sendEmail(message, opts) {
        if (++calls === 3) throw new Error('process died');
        return h.ctx.mailer.sendEmail(message, opts);
      },
    };
    await expect(dispatch({ mailer: crashing })).rejects.toThrow('process died');
    const ids = batch.map((b) => b.invitation.id);
    const after = await h.ctx.db.select().from(invitations).where(inArray(invitations.id, ids));
    expect(after.every((i) => i.status === 'scheduled' && i.tokenHash === null && i.sentAt === null)).toBe(
      true,
    );
    const none = await h.ctx.db
      .select()
      .from(outboxMessages)
      .where(inArray(outboxMessages.invitationId, ids));
    expect(none).toHaveLength(0);
    await dispatch();
    const counts = await h.ctx.db
      .select({ id: outboxMessages.invitationId, n: sql<number>`count(*)::int` })
      .from(outboxMessages)
      .where(inArray(outboxMessages.invitationId, ids))
      .groupBy(outboxMessages.invitationId);
    expect(counts).toHaveLength(5);
    expect(counts.every((c) => c.n === 1)).toBe(true);
  });

  it('two dispatchers (two processes on PostgreSQL) at once: every invitation exactly one message', async () => {
    const count = 60;
    const ids: number[] = [];
    for (let i = 0; i < count; i++) ids.push((await dueInvitation()).invitation.id);
    // a second process: its own connection pool and mailer on the same database
    const second =
      testBackend === 'postgres' ? await openDatabase({ url: h.ctx.database.url! }) : h.ctx.database;
    const secondMailer = createMailer({ db: second.db, providers: {}, jobs: () => undefined });
    const run = (db: typeof second.db, mailer: Mailer) =>
      dispatchDueInvitations({ ...h.sending(), db, mailer, batchSize: 7 });
    try {
      // each "process" keeps running until nothing is due, as the minute cron would
      const keepGoing = async (db: typeof second.db, mailer: Mailer) => {
        for (let i = 0; i < 30; i++) {
          await run(db, mailer);
          const [left] = await db
            .select({ n: sql<number>`count(*)::int` })
            .from(invitations)
            .where(and(inArray(invitations.id, ids), eq(invitations.status, 'scheduled')));
          if (!left!.n) return;
        }
      };
      await Promise.all([
        keepGoing(h.ctx.db, h.ctx.mailer),
        keepGoing(second.db, secondMailer),
        keepGoing(h.ctx.db, h.ctx.mailer),
        keepGoing(second.db, secondMailer),
      ]);
    } finally {
      if (second !== h.ctx.database) await second.close();
    }
    const rows = await h.ctx.db.select().from(invitations).where(inArray(invitations.id, ids));
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(count);
    const perInvitation = await h.ctx.db
      .select({ id: outboxMessages.invitationId, n: sql<number>`count(*)::int` })
      .from(outboxMessages)
      .where(inArray(outboxMessages.invitationId, ids))
      .groupBy(outboxMessages.invitationId);
    expect(perInvitation).toHaveLength(count);
    expect(perInvitation.filter((p) => p.n !== 1)).toEqual([]);
  });
});
