import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outboxMessages } from '../../db/schema';

/**
 * A worker claims the messages of the batch it fetched before sending any, and renews the claim
 * while it works. One that dies (kill -9, a lost machine) stops renewing: its claims lapse after
 * CLAIM_SECONDS and the outbox sweep hands the messages to another worker. A live worker renews every
 * CLAIM_RENEW_SECONDS, so only a process stalled for three renewals in a row can lose a claim it
 * still works on.
 */
export const CLAIM_SECONDS = 30;
export const CLAIM_RENEW_SECONDS = 10;

const claimExpiry = sql`now() + make_interval(secs => ${CLAIM_SECONDS})`;

/** A message some live worker holds now: the outbox shows it as being sent. */
export const liveClaimSql = and(
  isNotNull(outboxMessages.claimedUntil),
  gt(outboxMessages.claimedUntil, sql`now()`),
);

/** Nobody holds it: never claimed, released, or its holder died. */
export const notClaimedSql = sql`(${outboxMessages.claimedUntil} IS NULL OR ${outboxMessages.claimedUntil} <= now())`;

/**
 * Claims every message among these that is still queued, has attempts left and is held by nobody,
 * in one statement; returns the claim and the ids it got (the others are sent, failed, or in another
 * worker's hands).
 */
export async function claimMessages(opts: {
  db: Db;
  messages: ReadonlyArray<{ outboxId: number; maxAttempts: number }>;
}): Promise<{ token: string; ids: number[] }> {
  const token = randomUUID();
  if (!opts.messages.length) return { token, ids: [] };
  const wanted = JSON.stringify(opts.messages.map((m) => ({ id: m.outboxId, max: m.maxAttempts })));
  const claimed = (await opts.db.execute(sql`UPDATE outbox_messages m
    SET claim_token = ${token}, claimed_until = ${claimExpiry}, sending_since = now()
    FROM json_to_recordset(${wanted}::json) AS w(id integer, max integer)
    WHERE m.id = w.id AND m.status = 'queued' AND m.attempts < w.max
      AND (m.claimed_until IS NULL OR m.claimed_until <= now())
    RETURNING m.id`)) as unknown as { rows: Array<{ id: number }> };
  return { token, ids: claimed.rows.map((r) => Number(r.id)) };
}

/** Renews the claim on the messages still pending; returns how many it still holds. */
export async function renewClaims(opts: { db: Db; token: string; ids: readonly number[] }) {
  if (!opts.ids.length) return 0;
  const renewed = await opts.db
    .update(outboxMessages)
    .set({ claimedUntil: claimExpiry })
    .where(
      and(
        inArray(outboxMessages.id, [...opts.ids]),
        eq(outboxMessages.claimToken, opts.token),
        eq(outboxMessages.status, 'queued'),
      ),
    )
    .returning({ id: outboxMessages.id });
  return renewed.length;
}

/** Lets go of what this claim still holds (a batch that ended early); the messages stay queued. */
export async function releaseClaims(opts: { db: Db; token: string; ids: readonly number[] }) {
  if (!opts.ids.length) return;
  await opts.db
    .update(outboxMessages)
    .set({ claimToken: null, claimedUntil: null, sendingSince: null })
    .where(and(inArray(outboxMessages.id, [...opts.ids]), eq(outboxMessages.claimToken, opts.token)));
}

/**
 * Renews the claim every CLAIM_RENEW_SECONDS until stopped; `pending()` says which ids still need
 * it. A failed renewal is tried again at the next tick (the claim holds for two more).
 */
export function keepClaimed(opts: { db: Db; token: string; pending: () => readonly number[] }) {
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewClaims({ db: opts.db, token: opts.token, ids: opts.pending() }).catch(() => 0);
  }, CLAIM_RENEW_SECONDS * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await renewing;
  };
}
