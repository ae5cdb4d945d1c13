import { and, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outboxMessages } from '../../db/schema';
import { SENDING_CLAIM_MINUTES } from './deliver-message';
import type { Mailer } from './mailer';

/** A queued message handed to the queue this long ago and still queued has lost its job (crash, purge). */
const LOST_JOB_MINUTES = 45;

/**
 * The safety net behind the outbox, run every minute: enqueues 'queued' messages that never reached
 * the job queue (written inside a transaction, or the process died before enqueueing) or whose job
 * was lost, and closes messages that used up their attempts without being marked (a crash during the
 * last try) as 'failed'. Enqueueing twice is harmless: delivery claims the row in SQL first.
 */
export async function sweepOutbox(opts: {
  db: Db;
  mailer: Mailer;
}): Promise<{ enqueued: number; failed: number }> {
  const { db, mailer } = opts;
  const staleClaim = sql`now() - make_interval(mins => ${SENDING_CLAIM_MINUTES})`;
  const notBeingSent = or(isNull(outboxMessages.sendingSince), lt(outboxMessages.sendingSince, staleClaim));

  const exhausted = await db
    .update(outboxMessages)
    .set({
      status: 'failed',
      sendingSince: null,
      lastError: sql`coalesce(${outboxMessages.lastError}, 'interrupted during the last attempt')`,
    })
    .where(
      and(
        eq(outboxMessages.status, 'queued'),
        gte(outboxMessages.attempts, mailer.retry.attempts),
        notBeingSent,
      ),
    )
    .returning({ id: outboxMessages.id });

  const waiting = await db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.status, 'queued'),
        notBeingSent,
        or(
          isNull(outboxMessages.enqueuedAt),
          lt(outboxMessages.enqueuedAt, sql`now() - make_interval(mins => ${LOST_JOB_MINUTES})`),
        ),
      ),
    )
    .orderBy(outboxMessages.id)
    .limit(1000);
  for (const { id } of waiting) await mailer.enqueue(id);
  return { enqueued: waiting.length, failed: exhausted.length };
}
