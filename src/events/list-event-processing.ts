import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { domainEventProcessing, domainEvents, type EventProcessingState } from '../db/schema';
import type { Actor } from '../policy/actor';
import { authorize } from '../policy/policy';

/**
 * What processors did with events, most recently changed first, for admins: above all the failed
 * ones (state `failed`: out of tries, with the last error) and the ones still waiting.
 */
export async function listEventProcessing({
  db,
  actor,
  state,
  processor,
  page,
  pageSize,
}: {
  db: Db;
  actor: Actor;
  state?: EventProcessingState;
  processor?: string;
  page: number;
  pageSize: number;
}) {
  authorize(actor, 'event-processing.read');
  const where = and(
    state ? eq(domainEventProcessing.state, state) : undefined,
    processor ? eq(domainEventProcessing.processor, processor) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        processor: domainEventProcessing.processor,
        eventId: domainEventProcessing.eventId,
        eventType: domainEvents.type,
        subjectType: domainEvents.subjectType,
        subjectId: domainEvents.subjectId,
        eventAt: domainEvents.createdAt,
        state: domainEventProcessing.state,
        attempts: domainEventProcessing.attempts,
        lastError: domainEventProcessing.lastError,
        updatedAt: domainEventProcessing.updatedAt,
      })
      .from(domainEventProcessing)
      .innerJoin(domainEvents, eq(domainEvents.id, domainEventProcessing.eventId))
      .where(where)
      .orderBy(desc(domainEventProcessing.updatedAt), desc(domainEventProcessing.eventId))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(domainEventProcessing).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
