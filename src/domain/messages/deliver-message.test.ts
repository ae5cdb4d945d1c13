import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisation, outboxMessages } from '../../db/schema';
import { capturedLog } from '../../test/captured-log';
import { startHarness, type TestHarness } from '../../test/harness';
import { startTestSmtpServer } from '../../test/test-servers';
import { CLAIM_SECONDS, claimMessages, renewClaims } from './claims';
import { configuredProviders } from './configured-providers';
import { deliverMessage } from './deliver-message';
import { createMailer, type JobSender } from './mailer';
import { sweepOutbox } from './sweep-outbox';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
  await h.ctx.db
    .insert(organisation)
    .values({
      name: 'Woonstichting Test',
      senderName: 'Woonstichting Test',
      senderEmail: 'klant@woontest.nl',
    })
    .onConflictDoNothing();
});
afterAll(async () => h?.close());

const row = async (id: number) =>
  (await h.ctx.db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]!;

/** A mailer against the given SMTP URL that records what it hands to the job queue. */
function mailerFor(smtpUrl: string | undefined) {
  const enqueued: { name: string; data: object; options: object }[] = [];
  const jobs: JobSender = {
    async send(name, data, options) {
      enqueued.push({ name, data, options });
      return 'job-id';
    },
  };
  const providers = configuredProviders({ db: h.ctx.db, config: { SMTP_URL: smtpUrl } });
  return { mailer: createMailer({ db: h.ctx.db, providers, jobs: () => jobs }), enqueued, providers };
}

const invitation = {
  kind: 'invitation',
  to: 'huurder@example.nl',
  subject: 'Hoe was de reparatie?',
  text: 'Geef ons een rapportcijfer: https://x.test/s/abc',
  html: '<p>Geef ons een <b>rapportcijfer</b></p>',
  unsubscribeUrl: 'https://x.test/s/abc/afmelden',
};

