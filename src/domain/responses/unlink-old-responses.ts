import { and, asc, inArray, isNotNull, isNull, lt, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invitations, outboxMessages, responses } from '../../db/schema';
import { ERASED_RECIPIENT } from '../tenants/erased-tenant';
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
 * that long ago (invitations and reminders, which greet the tenant by name and went to their address)
 * keep only that they were sent, when and how: recipient, subject, body and provider error are cleared
 * as erasure clears them (a message still queued is left to finish). Set-based, in batches of its own transaction,
 * skipping rows another transaction holds (they are picked up the next night). Idempotent.
 */
export async function unlinkOldResponses({ db, months, batchSize = 1000 }: UnlinkOldResponsesOptions) {
  if (!Number.isInteger(months) || months < 1) throw new Error('months must be a positive whole number');
  const cutoff = sql`now() - make_interval(months => ${months})`;
  let unlinkedResponses = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const batch = await tx
        .select({ id: responses.id })
        .from(responses)
        .where(and(isNull(responses.unlinkedAt), lt(responses.submittedAt, cutoff)))
        .orderBy(asc(responses.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      await unlinkResponses(
        tx,
        batch.map((r) => r.id),
      );
      return batch.length;
    });
    unlinkedResponses += n;
    if (n < batchSize) break;
  }

  let unlinkedInvitations = 0;
  const stillLinked = or(
    isNotNull(invitations.tenantId),
    isNotNull(invitations.tokenHash),
    isNotNull(invitations.draftAnswers),
  );
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const batch = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(
          and(
            // scheduled ones are the dispatcher's; answered ones went with their response above
            notInArray(invitations.status, ['scheduled', 'answered']),
            lt(sql`coalesce(${invitations.sentAt}, ${invitations.sendAfter})`, cutoff),
            stillLinked,
          ),
        )
        .orderBy(asc(invitations.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      if (batch.length)
        await tx
          .update(invitations)
          .set(UNLINKED_INVITATION)
          .where(
            inArray(
              invitations.id,
              batch.map((r) => r.id),
            ),
          );
      return batch.length;
    });
    unlinkedInvitations += n;
    if (n < batchSize) break;
  }
  let clearedMessages = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const batch = await tx
        .select({ id: outboxMessages.id })
        .from(outboxMessages)
        .where(
          and(
            isNotNull(outboxMessages.invitationId),
            ne(outboxMessages.status, 'queued'),
            lt(outboxMessages.createdAt, cutoff),
            ne(outboxMessages.recipient, ERASED_RECIPIENT),
          ),
        )
        .orderBy(asc(outboxMessages.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      if (batch.length)
        await tx
          .update(outboxMessages)
          .set({
            recipient: ERASED_RECIPIENT,
            subject: null,
            bodyText: '',
            bodyHtml: null,
            unsubscribeUrl: null,
            lastError: sql`case when ${outboxMessages.lastError} is not null then ${ERASED_RECIPIENT} end`,
          })
          .where(
            inArray(
              outboxMessages.id,
              batch.map((r) => r.id),
            ),
          );
      return batch.length;
    });
    clearedMessages += n;
    if (n < batchSize) break;
  }
  return { responses: unlinkedResponses, invitations: unlinkedInvitations, messages: clearedMessages };
}
