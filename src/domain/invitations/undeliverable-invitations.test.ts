import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations, outboxMessages, tenants } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { may } from '../../policy/policy';
import { buildJob, buildTenant } from '../../test/factories';
import { invitationSendingHarness } from '../../test/invitation-sending';
import { buildScheduledInvitation } from '../../test/survey-factories';
import { startTestSmsGateway, startTestSmtpServer } from '../../test/test-servers';
import { claimMessages } from '../messages/claims';
import { configuredProviders } from '../messages/configured-providers';
import { deliverMessage } from '../messages/deliver-message';
import { createMailer, type JobSender, type Mailer } from '../messages/mailer';
import type { MessageProviders } from '../messages/providers';
import { sweepOutbox } from '../messages/sweep-outbox';
import { getJobSurvey } from '../responses/get-job-survey';
import { dispatchDueInvitations } from './dispatch-due-invitations';
import { resendInvitation } from './resend-invitation';
import { scheduleInvitations } from './schedule-invitations';
import { sendDueReminders } from './send-due-reminders';

/**
 * Point 8 of issue 8: an invitation whose every message failed says so on the job, holds back no
 * other survey of the tenant, and an admin can send it again — once, however many clicks.
 */
const h = invitationSendingHarness(new Date());
const { reload, messagesOf } = h;
const admin: Actor = { kind: 'user', userId: 'admin-1', role: 'admin' } as Actor;
const teamLeader: Actor = { kind: 'user', userId: 'leader-1', role: 'team_leader' } as Actor;

let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let refusingSmtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let refusingSms: Awaited<ReturnType<typeof startTestSmsGateway>>;
let workingSms: Awaited<ReturnType<typeof startTestSmsGateway>>;
beforeAll(async () => {
  [smtp, refusingSmtp, refusingSms, workingSms] = await Promise.all([
    startTestSmtpServer(),
    startTestSmtpServer({ refuse: 'mailbox unavailable' }),
    startTestSmsGateway({ status: 500 }),
    startTestSmsGateway(),
  ]);
});
afterAll(async () => {
  await Promise.all([smtp, refusingSmtp, refusingSms, workingSms].map((s) => s?.close()));
});

/** A mailer that writes `queued` rows for these providers and enqueues nothing (the test delivers). */
function mailerWith(config: { SMTP_URL?: string; SMS_URL?: string }) {
  const jobs: JobSender = { send: async () => 'job' };
  const providers = configuredProviders({ db: h.ctx.db, config });
  return { mailer: createMailer({ db: h.ctx.db, providers, jobs: () => jobs }), providers };
}

/** 12:00 today if that passed, else now: the dispatcher never sends in the quiet hours. */
const sendingMoment = (notBefore: Date) => new Date(Math.max(Date.now() + 1000, notBefore.getTime()));

/** A tenant's just-completed job whose invitation went out (messages queued, none delivered yet). */
async function sentInvitation(mailer: Mailer, tenantFields: Partial<typeof tenants.$inferInsert>) {
  const tenant = await buildTenant(h.ctx.db, tenantFields);
  const job = await buildJob(h.ctx.db, {
    tenantId: tenant.id,
    completedAt: new Date(Date.now() - 3_600_000),
  });
  const invitation = await buildScheduledInvitation(h.ctx.db, job, new Date(Date.now() - 60_000));
  const now = sendingMoment(nextDaytime());
  await dispatchDueInvitations({ ...h.sending(now), mailer });
  expect((await reload(invitation.id)).status).toBe('sent');
  return { tenant, job, invitation, messages: await messagesOf(invitation.id), now };
}

/** Delivers every queued message of the invitation once, with at most `maxAttempts` tries in all. */
async function deliverAll(invitationId: number, providers: MessageProviders, maxAttempts = 1) {
  for (const m of await messagesOf(invitationId))
    if (m.status === 'queued')
      await deliverMessage({ db: h.ctx.db, log: h.ctx.log, providers, outboxId: m.id, maxAttempts }).catch(
        () => 'retry',
      );
}

/** Now, or 10:00 Amsterdam time later today/tomorrow when now falls in the quiet hours. */
function nextDaytime(): Date {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(new Date()),
  );
  if (hour >= 8 && hour < 21) return new Date();
  return new Date(Date.now() + ((hour >= 21 ? 24 + 10 : 10) - hour) * 3_600_000);
}

