import { z } from 'zod';
import type { JobDefinition } from './definitions';

const ZNoPayload = z.object({});

/**
 * Nightly on the embedded database: ANALYZE, so the planner knows how large the tables have grown.
 * PGlite runs no autovacuum; without statistics a dashboard's query over a year of answers took
 * 31 s instead of 0.1 s on the demo. PostgreSQL's autovacuum does this by itself.
 */
export const databaseAnalyze: JobDefinition<typeof ZNoPayload> = {
  id: 'database.analyze',
  payload: ZNoPayload,
  cron: '45 2 * * *',
  async handler(ctx) {
    if (ctx.database.kind === 'pglite') await ctx.database.executeSql('ANALYZE');
  },
};
