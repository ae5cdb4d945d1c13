import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../db/schema';
import { startHarness, type TestHarness } from '../../test/harness';
import { startTestSmsGateway } from '../../test/test-servers';
import { configuredProviders } from './configured-providers';
import { deliverMessage } from './deliver-message';
import { createMailer } from './mailer';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const row = async (id: number) =>
  (await h.ctx.db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]!;

function mailerFor(config: { SMS_URL?: string; SMS_TOKEN?: string }) {
  const providers = configuredProviders({ db: h.ctx.db, config });
  return { mailer: createMailer({ db: h.ctx.db, providers, jobs: () => undefined }), providers };
}

const sms = { kind: 'invitation', to: '+31612345678', text: 'Hoe was de reparatie? https://x.test/s/abc' };

describe('SMS through the HTTP gateway', () => {
  it('POSTs {to, text} as JSON with the bearer token from the URL, and marks it sent on 2xx', async () => {
    const gateway = await startTestSmsGateway();
    try {
      const url = new URL(gateway.url);
      url.username = 'geheim%20token';
      const { mailer, providers } = mailerFor({ SMS_URL: url.toString() });
      expect(mailer.smsConfigured).toBe(true);
      const id = await mailer.sendSms(sms);
      expect(await row(id)).toMatchObject({ channel: 'sms', status: 'queued', subject: null });
      expect(
        await deliverMessage({ db: h.ctx.db, log: h.ctx.log, providers, outboxId: id, maxAttempts: 3 }),
      ).toBe('sent');
      expect(gateway.received).toEqual([
        { authorization: 'Bearer geheim token', body: { to: '+31612345678', text: sms.text } },
      ]);
      expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 });
      expect(
        await deliverMessage({ db: h.ctx.db, log: h.ctx.log, providers, outboxId: id, maxAttempts: 3 }),
      ).toBe('skipped');
      expect(gateway.received).toHaveLength(1);
    } finally {
      await gateway.close();
    }
  });

  it('SMS_TOKEN is used when the URL has none; no token means no Authorization header', async () => {
    const gateway = await startTestSmsGateway();
    try {
      for (const token of ['uit-de-omgeving', undefined]) {
        const { mailer, providers } = mailerFor({ SMS_URL: gateway.url, SMS_TOKEN: token });
        const id = await mailer.sendSms(sms);
        expect(
          await deliverMessage({ db: h.ctx.db, log: h.ctx.log, providers, outboxId: id, maxAttempts: 1 }),
        ).toBe('sent');
      }
      expect(gateway.received.map((r) => r.authorization)).toEqual(['Bearer uit-de-omgeving', undefined]);
    } finally {
      await gateway.close();
    }
  });

  it('a gateway answering 500 is a failed attempt with the status in lastError', async () => {
    const gateway = await startTestSmsGateway({ status: 500 });
    try {
      const { mailer, providers } = mailerFor({ SMS_URL: gateway.url });
      const id = await mailer.sendSms(sms);
      await expect(
        deliverMessage({ db: h.ctx.db, log: h.ctx.log, providers, outboxId: id, maxAttempts: 2 }),
      ).rejects.toThrow(/500/);
      expect(
        await deliverMessage({ db: h.ctx.db, log: h.ctx.log, providers, outboxId: id, maxAttempts: 2 }),
      ).toBe('failed');
      expect(await row(id)).toMatchObject({ status: 'failed', attempts: 2, sentAt: null });
      expect((await row(id)).lastError).toMatch(/SMS gateway answered 500: .*gateway says no/);
    } finally {
      await gateway.close();
    }
  });

  it('without SMS_URL the message stays not_sent', async () => {
    const { mailer } = mailerFor({});
    const id = await mailer.sendSms(sms);
    expect(await row(id)).toMatchObject({ status: 'not_sent', attempts: 0 });
  });
});
