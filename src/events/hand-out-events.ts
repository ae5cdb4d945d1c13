import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { type SqlConnection, sqlInTransaction } from '../db/transaction-sql';
import { rowsOf } from '../domain/ingest/upsert-sql';
import { DEFAULT_PROCESSOR_RETRY, type EventProcessor, processorQueue } from './event-processor';

/** The part of pg-boss handing out needs: queuing jobs on a given connection. */
export interface JobInserter {
  insert(jobs: object[], options: { db: SqlConnection }): Promise<unknown>;
}

/** pg-boss retries a few more times than the processor's own count, for tries cut short by a dying process. */
const SPARE_RETRIES = 2;
/** a processor's try that runs this long is taken to have lost its worker, and is tried again */
const PROCESSOR_JOB_EXPIRY_SECONDS = 60;

/**
 * Hands events not yet handed out to the processors that want them, oldest first: in one
 * transaction it locks them (SKIP LOCKED: two workers take different events), writes a `queued`
 * processing row and queues a job per processor and event (pg-boss's tables are in the same
 * database, so the jobs exist exactly when the marks do), and marks the events handed out. A
 * process that dies halfway leaves nothing half done; the next sweep takes the events again.
 * Returns how many events it handed out.
 */
export async function handOutEvents({
  db,
  jobs,
  processors,
  limit = 500,
}: {
  db: Db;
  jobs: JobInserter;
  processors: readonly EventProcessor[];
  limit?: number;
}): Promise<number> {
  // the common case, nothing new, costs one index probe and no transaction
  const waiting = await rowsOf(db, sql`SELECT 1 FROM domain_events WHERE processed_at IS NULL LIMIT 1`);
  if (!waiting.length) return 0;
  return db.transaction(async (tx) => {
    const events = await rowsOf<{ id: number; type: string }>(
      tx,
      sql`SELECT id, type FROM domain_events WHERE processed_at IS NULL
          ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
    );
    if (!events.length) return 0;
    const work = events.flatMap((event) =>
      processors
        .filter((p) => (p.events as readonly string[]).includes(event.type))
        .map((processor) => ({ processor, eventId: Number(event.id) })),
    );
    if (work.length) {
      const rows = work.map((w) => ({ processor: w.processor.id, eventId: w.eventId }));
      await rowsOf(
        tx,
        sql`INSERT INTO domain_event_processing (processor, event_id, state)
            SELECT processor, "eventId", 'queued'
            FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(processor text, "eventId" bigint)
            ON CONFLICT DO NOTHING`,
      );
      await jobs.insert(work.map(processorJob), { db: sqlInTransaction(tx) });
    }
    await rowsOf(
      tx,
      sql`UPDATE domain_events SET processed_at = now()
          WHERE id = ANY(${`{${events.map((e) => e.id).join(',')}}`}::bigint[])`,
    );
    return events.length;
  });
}

/** The pg-boss job of one processor for one event (its singleton key keeps a second one out of the queue). */
export function processorJob({ processor, eventId }: { processor: EventProcessor; eventId: number }) {
  const retry = processor.retry ?? DEFAULT_PROCESSOR_RETRY;
  return {
    name: processorQueue(processor),
    data: { eventId },
    singletonKey: `event-${eventId}`,
    retryLimit: retry.attempts - 1 + SPARE_RETRIES,
    retryDelay: retry.delaySeconds,
    retryBackoff: true,
    expireInSeconds: PROCESSOR_JOB_EXPIRY_SECONDS,
  };
}
