import type { EventProcessor } from './event-processor';

/**
 * The registry: every processor the workers run. A processor is a file beside its capability
 * (`src/domain/<capability>/<concern>.processor.ts`) exporting an EventProcessor; add it here and it
 * becomes a pg-boss job definition (src/jobs/events.process.ts) and receives every event of its types
 * written from then on (events handed out before it existed are not replayed: a processor that needs
 * history, such as a rollup, builds it from the tables in its own migration or command).
 *
 * None yet: the dashboards' rollups, alert rules → cases and weekly overviews of the next issues are
 * the first. Until then `response.submitted` events are handed out to nobody and marked so.
 */
export const eventProcessors: EventProcessor[] = [];