describe('e-mail delivery over SMTP', () => {
  it('queues, enqueues once per message, and arrives with HTML, text and one-click unsubscribe headers', async () => {
    const smtp = await startTestSmtpServer();
    try {
      const { mailer, enqueued, providers } = mailerFor(smtp.url);
      const id = await mailer.sendEmail(invitation);
      expect((await row(id)).status).toBe('queued');
      expect((await row(id)).enqueuedAt).not.toBeNull();
      expect(enqueued).toEqual([
        expect.objectContaining({
          name: 'messages.deliver',
          data: { outboxId: id, maxAttempts: mailer.retry.attempts },
          options: expect.objectContaining({ singletonKey: `outbox-${id}`, retryBackoff: true }),
        }),
      ]);

      expect(
        await deliverMessage({ db: h.ctx.db, log: h.ctx.log, providers, outboxId: id, maxAttempts: 3 }),
      ).toBe('sent');
      const sent = await row(id);
      expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null, claimToken: null });
      expect(sent.sentAt).toBeInstanceOf(Date);

      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0]!;
      expect(mail.to).toEqual(['huurder@example.nl']);
      expect(mail.from).toBe('klant@woontest.nl');
      expect(mail.raw).toMatch(/^From: Woonstichting Test <klant@woontest\.nl>/m);
      expect(mail.raw).toMatch(/^List-Unsubscribe: <https:\/\/x\.test\/s\/abc\/afmelden>/m);
      expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
      expect(mail.raw).toContain('Content-Type: text/plain');
      expect(mail.raw).toContain('Content-Type: text/html');
      expect(mail.raw).toContain('<b>rapportcijfer</b>');
    } finally {
      await smtp.close();
    }
  });

  it('delivering the same outbox id twice — one after the other or at once — sends once', async () => {
    const smtp = await startTestSmtpServer();
    try {
      const { mailer, providers } = mailerFor(smtp.url);
      const first = await mailer.sendEmail({ ...invitation, unsubscribeUrl: undefined });
      const deliver = (outboxId: number) =>
        deliverMessage({ db: h.ctx.db, log: h.ctx.log, providers, outboxId, maxAttempts: 3 });
      expect(await deliver(first)).toBe('sent');
      expect(await deliver(first)).toBe('skipped');

      const second = await mailer.sendEmail(invitation);
      expect((await Promise.all([deliver(second), deliver(second)])).sort()).toEqual(['sent', 'skipped']);
      expect(smtp.received).toHaveLength(2);
      expect(smtp.received[0]!.raw).not.toContain('List-Unsubscribe');
      expect((await row(second)).attempts).toBe(1);
    } finally {
      await smtp.close();
    }
  });

  it('a refusing server: every try is counted with its error, the last one leaves the message failed', async () => {
    const smtp = await startTestSmtpServer({ refuse: 'mailbox unavailable' });
    try {
      const { mailer, providers } = mailerFor(smtp.url);
      const id = await mailer.sendEmail(invitation);
      const deliver = () =>
        deliverMessage({ db: h.ctx.db, log: h.ctx.log, providers, outboxId: id, maxAttempts: 3 });
      await expect(deliver()).rejects.toThrow(/attempt 1 of 3.*mailbox unavailable/);
      expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1, claimToken: null });
      expect((await row(id)).lastError).toMatch(/mailbox unavailable/);
      await expect(deliver()).rejects.toThrow(/attempt 2 of 3/);
      expect(await deliver()).toBe('failed');
      expect(await row(id)).toMatchObject({ status: 'failed', attempts: 3, sentAt: null });
      expect((await row(id)).lastError).toMatch(/mailbox unavailable/);
      // failed is final: no fourth try
      expect(await deliver()).toBe('skipped');
      expect((await row(id)).attempts).toBe(3);
    } finally {
      await smtp.close();
    }
  });

  it('a closed port is a failed attempt with the connection error, not a crash', async () => {
    const smtp = await startTestSmtpServer();
    await smtp.close();
    const { mailer, providers } = mailerFor(smtp.url);
    const id = await mailer.sendEmail(invitation);
    expect(
      await deliverMessage({ db: h.ctx.db, log: h.ctx.log, providers, outboxId: id, maxAttempts: 1 }),
    ).toBe('failed');
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await row(id)).lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it('without a provider the message stays not_sent: nothing enqueued, nothing attempted', async () => {
    const { mailer, enqueued, providers } = mailerFor(undefined);
    expect(mailer.configured).toBe(false);
    const id = await mailer.sendEmail(invitation);
    const sms = await mailer.sendSms({ kind: 'invitation', to: '+31612345678', text: 'Hoe was het?' });
    expect(enqueued).toEqual([]);
    expect(
      await deliverMessage({ db: h.ctx.db, log: h.ctx.log, providers, outboxId: id, maxAttempts: 3 }),
    ).toBe('skipped');
    expect(await row(id)).toMatchObject({ status: 'not_sent', attempts: 0, sentAt: null, enqueuedAt: null });
    expect(await row(sms)).toMatchObject({ channel: 'sms', status: 'not_sent', attempts: 0 });
  });

  it('a message queued while SMTP was configured, delivered after it was removed, ends not_sent and says why', async () => {
    const { mailer } = mailerFor('smtp://127.0.0.1:1');
    const id = await mailer.sendEmail(invitation);
    expect(
      await deliverMessage({ db: h.ctx.db, log: h.ctx.log, providers: {}, outboxId: id, maxAttempts: 3 }),
    ).toBe('not_sent');
    expect(await row(id)).toMatchObject({
      status: 'not_sent',
      lastError: 'no email provider configured',
      sentAt: null,
    });
  });

  it('inside a transaction the row is written but not enqueued before commit', async () => {
    const smtp = await startTestSmtpServer();
    try {
      const { mailer, enqueued } = mailerFor(smtp.url);
      const id = await h.ctx.db.transaction((tx) => mailer.sendEmail(invitation, { tx }));
      expect(enqueued).toEqual([]);
      expect(await row(id)).toMatchObject({ status: 'queued', enqueuedAt: null });
      await mailer.enqueue(id);
      expect(enqueued).toHaveLength(1);
      expect((await row(id)).enqueuedAt).not.toBeNull();
    } finally {
      await smtp.close();
    }
  });

  it('a worker that died holding a batch: its live claim blocks others, a lapsed one is taken over once, an interrupted last try is failed by the sweep', async () => {
    const smtp = await startTestSmtpServer();
    try {
      const { mailer, providers, enqueued } = mailerFor(smtp.url);
      const deliver = (outboxId: number) =>
        deliverMessage({ db: h.ctx.db, log: h.ctx.log, providers, outboxId, maxAttempts: 3 });
      // a worker fetched a batch of two, claimed both, started the first and was killed
      const [started, waiting] = [await mailer.sendEmail(invitation), await mailer.sendEmail(invitation)];
      const dead = await claimMessages({
        db: h.ctx.db,
        messages: [started, waiting].map((outboxId) => ({ outboxId, maxAttempts: 3 })),
      });
      expect(dead.ids).toEqual([started, waiting]);
      await h.ctx.db.update(outboxMessages).set({ attempts: 1 }).where(eq(outboxMessages.id, started));
      expect(await deliver(started)).toBe('skipped');
      expect(await deliver(waiting)).toBe('skipped');
      expect(await sweepOutbox({ db: h.ctx.db, mailer })).toMatchObject({ takenOver: 0 });

      // its claim lapses (it renews no more): the sweep hands both to the queue under keys of their own
      await lapse(dead.token);
      enqueued.length = 0;
      expect(await sweepOutbox({ db: h.ctx.db, mailer })).toMatchObject({ takenOver: 2 });
      expect(enqueued.map((e) => (e.options as { singletonKey: string }).singletonKey)).toEqual([
        `outbox-${started}-after-${dead.token}`,
        `outbox-${waiting}-after-${dead.token}`,
      ]);
      expect((await Promise.all([deliver(started), deliver(started), deliver(waiting)])).sort()).toEqual([
        'sent',
        'sent',
        'skipped',
      ]);
      expect(await row(started)).toMatchObject({ status: 'sent', attempts: 2, claimToken: null });
      expect(await row(waiting)).toMatchObject({ status: 'sent', attempts: 1 });
      expect(smtp.received).toHaveLength(2);
      expect(await sweepOutbox({ db: h.ctx.db, mailer })).toEqual({ enqueued: 0, failed: 0, takenOver: 0 });

      // died during the last try: failed by the sweep, never enqueued again
      const lastTry = await mailer.sendEmail(invitation);
      const last = await claimMessages({ db: h.ctx.db, messages: [{ outboxId: lastTry, maxAttempts: 9 }] });
      await h.ctx.db
        .update(outboxMessages)
        .set({ attempts: mailer.retry.attempts })
        .where(eq(outboxMessages.id, lastTry));
      await lapse(last.token);
      enqueued.length = 0;
      expect(await sweepOutbox({ db: h.ctx.db, mailer })).toMatchObject({ failed: 1, takenOver: 0 });
      expect(await row(lastTry)).toMatchObject({
        status: 'failed',
        lastError: 'interrupted during the last attempt',
        claimToken: null,
      });
      expect(enqueued).toEqual([]);
      expect(smtp.received).toHaveLength(2);
    } finally {
      await smtp.close();
    }
  });

  it('a live worker renews its claim while it sends, so nobody takes over a slow send', async () => {
    const { mailer } = mailerFor('smtp://127.0.0.1:1');
    const id = await mailer.sendEmail(invitation);
    const claim = await claimMessages({ db: h.ctx.db, messages: [{ outboxId: id, maxAttempts: 3 }] });
    await lapse(claim.token);
    // renewing puts the claim CLAIM_SECONDS ahead again: a second worker finds it held
    expect(await renewClaims({ db: h.ctx.db, token: claim.token, ids: [id] })).toBe(1);
    expect((await row(id)).claimedUntil!.getTime()).toBeGreaterThan(Date.now() + (CLAIM_SECONDS - 5) * 1000);
    const other = await claimMessages({ db: h.ctx.db, messages: [{ outboxId: id, maxAttempts: 3 }] });
    expect(other.ids).toEqual([]);
    // a renewal by a claim that lost the message (taken over) renews nothing of the new holder's
    await lapse(claim.token);
    const taker = await claimMessages({ db: h.ctx.db, messages: [{ outboxId: id, maxAttempts: 3 }] });
    expect(taker.ids).toEqual([id]);
    expect(await renewClaims({ db: h.ctx.db, token: claim.token, ids: [id] })).toBe(0);
  });

  it('logs each failure once at warn with outbox id, channel, attempt and the reason — never the address or the text', async () => {
    const smtp = await startTestSmtpServer({
      refuse: 'mailbox huurder@example.nl unavailable, call +31 6 1234 5678',
    });
    try {
      const { mailer, providers } = mailerFor(smtp.url);
      const { log, lines, warnings } = capturedLog();
      const id = await mailer.sendEmail(invitation);
      await expect(
        deliverMessage({ db: h.ctx.db, log, providers, outboxId: id, maxAttempts: 2 }),
      ).rejects.toThrow(/attempt 1 of 2/);
      expect(warnings()).toEqual([
        expect.objectContaining({
          outboxId: id,
          channel: 'email',
          attempt: 1,
          maxAttempts: 2,
          final: false,
          responseCode: 554,
          code: 'EMESSAGE',
          msg: 'message delivery failed, will retry',
        }),
      ]);
      expect(await deliverMessage({ db: h.ctx.db, log, providers, outboxId: id, maxAttempts: 2 })).toBe(
        'failed',
      );
      expect(warnings()).toHaveLength(2);
      expect(warnings()[1]).toMatchObject({
        attempt: 2,
        final: true,
        msg: 'message delivery failed, no attempts left',
      });
      expect(warnings()[1]!.reason).toMatch(/unavailable/);
      const written = JSON.stringify(lines);
      for (const personal of [
        'huurder@example.nl',
        '1234 5678',
        'rapportcijfer',
        'Hoe was de reparatie',
        'x.test/s/abc',
      ])
        expect(written).not.toContain(personal);
      expect(lines).toHaveLength(2);
    } finally {
      await smtp.close();
    }
  });
});

/** Sets a claim's end in the past, as if its worker stopped renewing it CLAIM_SECONDS ago. */
async function lapse(token: string) {
  await h.ctx.db
    .update(outboxMessages)
    .set({ claimedUntil: sql`now() - interval '1 second'` })
    .where(eq(outboxMessages.claimToken, token));
}
