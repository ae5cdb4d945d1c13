import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { domainEvents } from './invitations';

/** queued (handed out) → retrying (a try threw) → done | failed (out of tries) */
export const eventProcessingStates = ['queued', 'retrying', 'done', 'failed'] as const;
export type EventProcessingState = (typeof eventProcessingStates)[number];

/**
 * What each processor did with each domain event: one row per (processor, event), written when the
 * event is handed to the processor's job and marked done in the same transaction as the processor's
 * own writes, so a retried or duplicated job never does the work twice.
 */
export const domainEventProcessing = pgTable(
  'domain_event_processing',
  {
    processor: text().notNull(),
    eventId: bigint({ mode: 'number' })
      .notNull()
      .references(() => domainEvents.id, { onDelete: 'cascade' }),
    state: text({ enum: eventProcessingStates }).notNull(),
    /** tries that ended (done or threw); a try cut short by a dying process is not counted */
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.processor, t.eventId] }),
    // admins list what is not done (failed, or still waiting); done rows are the vast majority
    index('domain_event_processing_open_index').on(t.state, t.updatedAt).where(sql`state <> 'done'`),
  ],
);
