import type { AppContext } from '../context';
import type { domainEvents } from '../db/schema';
import type { Tx } from '../domain/ingest/upsert-sql';

/** The events use cases write (in the transaction of their change). */
export const domainEventTypes = ['response.submitted'] as const;
export type DomainEventType = (typeof domainEventTypes)[number];

export type DomainEvent = typeof domainEvents.$inferSelect;

/**
 * One concern that turns events into work (a dashboard rollup, an alert rule, a weekly overview's
 * tally). Each processor is its own pg-boss queue (`events.<id>`), so one that fails or lags holds
 * up no other. `handle` runs inside a transaction that also marks the event done for this
 * processor: write everything through `tx` and the work happens exactly once, whatever the queue
 * repeats. Throwing rolls it back and the job is retried with backoff; after the last try the
 * processing is `failed`, with its error, where admins see it.
 */
export interface EventProcessor {
  /** stable and unique (it keys the processing rows): `<capability>.<concern>`, e.g. `alerts.open-cases` */
  id: string;
  events: readonly DomainEventType[];
  /** tries in all and the first delay (doubling with jitter); default 6 tries from 5 s (about 2–5 minutes) */
  retry?: { attempts: number; delaySeconds: number };
  handle(ctx: AppContext, event: DomainEvent, tx: Tx): Promise<void>;
}

export const DEFAULT_PROCESSOR_RETRY = { attempts: 6, delaySeconds: 5 };

export const processorQueue = (processor: Pick<EventProcessor, 'id'>) => `events.${processor.id}`;
