import type { EventProcessor } from '../../events/event-processor';
import { rollUpResponses } from './roll-up-responses';

/**
 * Adds a submitted response to the dashboards' week and month rollups. Idempotent by construction:
 * a response already rolled up (by an earlier try, or by the backlog sweep) is not added again.
 * Until it runs, the figures read the response from the table itself, so a dashboard shows it at
 * once either way (src/domain/metrics/response-sums.ts).
 */
export const rollupsProcessor: EventProcessor = {
  id: 'metrics.rollups',
  events: ['response.submitted'],
  async handle(_ctx, event, tx) {
    await rollUpResponses(tx, { ids: [Number(event.subjectId)] });
  },
};
