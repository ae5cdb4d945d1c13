import { z } from 'zod';
import { type EventProcessor, processorQueue } from '../events/event-processor';
import { processEvent } from '../events/process-event';
import { eventProcessors } from '../events/processors';
import type { JobDefinition } from './definitions';

const ZProcessEvent = z.object({ eventId: z.coerce.number().int().positive() });

/** A processor's queue: one job per event handed to it (src/events/hand-out-events.ts). */
export interface ProcessorJobDefinition extends JobDefinition<typeof ZProcessEvent> {
  processor: EventProcessor;
}

/** The job definition that runs one processor; its queue is `events.<processor id>`. */
export function eventProcessorJob(processor: EventProcessor): ProcessorJobDefinition {
  return {
    id: processorQueue(processor),
    // a duplicate hand-out waits in the queue at most once beside the running one
    policy: 'stately',
    // a burst of submissions (a hundred tenants at once) should not take a poll each
    batchSize: 10,
    payload: ZProcessEvent,
    processor,
    async handler(ctx, { eventId }) {
      await processEvent({ ctx, processor, eventId });
    },
  };
}

/** The processors among job definitions: the ones events are handed to. */
export const processorsIn = (definitions: readonly JobDefinition[]) =>
  definitions.flatMap((d) => ('processor' in d ? [(d as ProcessorJobDefinition).processor] : []));

export const eventProcessorJobs = eventProcessors.map(eventProcessorJob);
