import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outboxMessages } from '../../db/schema';
import type { MessageProviders } from './providers';

/** How long a claim by a sending process holds; past it a crashed process's claim may be taken over. */
export const SENDING_CLAIM_MINUTES = 10;

export type DeliveryOutcome = 'sent' | 'failed' | 'not_sent' | 'skipped';

export class DeliveryError extends Error {}

/**
 * One delivery attempt of an outbox message. The row is claimed in SQL first (still 'queued', not
 * claimed by another process, attempts left), so a message marked 'sent' is never sent again and two
 * processes never send it at the same time. It is marked 'sent' only after the provider accepted it.
 * A failure records the attempt and its error; with attempts left it throws, so the job queue retries
 * with backoff; the last failure leaves the row 'failed' — visible in the outbox, never silent.
 */
export async function deliverMessage(opts: {
  db: Db;
  providers: MessageProviders;
  outboxId: number;
  maxAttempts: number;
}): Promise<DeliveryOutcome> {
  const { db, outboxId, maxAttempts } = opts;
  const [message] = await db
    .update(outboxMessages)
    .set({ attempts: sql`${outboxMessages.attempts} + 1`, sendingSince: sql`now()` })
    .where(
      and(
        eq(outboxMessages.id, outboxId),
        eq(outboxMessages.status, 'queued'),
        lt(outboxMessages.attempts, maxAttempts),
        or(
          isNull(outboxMessages.sendingSince),
          lt(outboxMessages.sendingSince, sql`now() - make_interval(mins => ${SENDING_CLAIM_MINUTES})`),
        ),
      ),
    )
    .returning();
  if (!message) return 'skipped';

  const provider = opts.providers[message.channel];
  if (!provider) {
    // Configuration changed since it was queued: say so honestly instead of pretending.
    await db
      .update(outboxMessages)
      .set({ status: 'not_sent', sendingSince: null, lastError: `no ${message.channel} provider configured` })
      .where(and(eq(outboxMessages.id, outboxId), eq(outboxMessages.status, 'queued')));
    return 'not_sent';
  }

  try {
    await provider.send(message);
  } catch (err) {
    const lastError = String((err as Error)?.message ?? err).slice(0, 500) || 'unknown error';
    const [after] = await db
      .update(outboxMessages)
      .set({
        lastError,
        sendingSince: null,
        status: sql`CASE WHEN ${outboxMessages.attempts} >= ${maxAttempts} THEN 'failed' ELSE ${outboxMessages.status} END`,
      })
      .where(and(eq(outboxMessages.id, outboxId), eq(outboxMessages.status, 'queued')))
      .returning({ status: outboxMessages.status });
    if (after?.status === 'failed') return 'failed';
    throw new DeliveryError(
      `message ${outboxId}, attempt ${message.attempts} of ${maxAttempts}: ${lastError}`,
    );
  }

  await db
    .update(outboxMessages)
    .set({ status: 'sent', sentAt: sql`now()`, sendingSince: null, lastError: null })
    .where(and(eq(outboxMessages.id, outboxId), eq(outboxMessages.status, 'queued')));
  return 'sent';
}
