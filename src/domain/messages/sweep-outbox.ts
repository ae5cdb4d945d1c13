import { and, eq, gte, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outboxMessages } from '../../db/schema';
import { markUndeliverableInvitations } from '../invitations/mark-undeliverable';
import { notClaimedSql } from './claims';
import type { Mailer } from './mailer';

/** A queued message handed to the queue this long ago and still queued has lost its job (crash, purge). */
const LOST_JOB_MINUTES = 45;

/**
 * The safety net behind the outbox, run every minute:
 * - messages that used up their attempts without being marked (a crash during the last try) become
 *   'failed', and an invitation left with nothing but failed messages undeliverable;
 * - messages whose worker died holding them (its claim lapsed, claims.ts) go to the queue again under a
 *   key of their own, so another worker takes them over at once — the dead worker's job stays active
 *   in pg-boss until its expiry, and a second job under the same key could not start beside it
 *   (takeOverAbandonedMessages, which working processes also run every few seconds);
 * - 'queued' messages that never reached the queue (written inside a transaction, or the process died
 *   before enqueueing) or whose job was lost are enqueued.
 * Enqueueing twice is harmless: delivery claims the row in SQL first.
 */
export async function sweepOutbox(opts: {
  db: Db;
  mailer: Mailer;
}): Promise<{ enqueued: number; failed: number; takenOver: number }> {
  const { db, mailer } = opts;

  const exhausted = await db.transaction(async (tx) => {
    const rows = await tx
      .update(outboxMessages)
      .set({
        status: 'failed',
        claimToken: null,
        claimedUntil: null,
        sendingSince: null,
        lastError: sql`coalesce(${outboxMessages.lastError}, 'interrupted during the last attempt')`,
      })
      .where(
        and(
          eq(outboxMessages.status, 'queued'),
          gte(outboxMessages.attempts, mailer.retry.attempts),
          notClaimedSql,
        ),
      )
      .returning({ id: outboxMessages.id, invitationId: outboxMessages.invitationId });
    await markUndeliverableInvitations(
      tx,
      rows.flatMap((r) => (r.invitationId === null ? [] : [r.invitationId])),
    );
    return rows;
  });

  const takenOver = await takeOverAbandonedMessages({ db, mailer });

  const waiting = await db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.status, 'queued'),
        isNull(outboxMessages.claimToken),
        notClaimedSql,
        or(
          isNull(outboxMessages.enqueuedAt),
          lt(outboxMessages.enqueuedAt, sql`now() - make_interval(mins => ${LOST_JOB_MINUTES})`),
        ),
      ),
    )
    .orderBy(outboxMessages.id)
    .limit(1000);
  for (const { id } of waiting) await mailer.enqueue(id);
  return { enqueued: waiting.length, failed: exhausted.length, takenOver };
}

/**
 * Messages whose worker died holding them (claim lapsed, attempts left) go to the queue again under a
 * key of their own. Run by the minute's sweep and, more often, by every working process
 * (jobs/frequent-sweeps.ts), so another worker has them within CLAIM_SECONDS and a few more.
 */
export async function takeOverAbandonedMessages(opts: { db: Db; mailer: Mailer }): Promise<number> {
  const abandoned = await opts.db
    .select({ id: outboxMessages.id, claim: outboxMessages.claimToken })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.status, 'queued'),
        isNotNull(outboxMessages.claimToken),
        notClaimedSql,
        lt(outboxMessages.attempts, opts.mailer.retry.attempts),
      ),
    )
    .orderBy(outboxMessages.id)
    .limit(1000);
  for (const { id, claim } of abandoned) await opts.mailer.enqueue(id, { after: claim! });
  return abandoned.length;
}
