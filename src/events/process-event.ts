import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import { domainEvents, type EventProcessingState } from '../db/schema';
import { rowsOf } from '../domain/ingest/upsert-sql';
import { DEFAULT_PROCESSOR_RETRY, type EventProcessor } from './event-processor';

export type ProcessingOutcome = 'done' | 'already done' | 'retrying' | 'failed';

/**
 * One processor's try at one event. The processing row is marked done in the same transaction as the
 * processor's writes, and only while it is still queued or retrying: a duplicated job, a retry after
 * a commit whose acknowledgement was lost, or a second worker waiting on the row lock finds it done
 * and does nothing. A throw rolls the work back and is counted: `retrying` (rethrown, so pg-boss
 * retries with backoff) or, at the last try, `failed` with its error (the job then ends normally;
 * the failure lives in the row, where admins see it).
 */
export async function processEvent({
  ctx,
  processor,
  eventId,
}: {
  ctx: AppContext;
  processor: EventProcessor;
  eventId: number;
}): Promise<ProcessingOutcome> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const claimed = await rowsOf(
        tx,
        sql`INSERT INTO domain_event_processing (processor, event_id, state, attempts)
            VALUES (${processor.id}, ${eventId}, 'done', 1)
            ON CONFLICT (processor, event_id) DO UPDATE
              SET state = 'done', attempts = domain_event_processing.attempts + 1, last_error = NULL,
                updated_at = now()
              WHERE domain_event_processing.state IN ('queued', 'retrying')
            RETURNING attempts`,
      );
      if (!claimed.length) return 'already done';
      const [event] = await tx.select().from(domainEvents).where(eq(domainEvents.id, eventId));
      await processor.handle(ctx, event!, tx);
      return 'done';
    });
  } catch (err) {
    const state = await recordFailure(ctx, processor, eventId, err);
    if (state === 'retrying') throw err;
    if (state === 'failed')
      console.warn(`[events] ${processor.id} gave up on event ${eventId}: see domain_event_processing`);
    return state ?? 'already done';
  }
}

/** Counts the failed try outside the rolled-back transaction; null when it was done meanwhile. */
async function recordFailure(ctx: AppContext, processor: EventProcessor, eventId: number, err: unknown) {
  const attempts = processor.retry?.attempts ?? DEFAULT_PROCESSOR_RETRY.attempts;
  const message = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
  const [row] = await rowsOf<{ state: EventProcessingState }>(
    ctx.db,
    sql`INSERT INTO domain_event_processing AS p (processor, event_id, state, attempts, last_error)
        VALUES (${processor.id}, ${eventId}, CASE WHEN ${attempts} <= 1 THEN 'failed' ELSE 'retrying' END,
          1, ${message})
        ON CONFLICT (processor, event_id) DO UPDATE
          SET attempts = p.attempts + 1, last_error = excluded.last_error, updated_at = now(),
            state = CASE WHEN p.attempts + 1 >= ${attempts} THEN 'failed' ELSE 'retrying' END
          WHERE p.state IN ('queued', 'retrying')
        RETURNING state`,
  );
  return (row?.state ?? null) as 'retrying' | 'failed' | null;
}
