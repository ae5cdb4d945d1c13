import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisation, outboxMessages } from '../../db/schema';
import { startHarness, type TestHarness } from '../../test/harness';
import { configuredProviders } from './configured-providers';
import { deliverMessage } from './deliver-message';
import { createMailer, type JobSender } from './mailer';
import { sweepOutbox } from './sweep-outbox';
import { startTestSmtpServer } from './test-servers';

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

      expect(await deliverMessage({ db: h.ctx.db, providers, outboxId: id, maxAttempts: 3 })).toBe('sent');
      const sent = await row(id);
      expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null, sendingSince: null });
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
        deliverMessage({ db: h.ctx.db, providers, outboxId, maxAttempts: 3 });
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
      const deliver = () => deliverMessage({ db: h.ctx.db, providers, outboxId: id, maxAttempts: 3 });
      await expect(deliver()).rejects.toThrow(/attempt 1 of 3.*mailbox unavailable/);
      expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1, sendingSince: null });
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
    expect(await deliverMessage({ db: h.ctx.db, providers, outboxId: id, maxAttempts: 1 })).toBe('failed');
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await row(id)).lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it('without a provider the message stays not_sent: nothing enqueued, nothing attempted', async () => {
    const { mailer, enqueued, providers } = mailerFor(undefined);
    expect(mailer.configured).toBe(false);
    const id = await mailer.sendEmail(invitation);
    const sms = await mailer.sendSms({ kind: 'invitation', to: '+31612345678', text: 'Hoe was het?' });
    expect(enqueued).toEqual([]);
    expect(await deliverMessage({ db: h.ctx.db, providers, outboxId: id, maxAttempts: 3 })).toBe('skipped');
    expect(await row(id)).toMatchObject({ status: 'not_sent', attempts: 0, sentAt: null, enqueuedAt: null });
    expect(await row(sms)).toMatchObject({ channel: 'sms', status: 'not_sent', attempts: 0 });
  });

  it('a message queued while SMTP was configured, delivered after it was removed, ends not_sent and says why', async () => {
    const { mailer } = mailerFor('smtp://127.0.0.1:1');
    const id = await mailer.sendEmail(invitation);
    expect(await deliverMessage({ db: h.ctx.db, providers: {}, outboxId: id, maxAttempts: 3 })).toBe(
      'not_sent',
    );
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

  it('a crashed sender: its fresh claim blocks others, a stale claim is taken over, an interrupted last try is failed by the sweep', async () => {
    const smtp = await startTestSmtpServer();
    try {
      const { mailer, providers, enqueued } = mailerFor(smtp.url);
      const deliver = (outboxId: number) =>
        deliverMessage({ db: h.ctx.db, providers, outboxId, maxAttempts: 3 });
      const claim = (id: number, attempts: number, minutesAgo: number) =>
        h.ctx.db
          .update(outboxMessages)
          .set({ attempts, sendingSince: sql`now() - make_interval(mins => ${minutesAgo})` })
          .where(eq(outboxMessages.id, id));

      const busy = await mailer.sendEmail(invitation);
      await claim(busy, 1, 1);
      expect(await deliver(busy)).toBe('skipped');
      await claim(busy, 1, 11);
      expect(await deliver(busy)).toBe('sent');
      expect(await row(busy)).toMatchObject({ status: 'sent', attempts: 2 });

      const lastTry = await mailer.sendEmail(invitation);
      await claim(lastTry, mailer.retry.attempts, 30);
      enqueued.length = 0;
      expect(await sweepOutbox({ db: h.ctx.db, mailer })).toMatchObject({ failed: 1 });
      expect(await row(lastTry)).toMatchObject({
        status: 'failed',
        lastError: 'interrupted during the last attempt',
      });
      expect(enqueued.map((e) => e.data)).not.toContainEqual(expect.objectContaining({ outboxId: lastTry }));
      expect(smtp.received).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });
});
