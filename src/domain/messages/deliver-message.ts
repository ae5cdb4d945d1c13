import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outboxMessages } from '../../db/schema';
import { markUndeliverableInvitations } from '../invitations/mark-undeliverable';
import { claimMessages, keepClaimed, releaseClaims } from './claims';
import { type DeliveryLog, describeDeliveryFailure } from './delivery-failure';
import type { MessageProviders } from './providers';

export type DeliveryOutcome = 'sent' | 'failed' | 'not_sent' | 'skipped';

/** A failed try with attempts left: the job queue retries it with backoff. */
export class DeliveryError extends Error {}

export interface DeliveryOptions {
  db: Db;
  providers: MessageProviders;
  log: DeliveryLog;
}

export interface MessageToDeliver {
  outboxId: number;
  maxAttempts: number;
}

/**
 * Delivers a worker's batch: claims all of its messages at once (claims.ts), keeps the claim alive
 * while it sends them one by one, and lets go of the rest if it ends early. Each message's outcome,
 * or the DeliveryError of a try that failed with attempts left, in the batch's order.
 */
export async function deliverMessages(
  opts: DeliveryOptions & { messages: readonly MessageToDeliver[] },
): Promise<Array<DeliveryOutcome | DeliveryError>> {
  const claim = await claimMessages({ db: opts.db, messages: opts.messages });
  const pending = new Set(claim.ids);
  const stopRenewing = keepClaimed({ db: opts.db, token: claim.token, pending: () => [...pending] });
  const outcomes: Array<DeliveryOutcome | DeliveryError> = [];
  try {
    for (const m of opts.messages) {
      if (!pending.has(m.outboxId)) {
        outcomes.push('skipped');
        continue;
      }
      try {
        outcomes.push(await attemptDelivery({ ...opts, ...m, token: claim.token }));
      } catch (err) {
        if (!(err instanceof DeliveryError)) throw err;
        outcomes.push(err);
      } finally {
        pending.delete(m.outboxId);
      }
    }
    return outcomes;
  } finally {
    await stopRenewing();
    await releaseClaims({ db: opts.db, token: claim.token, ids: [...pending] }).catch(() => {});
  }
}

/** One message on its own (tests, a batch of one): its outcome, or throws when it will be retried. */
export async function deliverMessage(opts: DeliveryOptions & MessageToDeliver): Promise<DeliveryOutcome> {
  const [outcome] = await deliverMessages({ ...opts, messages: [opts] });
  if (outcome instanceof DeliveryError) throw outcome;
  return outcome!;
}

/**
 * One attempt of a message this worker claimed. The attempt starts only while the claim is still
 * this worker's and live, so a message is never sent by two workers at once and one marked 'sent' is
 * never sent again. It is marked 'sent' only after the provider accepted it. A failure records the
 * attempt and its error and is logged (no address, no text); with attempts left it throws, so the job
 * queue retries with backoff; the last failure leaves the row 'failed' — and when that was the last
 * message of its invitation still under way, the invitation undeliverable (mark-undeliverable.ts).
 */
async function attemptDelivery(
  opts: DeliveryOptions & MessageToDeliver & { token: string },
): Promise<DeliveryOutcome> {
  const { db, outboxId, maxAttempts, token } = opts;
  const mine = and(
    eq(outboxMessages.id, outboxId),
    eq(outboxMessages.status, 'queued'),
    eq(outboxMessages.claimToken, token),
  );
  const [message] = await db
    .update(outboxMessages)
    .set({ attempts: sql`${outboxMessages.attempts} + 1` })
    .where(and(mine, gt(outboxMessages.claimedUntil, sql`now()`), lt(outboxMessages.attempts, maxAttempts)))
    .returning();
  // the claim lapsed and another worker took the message over, or it was finished meanwhile
  if (!message) return 'skipped';
  const released = { claimToken: null, claimedUntil: null, sendingSince: null };

  const provider = opts.providers[message.channel];
  if (!provider) {
    // Configuration changed since it was queued: say so honestly instead of pretending.
    await db
      .update(outboxMessages)
      .set({ ...released, status: 'not_sent', lastError: `no ${message.channel} provider configured` })
      .where(mine);
    return 'not_sent';
  }

  try {
    await provider.send(message);
  } catch (err) {
    const lastError = String((err as Error)?.message ?? err).slice(0, 500) || 'unknown error';
    const after = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(outboxMessages)
        .set({
          ...released,
          lastError,
          status: sql`CASE WHEN ${outboxMessages.attempts} >= ${maxAttempts} THEN 'failed' ELSE ${outboxMessages.status} END`,
        })
        .where(mine)
        .returning({ status: outboxMessages.status, invitationId: outboxMessages.invitationId });
      if (row?.status === 'failed' && row.invitationId !== null)
        await markUndeliverableInvitations(tx, [row.invitationId]);
      return row;
    });
    const final = after?.status === 'failed';
    const failure = describeDeliveryFailure(err, message.recipient);
    opts.log.warn(
      { outboxId, channel: message.channel, attempt: message.attempts, maxAttempts, final, ...failure },
      final ? 'message delivery failed, no attempts left' : 'message delivery failed, will retry',
    );
    if (final) return 'failed';
    // no row: another worker holds the message now (this claim lapsed); its attempt decides
    if (!after) return 'skipped';
    // the job queue keeps this text with the job: the same words as the log line, no address
    throw new DeliveryError(
      `message ${outboxId}, attempt ${message.attempts} of ${maxAttempts}: ${failure.reason}`,
    );
  }

  await db
    .update(outboxMessages)
    .set({ ...released, status: 'sent', sentAt: sql`now()`, lastError: null })
    .where(and(eq(outboxMessages.id, outboxId), eq(outboxMessages.status, 'queued')));
  return 'sent';
}
