import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../ingest/upsert-sql';

/**
 * Sent invitations past their expiry become `expired` (unanswered links no longer open a survey).
 * Readers must also treat `expiresAt < now` as expired: this runs once a minute, not at the instant.
 */
export async function expireInvitations({ db, now }: { db: Db; now?: Date }): Promise<{ expired: number }> {
  const at = sql`${(now ?? new Date()).toISOString()}::timestamptz`;
  const [row] = await rowsOf<{ expired: number }>(
    db,
    sql`WITH expired AS (
        UPDATE invitations SET status = 'expired' WHERE status = 'sent' AND expires_at <= ${at} RETURNING 1
      ) SELECT count(*)::int AS expired FROM expired`,
  );
  return { expired: row?.expired ?? 0 };
}