describe('an invitation whose messages all failed', () => {
  it('is undeliverable once its last message failed, and the job says so', async () => {
    const { mailer, providers } = mailerWith({ SMTP_URL: refusingSmtp.url });
    const { job, invitation } = await sentInvitation(mailer, { preferredChannel: 'email' });
    await deliverAll(invitation.id, providers);
    expect((await messagesOf(invitation.id)).map((m) => m.status)).toEqual(['failed']);
    const marked = await reload(invitation.id);
    expect(marked.status).toBe('sent');
    expect(marked.undeliverableAt).toBeInstanceOf(Date);

    const asAdmin = await getJobSurvey({ db: h.ctx.db, actor: admin, jobId: job.id });
    expect(asAdmin?.invitation).toMatchObject({ undeliverable: true, expired: false, can: { resend: true } });
    // only admins may send it again (the route test asks every role)
    expect(may(teamLeader, 'invitation.resend')).toBe(false);
  });

  it('with e-mail and SMS: undeliverable only when both failed, never while one was sent or is still queued', async () => {
    const failing = mailerWith({ SMTP_URL: refusingSmtp.url, SMS_URL: refusingSms.url });
    const both = await sentInvitation(failing.mailer, { preferredChannel: 'both' });
    expect(both.messages.map((m) => m.channel)).toEqual(['email', 'sms']);
    const [email, sms] = both.messages;
    await deliverMessage({
      db: h.ctx.db,
      log: h.ctx.log,
      providers: failing.providers,
      outboxId: email!.id,
      maxAttempts: 1,
    });
    expect((await reload(both.invitation.id)).undeliverableAt).toBeNull(); // the SMS is still under way
    await deliverMessage({
      db: h.ctx.db,
      log: h.ctx.log,
      providers: failing.providers,
      outboxId: sms!.id,
      maxAttempts: 1,
    });
    expect((await reload(both.invitation.id)).undeliverableAt).toBeInstanceOf(Date);

    const halfway = mailerWith({ SMTP_URL: refusingSmtp.url, SMS_URL: workingSms.url });
    const reached = await sentInvitation(halfway.mailer, { preferredChannel: 'both' });
    await deliverAll(reached.invitation.id, halfway.providers);
    expect((await messagesOf(reached.invitation.id)).map((m) => m.status)).toEqual(['failed', 'sent']);
    expect((await reload(reached.invitation.id)).undeliverableAt).toBeNull();
  });

  it('the two messages failing at the same moment still mark it (whoever fails last sees the other)', async () => {
    const failing = mailerWith({ SMTP_URL: refusingSmtp.url, SMS_URL: refusingSms.url });
    const { invitation, messages } = await sentInvitation(failing.mailer, { preferredChannel: 'both' });
    await Promise.all(
      messages.map((m) =>
        deliverMessage({
          db: h.ctx.db,
          log: h.ctx.log,
          providers: failing.providers,
          outboxId: m.id,
          maxAttempts: 1,
        }),
      ),
    );
    expect((await reload(invitation.id)).undeliverableAt).toBeInstanceOf(Date);
  });

  it('a last try interrupted by a crash: the sweep fails the message and marks the invitation', async () => {
    const { mailer } = mailerWith({ SMTP_URL: smtp.url });
    const { invitation, messages } = await sentInvitation(mailer, { preferredChannel: 'email' });
    await claimMessages({ db: h.ctx.db, messages: [{ outboxId: messages[0]!.id, maxAttempts: 9 }] });
    await h.ctx.db
      .update(outboxMessages)
      .set({ attempts: mailer.retry.attempts, claimedUntil: sql`now() - interval '1 second'` })
      .where(eq(outboxMessages.id, messages[0]!.id));
    expect(await sweepOutbox({ db: h.ctx.db, mailer })).toMatchObject({ failed: 1 });
    expect((await reload(invitation.id)).undeliverableAt).toBeInstanceOf(Date);
  });

  it('holds back nothing: the tenant’s next job is scheduled and sent, and it gets no reminder', async () => {
    const { mailer, providers } = mailerWith({ SMTP_URL: refusingSmtp.url });
    const first = await sentInvitation(mailer, { preferredChannel: 'email' });
    await deliverAll(first.invitation.id, providers);
    expect((await reload(first.invitation.id)).undeliverableAt).toBeInstanceOf(Date);

    const next = await buildJob(h.ctx.db, { tenantId: first.tenant.id, completedAt: new Date() });
    const scheduled = await h.ctx.db.transaction((tx) =>
      scheduleInvitations(tx, sql`SELECT ${next.id}::int`),
    );
    expect(scheduled).toMatchObject({ scheduled: 1, suppressed: 0 });
    const [nextInvitation] = await h.ctx.db.select().from(invitations).where(eq(invitations.jobId, next.id));
    expect(nextInvitation).toMatchObject({ status: 'scheduled', suppressionReason: null });
    await h.ctx.db
      .update(invitations)
      .set({ sendAfter: new Date(Date.now() - 60_000) })
      .where(eq(invitations.id, nextInvitation!.id));
    await dispatchDueInvitations({ ...h.sending(sendingMoment(nextDaytime())), mailer });
    expect(await reload(nextInvitation!.id)).toMatchObject({ status: 'sent', suppressionReason: null });

    // the reminder days of the undeliverable one pass: no reminder goes to the address that failed
    const later = sendingMoment(new Date(first.now.getTime() + 4 * 86_400_000));
    await sendDueReminders({ ...h.sending(later), mailer });
    expect((await reload(first.invitation.id)).remindedAt).toBeNull();
    // …and sending it again now is refused: the tenant has the next job's invitation
    await expect(resendInvitation({ db: h.ctx.db, actor: admin, jobId: first.job.id })).rejects.toThrow(
      /quarantine|another open invitation/,
    );
  });
});

