import { sql } from 'drizzle-orm';
import type { Tx } from '../messages/mailer';

/**
 * Marks each of these invitations undeliverable when every one of its messages failed: none sent,
 * none still queued, none kept as not sent. Such an invitation reached nobody, so it no longer counts
 * as open or for the quarantine (suppression-sql.ts) and an admin may send it again.
 *
 * Runs inside the transaction that failed a message. The rows are locked first and only then
 * judged, in a statement of its own: when an e-mail and an SMS of one invitation fail at the same
 * moment in two workers, the second to get the lock sees the first's failure committed, so the
 * last failure always marks it.
 */
export async function markUndeliverableInvitations(tx: Tx, invitationIds: readonly number[]) {
  const ids = [...new Set(invitationIds)].sort((a, b) => a - b);
  if (!ids.length) return 0;
  const list = sql`(SELECT (json_array_elements_text(${JSON.stringify(ids)}::json))::int)`;
  await tx.execute(sql`SELECT id FROM invitations WHERE id IN ${list} ORDER BY id FOR UPDATE`);
  const marked = (await tx.execute(sql`UPDATE invitations i SET undeliverable_at = now()
    WHERE i.id IN ${list} AND i.status = 'sent' AND i.undeliverable_at IS NULL
      AND EXISTS (SELECT 1 FROM outbox_messages m WHERE m.invitation_id = i.id)
      AND NOT EXISTS (SELECT 1 FROM outbox_messages m WHERE m.invitation_id = i.id AND m.status <> 'failed')
    RETURNING i.id`)) as unknown as { rows: unknown[] };
  return marked.rows.length;
}
