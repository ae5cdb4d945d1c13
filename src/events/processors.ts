import { rollupsProcessor } from '../domain/metrics/rollups.processor';
import type { EventProcessor } from './event-processor';

/**
 * The registry: every processor the workers run. A processor is a file beside its capability
 * (`src/domain/<capability>/<concern>.processor.ts`) exporting an EventProcessor; add it here and it
 * becomes a pg-boss job definition (src/jobs/events.process.ts) and receives every event of its types
 * written from then on (events handed out before it existed are not replayed: a processor that needs
 * history, such as a rollup, builds it from the tables in its own migration or command).
 *
 * The dashboards' rollups are the first (their history is rolled up by the backlog sweep,
 * src/domain/metrics/roll-up-backlog.ts); alert rules → cases and weekly overviews come next.
 */
export const eventProcessors: EventProcessor[] = [rollupsProcessor];
