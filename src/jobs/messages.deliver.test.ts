import { eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context';
import { outboxMessages } from '../db/schema';
import { claimMessages } from '../domain/messages/claims';
import { configuredProviders } from '../domain/messages/configured-providers';
import { createMailer, DELIVER_JOB } from '../domain/messages/mailer';
import { sweepOutbox } from '../domain/messages/sweep-outbox';
import { listOutbox } from '../domain/outbox/list-outbox';
import { systemActor } from '../policy/actor';
import { capturedLog } from '../test/captured-log';
import { startHarness, type TestHarness } from '../test/harness';
import { startTestSmtpServer } from '../test/test-servers';
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

/** No delivery job is waiting, retrying or running any more: whatever was going to be sent, was. */
async function queueSettled(ctx: AppContext) {
  const boss = ctx.jobs as PgBoss;
  return (await boss.getQueueSize(DELIVER_JOB, { before: 'completed' })) === 0;
}

/**
 * The app's context with a mailer for this SMTP server and quick retries, a logger whose lines the
 * test reads, and a pg-boss that works the delivery queue (or only enqueues: `work: false`).
 */
async function withWorker(
  smtpUrl: string,
  run: (ctx: AppContext, logged: ReturnType<typeof capturedLog>) => Promise<void>,
  opts: { work?: boolean } = {},
) {
  const logged = capturedLog();
  const ctx: AppContext = { ...h.ctx, jobs: undefined, log: logged.log };
  ctx.mailer = createMailer({
    db: ctx.db,
    providers: configuredProviders({ db: ctx.db, config: { SMTP_URL: smtpUrl } }),
    jobs: () => ctx.jobs,
    retry: { attempts: 3, delaySeconds: 1 },
  });
  const boss = await startWorker(ctx, {
    work: opts.work ?? true,
    definitions: [messagesDeliver as JobDefinition],
  });
  try {
    await run(ctx, logged);
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
        await until(async () => (await row(ctx, id)).status === 'sent' && (await queueSettled(ctx)));
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
      await withWorker(smtp.url, async (ctx, logged) => {
        const id = await ctx.mailer.sendEmail(mail);
        await until(
          async () => (await row(ctx, id)).status === 'failed' && (await queueSettled(ctx)),
          90_000,
        );
        const failed = await row(ctx, id);
        expect(failed.attempts).toBe(3);
        expect(failed.lastError).toMatch(/try again later/);
        expect(failed.sentAt).toBeNull();
        // one warn line per failed try, saying which message and try — not to whom, not what
        expect(logged.warnings().map((l) => [l.outboxId, l.attempt, l.final, l.responseCode])).toEqual([
          [id, 1, false, 554],
          [id, 2, false, 554],
          [id, 3, true, 554],
        ]);
        expect(JSON.stringify(logged.lines)).not.toContain('huurder@example.nl');
      });
    } finally {
      await smtp.close();
    }
  }, 120_000);

  it('a message written inside a transaction is picked up by the sweep after commit', async () => {
    const smtp = await startTestSmtpServer();
    try {
      await withWorker(smtp.url, async (ctx) => {
        const id = await ctx.db.transaction((tx) => ctx.mailer.sendEmail(mail, { tx }));
        expect((await row(ctx, id)).enqueuedAt).toBeNull();
        expect(await sweepOutbox({ db: ctx.db, mailer: ctx.mailer })).toMatchObject({
          enqueued: 1,
          failed: 0,
        });
        await until(async () => (await row(ctx, id)).status === 'sent' && (await queueSettled(ctx)));
        expect(await sweepOutbox({ db: ctx.db, mailer: ctx.mailer })).toEqual({
          enqueued: 0,
          failed: 0,
          takenOver: 0,
        });
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
          await until(
            async () =>
              (await row(first, id)).status === 'sent' &&
              (await queueSettled(first)) &&
              (await queueSettled(second)),
          );
          expect(smtp.received).toHaveLength(1);
          expect((await row(first, id)).attempts).toBe(1);
        });
      });
    } finally {
      await smtp.close();
    }
  });

  it('a worker killed while holding a batch: another worker sends every message within the bound, each once', async () => {
    const smtp = await startTestSmtpServer();
    try {
      await withWorker(
        smtp.url,
        async (dying) => {
          const boss = dying.jobs as PgBoss;
          const ids: number[] = [];
          for (let i = 0; i < 3; i++) ids.push(await dying.mailer.sendEmail(mail));
          // the dying worker fetches the batch (its jobs are now active in pg-boss), claims the messages
          // and starts the first, then is killed: no renewal, no outcome, its jobs stay active
          const held = await boss.fetch<{ outboxId: number; maxAttempts: number }>(DELIVER_JOB, {
            batchSize: 25,
          });
          expect(held.map((j) => j.data.outboxId).sort()).toEqual(ids);
          const claim = await claimMessages({ db: dying.db, messages: held.map((j) => j.data) });
          expect(claim.ids.sort()).toEqual(ids);
          await dying.db.update(outboxMessages).set({ attempts: 1 }).where(eq(outboxMessages.id, ids[0]!));

          await withWorker(smtp.url, async (other) => {
            // while the claim is live nobody else sends, and the outbox says they are being sent
            expect(await sweepOutbox({ db: other.db, mailer: other.mailer })).toMatchObject({ takenOver: 0 });
            const listed = await listOutbox({
              db: other.db,
              actor: systemActor('test'),
              page: 1,
              pageSize: 10,
            });
            for (const id of ids) expect(listed.items.find((m) => m.id === id)?.status).toBe('sending');
            expect(smtp.received).toHaveLength(0);

            // CLAIM_SECONDS pass without a renewal: the other worker's take-over sweep (every 10 s) hands
            // them to the queue again and it sends them — the bound, generous for a busy machine
            await dying.db
              .update(outboxMessages)
              .set({ claimedUntil: sql`now() - interval '1 second'` })
              .where(eq(outboxMessages.claimToken, claim.token));
            await until(async () => {
              const rows = await Promise.all(ids.map((id) => row(other, id)));
              // nothing left in the queue but the dead worker's own jobs, still active
              const left = await (other.jobs as PgBoss).getQueueSize(DELIVER_JOB, { before: 'completed' });
              return rows.every((r) => r.status === 'sent') && left === held.length;
            }, 60_000);
            expect(smtp.received).toHaveLength(3);
            expect((await row(other, ids[0]!)).attempts).toBe(2);

            // when pg-boss finally expires the dead worker's jobs and retries them, nothing goes out again
            // one by one: pg-boss 10 types take data only with a single id
            for (const job of held)
              await boss.fail(DELIVER_JOB, job.id, { message: 'job failed by timeout in active state' });
            await until(async () => {
              const states = await Promise.all(
                held.map(async (j) => (await boss.getJobById(DELIVER_JOB, j.id))?.state),
              );
              return states.every((s) => s === 'completed') && (await queueSettled(other));
            });
            expect(smtp.received).toHaveLength(3);
            for (const id of ids) expect((await row(other, id)).status).toBe('sent');
          });
        },
        { work: false },
      );
    } finally {
      await smtp.close();
    }
  }, 120_000);
});
