import { type SQL, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../ingest/upsert-sql';
import { outOfQuietHours } from './quiet-hours';
import { suppressionReasonSql } from './suppression-sql';

export interface ScheduledInvitations {
  scheduled: number;
  suppressed: number;
  /** the earliest sendAfter among the scheduled ones, to wake the dispatcher then (after commit) */
  firstSendAfter: Date | null;
}

/**
 * Gives every job among `jobIds` (a SQL subquery of job ids) that is completed, recently enough, and
 * has no invitation yet its one invitation — inside the caller's transaction, set-based, one statement.
 *
 * - Only jobs completed within the journey's expiryDays: importing years of history surveys nobody.
 * - sendAfter = greatest(completedAt, now) + the journey's delay, moved out of the quiet hours.
 * - Suppressed right away, with the reason, when that is already decidable (suppressionReasonSql);
 *   within one batch only the first job per tenant is scheduled, the others are `open_invitation`.
 * - ON CONFLICT (job_id) DO NOTHING: exactly one invitation per job, ever, whatever runs at once.
 */
export async function scheduleInvitations(tx: Tx, jobIds: SQL): Promise<ScheduledInvitations> {
  const reason = suppressionReasonSql({
    now: sql`now()`,
    tenantId: sql`j.tenant_id`,
    scheduledCountsAsOpen: true,
  });
  const sendAfter = outOfQuietHours(
    sql`greatest(c.completed_at, now()) + c.delay_minutes * interval '1 minute'`,
  );
  const [row] = await rowsOf<{ scheduled: number; suppressed: number; first: string | Date | null }>(
    tx,
    sql`WITH candidates AS (
        SELECT j.id AS job_id, j.tenant_id, j.journey, j.completed_at, s.delay_minutes, ${reason} AS reason
        FROM jobs j
        JOIN survey_settings s ON s.journey = j.journey
        LEFT JOIN tenants t ON t.id = j.tenant_id
        WHERE j.id IN (${jobIds})
          AND j.status = 'completed'
          AND j.completed_at > now() - s.expiry_days * interval '1 day'
          AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.job_id = j.id)
      ), ranked AS (
        SELECT c.*, CASE WHEN c.reason IS NULL AND c.tenant_id IS NOT NULL
            THEN row_number() OVER (PARTITION BY c.tenant_id, c.reason IS NULL ORDER BY c.completed_at, c.job_id)
          END AS nth
        FROM candidates c
      ), inserted AS (
        INSERT INTO invitations (job_id, tenant_id, journey, status, suppression_reason, send_after)
        SELECT c.job_id, c.tenant_id, c.journey,
          CASE WHEN c.reason IS NULL AND c.nth = 1 THEN 'scheduled' ELSE 'suppressed' END,
          CASE WHEN c.reason IS NULL AND c.nth > 1 THEN 'open_invitation' ELSE c.reason END,
          ${sendAfter}
        FROM ranked c
        ON CONFLICT (job_id) DO NOTHING
        RETURNING status, send_after
      )
      SELECT count(*) FILTER (WHERE status = 'scheduled')::int AS scheduled,
        count(*) FILTER (WHERE status = 'suppressed')::int AS suppressed,
        min(send_after) FILTER (WHERE status = 'scheduled') AS first
      FROM inserted`,
  );
  return {
    scheduled: row?.scheduled ?? 0,
    suppressed: row?.suppressed ?? 0,
    firstSendAfter: row?.first ? new Date(row.first) : null,
  };
}
