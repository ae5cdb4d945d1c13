import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context';
import { outboxMessages } from '../db/schema';
import { configuredProviders } from '../domain/messages/configured-providers';
import { createMailer } from '../domain/messages/mailer';
import { sweepOutbox } from '../domain/messages/sweep-outbox';
import { startTestSmtpServer } from '../domain/messages/test-servers';
import { startHarness, type TestHarness } from '../test/harness';
import type { JobDefinition } from './definitions';
import { messagesDeliver } from './messages.deliver';
import { startWorker } from './worker';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const row = async (ctx: AppContext, id: number) =>
  (await ctx.db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]!;

async function until(what: () => Promise<boolean>, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The app's context with a mailer for this SMTP server and quick retries, and a running worker. */
async function withWorker(smtpUrl: string, run: (ctx: AppContext) => Promise<void>) {
  const ctx: AppContext = { ...h.ctx, jobs: undefined };
  ctx.mailer = createMailer({
    db: ctx.db,
    providers: configuredProviders({ db: ctx.db, config: { SMTP_URL: smtpUrl } }),
    jobs: () => ctx.jobs,
    retry: { attempts: 3, delaySeconds: 1 },
  });
  const boss = await startWorker(ctx, { work: true, definitions: [messagesDeliver as JobDefinition] });
  try {
    await run(ctx);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

const mail = {
  kind: 'invitation',
  to: 'huurder@example.nl',
  subject: 'Hoe was het?',
  text: 'Tekst',
  html: '<p>Tekst</p>',
};

describe('messages.deliver on pg-boss', () => {
  it('an e-mail sent through the mailer arrives once and is marked sent', async () => {
    const smtp = await startTestSmtpServer();
    try {
      await withWorker(smtp.url, async (ctx) => {
        const id = await ctx.mailer.sendEmail(mail);
        await until(async () => (await row(ctx, id)).status === 'sent');
        expect(await row(ctx, id)).toMatchObject({ attempts: 1, lastError: null });
        expect(smtp.received).toHaveLength(1);
      });
    } finally {
      await smtp.close();
    }
  });

  it('a refusing server is retried with backoff and ends failed after the last attempt', async () => {
    const smtp = await startTestSmtpServer({ refuse: 'try again later' });
    try {
      await withWorker(smtp.url, async (ctx) => {
        const id = await ctx.mailer.sendEmail(mail);
        await until(async () => (await row(ctx, id)).status === 'failed', 45_000);
        const failed = await row(ctx, id);
        expect(failed.attempts).toBe(3);
        expect(failed.lastError).toMatch(/try again later/);
        expect(failed.sentAt).toBeNull();
      });
    } finally {
      await smtp.close();
    }
  }, 60_000);

  it('a message written inside a transaction is picked up by the sweep after commit', async () => {
    const smtp = await startTestSmtpServer();
    try {
      await withWorker(smtp.url, async (ctx) => {
        const id = await ctx.db.transaction((tx) => ctx.mailer.sendEmail(mail, { tx }));
        expect((await row(ctx, id)).enqueuedAt).toBeNull();
        expect(await sweepOutbox({ db: ctx.db, mailer: ctx.mailer })).toEqual({ enqueued: 1, failed: 0 });
        await until(async () => (await row(ctx, id)).status === 'sent');
        expect(await sweepOutbox({ db: ctx.db, mailer: ctx.mailer })).toEqual({ enqueued: 0, failed: 0 });
        expect(smtp.received).toHaveLength(1);
      });
    } finally {
      await smtp.close();
    }
  });

  it('two processes enqueueing and working the same message send it once', async () => {
    const smtp = await startTestSmtpServer();
    try {
      await withWorker(smtp.url, async (first) => {
        await withWorker(smtp.url, async (second) => {
          const id = await first.mailer.sendEmail(mail);
          await Promise.all([second.mailer.enqueue(id), first.mailer.enqueue(id), second.mailer.enqueue(id)]);
          await until(async () => (await row(first, id)).status === 'sent');
          await new Promise((r) => setTimeout(r, 3000));
          expect(smtp.received).toHaveLength(1);
          expect((await row(first, id)).attempts).toBe(1);
        });
      });
    } finally {
      await smtp.close();
    }
  });
});
