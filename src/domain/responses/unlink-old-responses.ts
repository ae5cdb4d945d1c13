import { and, asc, inArray, isNotNull, isNull, lt, ne, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invitations, outboxMessages, responses } from '../../db/schema';
import type { Tx } from '../ingest/upsert-sql';
import { CLEARED_MESSAGE_CONTENT, ERASED_RECIPIENT } from '../tenants/erased-tenant';
import { UNLINKED_INVITATION, unlinkResponses } from './unlink-responses';

export interface UnlinkOldResponsesOptions {
  db: Db;
  /** RESPONSE_RETENTION_MONTHS */
  months: number;
  /** rows per transaction; small enough to keep locks short while the survey keeps running */
  batchSize?: number;
}

/**
 * The retention rule (AVG/GDPR): responses submitted more than `months` ago lose every link to the
 * tenant (see unlinkResponses; the figures stay), and invitations sent that long ago and never
 * answered lose the tenant, the token and any draft; the survey e-mails and text messages created
 * that long ago (invitations and reminders, which greet the tenant by name and went to their
 * address) keep only that they were sent, when and how: recipient, subject, body and provider error
 * are cleared as erasure clears them (a message still queued is left to finish). Set-based, in
 * batches of their own transaction, skipping rows another transaction holds (they are picked up the
 * next night). Idempotent.
 */
export async function unlinkOldResponses({ db, months, batchSize = 1000 }: UnlinkOldResponsesOptions) {
  if (!Number.isInteger(months) || months < 1) throw new Error('months must be a positive whole number');
  const cutoff = sql`now() - make_interval(months => ${months})`;
  const inBatches = (
    pick: (tx: Tx) => Promise<number[]>,
    change: (tx: Tx, ids: number[]) => Promise<unknown>,
  ) => changeInBatches(db, batchSize, pick, change);

  const unlinkedResponses = await inBatches(
    (tx) =>
      lockedIds(
        tx,
        responses,
        and(isNull(responses.unlinkedAt), lt(responses.submittedAt, cutoff))!,
        batchSize,
      ),
    (tx, ids) => unlinkResponses(tx, ids),
  );

  const unlinkedInvitations = await inBatches(
    (tx) =>
      lockedIds(
        tx,
        invitations,
        and(
          // scheduled ones are the dispatcher's; answered ones went with their response above
          notInArray(invitations.status, ['scheduled', 'answered']),
          lt(sql`coalesce(${invitations.sentAt}, ${invitations.sendAfter})`, cutoff),
          or(
            isNotNull(invitations.tenantId),
            isNotNull(invitations.tokenHash),
            isNotNull(invitations.draftAnswers),
          ),
        )!,
        batchSize,
      ),
    (tx, ids) => tx.update(invitations).set(UNLINKED_INVITATION).where(inArray(invitations.id, ids)),
  );

  const clearedMessages = await inBatches(
    (tx) =>
      lockedIds(
        tx,
        outboxMessages,
        and(
          isNotNull(outboxMessages.invitationId),
          ne(outboxMessages.status, 'queued'),
          lt(outboxMessages.createdAt, cutoff),
          ne(outboxMessages.recipient, ERASED_RECIPIENT),
        )!,
        batchSize,
      ),
    (tx, ids) =>
      tx
        .update(outboxMessages)
        .set({
          ...CLEARED_MESSAGE_CONTENT,
          lastError: sql`case when ${outboxMessages.lastError} is not null then ${ERASED_RECIPIENT} end`,
        })
        .where(inArray(outboxMessages.id, ids)),
  );

  return { responses: unlinkedResponses, invitations: unlinkedInvitations, messages: clearedMessages };
}

/** Each batch in a transaction of its own, until a batch comes back short; the number changed. */
async function changeInBatches(
  db: Db,
  batchSize: number,
  pick: (tx: Tx) => Promise<number[]>,
  change: (tx: Tx, ids: number[]) => Promise<unknown>,
) {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const ids = await pick(tx);
      if (ids.length) await change(tx, ids);
      return ids.length;
    });
    total += n;
    if (n < batchSize) return total;
  }
}

/** The first `limit` ids matching `where`, oldest first, locked; rows another transaction holds skipped. */
async function lockedIds(
  tx: Tx,
  table: typeof responses | typeof invitations | typeof outboxMessages,
  where: SQL,
  limit: number,
) {
  const rows = await tx
    .select({ id: table.id })
    .from(table)
    .where(where)
    .orderBy(asc(table.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return rows.map((r) => r.id);
}
