import type { BenchGroup } from '../line';
import { freshness } from '../survey/freshness';
import { surveyPage } from '../survey/page';
import { surveySubmit } from '../survey/submit';
import { throwawayDatabase } from '../survey/throwaway-database';

/**
 * The survey loop's speed (issue 3), on PostgreSQL and on PGlite, each in a throw-away database:
 * `survey-page` (pages opened per second against a bare token lookup, bytes of a first view),
 * `survey-submit` (submissions per second and p99 at 100 tenants against a bare INSERT) and
 * `freshness` (seconds from a confirmation to the response in the API). The servers run in child
 * processes (bench/survey/server.ts), so the load generator never shares their event loop.
 * `--quick` runs shorter (3 s instead of 10 s, 1,500 instead of 6,000 submissions, 5 instead of 20
 * freshness samples) with the same connections, so the ratios mean the same.
 */
const group: BenchGroup = async function* ({ quick, postgresUrl }) {
  const backends: Array<'postgres' | 'pglite'> = postgresUrl ? ['postgres', 'pglite'] : ['pglite'];
  for (const backend of backends) {
    const { database, drop } = await throwawayDatabase(backend, postgresUrl);
    try {
      yield* surveyPage(database, backend, quick);
      yield* surveySubmit(database, backend, quick);
      yield* freshness(database, backend, quick);
    } finally {
      await drop();
    }
  }
};
export default group;
