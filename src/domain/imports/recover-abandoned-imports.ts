import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { sqlInTransaction } from '../../db/transaction-sql';
import { rowsOf } from '../ingest/upsert-sql';
import type { JobSender } from '../messages/mailer';
import { CLAIM_LAPSES_AFTER_SECONDS, IMPORT_RUN_JOB, importRunJob, MAX_IMPORT_ATTEMPTS } from './import-job';

const INTERRUPTED =
  'The import was interrupted (the process running it stopped). Nothing was written; import the file again.';

/**
 * Run by every working process every few seconds. A run being validated or imported whose claim
 * lapsed lost its process: on PostgreSQL, another process's claim not renewed for 30 s; on PGlite,
 * any other process's claim (one process owns the folder, so it is this one's former life — and a
 * heartbeat cannot be written there while the import's transaction holds the one connection).
 * Nothing of it was written (an import writes in one transaction), so it is queued once more while
 * its file is stored and it had fewer than two workers; otherwise it fails, saying so, and its file
 * is deleted. Runs from before claims existed count as lapsed on PGlite at once, on PostgreSQL after
 * six hours (the former guess). Queued runs whose job never reached the queue are queued again.
 */
export async function recoverAbandonedImports({
  database,
  jobs,
  me,
}: {
  database: Database;
  jobs: JobSender | undefined;
  /** this process's claim name */
  me: string;
}) {
  const lapsed =
    database.kind === 'pglite'
      ? sql`TRUE`
      : sql`(r.claimed_by IS NULL AND r.created_at < now() - interval '6 hours')
          OR r.heartbeat_at < now() - make_interval(secs => ${CLAIM_LAPSES_AFTER_SECONDS})`;
  const recovered = await database.db.transaction(async (tx) => {
    const runs = await rowsOf<{ id: number; retry: boolean }>(
      tx,
      sql`SELECT r.id, (r.attempts < ${MAX_IMPORT_ATTEMPTS}
            AND EXISTS (SELECT 1 FROM import_uploads u WHERE u.run_id = r.id)) AS retry
          FROM import_runs r
          WHERE r.status IN ('validating', 'importing') AND r.claimed_by IS DISTINCT FROM ${me} AND (${lapsed})
          FOR UPDATE OF r SKIP LOCKED`,
    );
    const again = runs.filter((r) => r.retry).map((r) => Number(r.id));
    const failed = runs.filter((r) => !r.retry).map((r) => Number(r.id));
    if (again.length) {
      await rowsOf(
        tx,
        sql`UPDATE import_runs SET status = 'queued', claimed_by = NULL, heartbeat_at = NULL, processed_rows = 0
            WHERE id = ANY(${idArray(again)}::int[])`,
      );
      for (const id of again) await send(jobs, id, tx);
    }
    if (failed.length) {
      await rowsOf(
        tx,
        sql`UPDATE import_runs SET status = 'failed', finished_at = now(),
              problems = ${JSON.stringify([{ line: null, column: null, message: INTERRUPTED }])}::jsonb
            WHERE id = ANY(${idArray(failed)}::int[])`,
      );
      await rowsOf(tx, sql`DELETE FROM import_uploads WHERE run_id = ANY(${idArray(failed)}::int[])`);
    }
    return { again, failed };
  });
  // the upload's transaction queued its job; this catches a run uploaded where no queue ran
  const unsent = await rowsOf<{ id: number }>(
    database.db,
    sql`SELECT id FROM import_runs WHERE status = 'queued' AND created_at < now() - interval '30 seconds'`,
  );
  for (const { id } of unsent) await send(jobs, Number(id));
  return { queuedAgain: recovered.again.length, failed: recovered.failed.length };
}

async function send(jobs: JobSender | undefined, runId: number, tx?: unknown) {
  const job = importRunJob(runId);
  await jobs?.send(IMPORT_RUN_JOB, job.data, { ...job.options, ...(tx ? { db: sqlInTransaction(tx) } : {}) });
}

const idArray = (ids: number[]) => `{${ids.join(',')}}`;
