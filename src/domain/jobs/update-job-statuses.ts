import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { type IngestKind, IngestProblems } from '../ingest/ingest-kind';
import { findDuplicateKeys } from '../ingest/ingest-rows';
import type { TJobStatusUpdate } from '../ingest/row-schemas';
import { asJson, missingKeys, rowsOf, type UpsertCounts } from '../ingest/upsert-sql';
import { type DispatchWakeup, NO_DISPATCH_WAKEUP } from '../invitations/dispatch-wakeup';
import { scheduleInvitations } from '../invitations/schedule-invitations';

export interface UpdateJobStatusesOptions {
  db: Db;
  actor: Actor;
  updates: TJobStatusUpdate[];
  /** the AppContext's, so completed jobs wake the dispatcher after commit (default: the minute cron finds them) */
  dispatchWakeup?: DispatchWakeup;
}

const byExternalId = { keyField: 'externalId' } as IngestKind<TJobStatusUpdate>;

/**
 * Status changes from the ERP. `completed` is the moment that matters later (it triggers the survey),
 * so its time is kept: repeating a completion without `at` does not move it. A job that became
 * completed gets its survey invitation in the same transaction. All or nothing.
 */
export async function updateJobStatuses({
  db,
  actor,
  updates,
  dispatchWakeup = NO_DISPATCH_WAKEUP,
}: UpdateJobStatusesOptions): Promise<UpsertCounts> {
  authorize(actor, 'job.write');
  const duplicates = findDuplicateKeys(byExternalId, updates);
  if (duplicates.length) throw new IngestProblems(duplicates);
  const { counts, invited } = await db.transaction(async (tx) => {
    const missing = await missingKeys(
      tx,
      'jobs',
      'external_id',
      updates.map((u) => u.externalId),
    );
    if (missing.size) {
      throw new IngestProblems(
        updates.flatMap((u, index) =>
          missing.has(u.externalId)
            ? [{ index, field: 'externalId', message: `unknown job "${u.externalId}"` }]
            : [],
        ),
      );
    }
    const json = asJson(updates.map((u) => ({ external_id: u.externalId, status: u.status, at: u.at })));
    const [row] = await rowsOf<{ updated: number }>(
      tx,
      sql`WITH given AS (
          SELECT r.external_id, r.status, r.at FROM json_to_recordset(${json}::json) AS r(external_id text, status text, at timestamptz)
        ), next AS (
          SELECT j.id, g.status,
            CASE WHEN g.status = 'planned' THEN coalesce(g.at, j.appointment_at) ELSE j.appointment_at END AS appointment_at,
            CASE WHEN g.status = 'completed' THEN coalesce(g.at, CASE WHEN j.status = 'completed' THEN j.completed_at END, now())
                 ELSE j.completed_at END AS completed_at,
            CASE WHEN g.status = 'cancelled' THEN coalesce(g.at, CASE WHEN j.status = 'cancelled' THEN j.cancelled_at END, now())
                 ELSE j.cancelled_at END AS cancelled_at
          FROM given g JOIN jobs j ON j.external_id = g.external_id
        ), changed AS (
          UPDATE jobs j SET status = n.status, appointment_at = n.appointment_at, completed_at = n.completed_at,
            cancelled_at = n.cancelled_at, updated_at = now()
          FROM next n
          WHERE j.id = n.id AND (j.status, j.appointment_at, j.completed_at, j.cancelled_at)
            IS DISTINCT FROM (n.status, n.appointment_at, n.completed_at, n.cancelled_at)
          RETURNING j.id
        )
        SELECT count(*)::int AS updated FROM changed`,
    );
    // a job that became completed gets its survey invitation in this same transaction
    const invited = await scheduleInvitations(
      tx,
      sql`SELECT j.id FROM json_to_recordset(${json}::json) AS g(external_id text, status text)
          JOIN jobs j ON j.external_id = g.external_id WHERE g.status = 'completed'`,
    );
    const counts = { inserted: 0, updated: row!.updated, unchanged: updates.length - row!.updated };
    return { counts, invited };
  });
  await dispatchWakeup.wake(invited.firstSendAfter);
  return counts;
}
