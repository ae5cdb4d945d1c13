import type { Db } from '../../db/client';
import { rollUpResponses } from './roll-up-responses';

/**
 * Rolls up every response still waiting — history the events never covered (the demo, responses
 * from before the rollups existed, a rebuild) and any a processor has not reached yet — in batches
 * of `batch`, one transaction each, until none waits (or after one batch, `once`: the worker's
 * sweep, so other queries get the database in between). Safe in several processes at once.
 * Returns how many it added.
 */
export async function rollUpBacklog(
  db: Db,
  { batch = 5000, once = false }: { batch?: number; once?: boolean } = {},
) {
  let total = 0;
  for (;;) {
    const added = await db.transaction((tx) => rollUpResponses(tx, { limit: batch }));
    total += added;
    if (once || added < batch) return total;
  }
}