describe('an admin sends an undeliverable invitation again', () => {
  it('once: two at the same moment and a third later give one new message, with a fresh link and expiry', async () => {
    const refusing = mailerWith({ SMTP_URL: refusingSmtp.url });
    const { job, invitation, tenant } = await sentInvitation(refusing.mailer, { preferredChannel: 'email' });
    await deliverAll(invitation.id, refusing.providers);
    const before = await reload(invitation.id);
    expect(before.undeliverableAt).toBeInstanceOf(Date);
    await h.ctx.db.update(tenants).set({ email: 'juist@example.invalid' }).where(eq(tenants.id, tenant.id));

    const attempts = await Promise.allSettled([
      resendInvitation({ db: h.ctx.db, actor: admin, jobId: job.id }),
      resendInvitation({ db: h.ctx.db, actor: admin, jobId: job.id }),
    ]);
    expect(attempts.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = attempts.find((a) => a.status === 'rejected') as PromiseRejectedResult;
    expect(refusal.reason).toMatchObject({ code: 'conflict' });
    const pending = await reload(invitation.id);
    expect(pending).toMatchObject({
      status: 'scheduled',
      undeliverableAt: null,
      sentAt: null,
      remindedAt: null,
    });
    expect(pending.resentAt).toBeInstanceOf(Date);
    await expect(resendInvitation({ db: h.ctx.db, actor: admin, jobId: job.id })).rejects.toMatchObject({
      code: 'conflict',
    });

    const working = mailerWith({ SMTP_URL: smtp.url });
    const received = smtp.received.length;
    const at = sendingMoment(pending.sendAfter);
    await Promise.all([
      dispatchDueInvitations({ ...h.sending(at), mailer: working.mailer }),
      dispatchDueInvitations({ ...h.sending(at), mailer: working.mailer }),
    ]);
    const messages = await messagesOf(invitation.id);
    expect(messages.map((m) => [m.status, m.recipient])).toEqual([
      ['failed', tenant.email],
      ['queued', 'juist@example.invalid'],
    ]);
    await deliverAll(invitation.id, working.providers);
    expect(smtp.received.length - received).toBe(1);
    const resent = await reload(invitation.id);
    expect(resent).toMatchObject({ status: 'sent', undeliverableAt: null });
    expect(resent.tokenHash).not.toBe(before.tokenHash);
    expect(resent.expiresAt!.getTime()).toBe(at.getTime() + 14 * 86_400_000);
    const survey = await getJobSurvey({ db: h.ctx.db, actor: admin, jobId: job.id });
    expect(survey?.invitation).toMatchObject({ undeliverable: false, can: { resend: false } });
  });

  it('is refused for an invitation that was delivered, a tenant who opted out since, a job without one, and anyone but an admin', async () => {
    const { mailer, providers } = mailerWith({ SMTP_URL: smtp.url });
    const delivered = await sentInvitation(mailer, { preferredChannel: 'email' });
    await deliverAll(delivered.invitation.id, providers);
    await expect(
      resendInvitation({ db: h.ctx.db, actor: admin, jobId: delivered.job.id }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/not undeliverable/),
    });

    const refusing = mailerWith({ SMTP_URL: refusingSmtp.url });
    const optedOut = await sentInvitation(refusing.mailer, { preferredChannel: 'email' });
    await deliverAll(optedOut.invitation.id, refusing.providers);
    await h.ctx.db.update(tenants).set({ optedOut: true }).where(eq(tenants.id, optedOut.tenant.id));
    await expect(
      resendInvitation({ db: h.ctx.db, actor: admin, jobId: optedOut.job.id }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/opted out/),
    });
    expect((await reload(optedOut.invitation.id)).undeliverableAt).toBeInstanceOf(Date);

    const bare = await buildJob(h.ctx.db, {});
    await expect(resendInvitation({ db: h.ctx.db, actor: admin, jobId: bare.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      resendInvitation({ db: h.ctx.db, actor: teamLeader, jobId: optedOut.job.id }),
    ).rejects.toThrow(/Not allowed: invitation.resend/);
  });
});
