import { z } from 'zod';
import { loadUserActor } from '../auth/session-actor';
import { IMPORT_RUN_JOB } from '../domain/imports/import-job';
import { runStoredImport } from '../domain/imports/run-stored-import';
import { PROCESS_INSTANCE } from '../lib/process-instance';
import type { JobDefinition } from './definitions';

const ZImportRun = z.object({ runId: z.number().int().positive() });

/**
 * Runs one stored upload (queued by upload-import.ts) as the person who uploaded it, holding the
 * run's claim; a web-only process never takes this queue. One at a time per worker: an import holds
 * up to a few hundred MB while it runs.
 */
export const importsRun: JobDefinition<typeof ZImportRun> = {
  id: IMPORT_RUN_JOB,
  // one job per run waits beside the running one (a requeued run after its worker died)
  policy: 'stately',
  payload: ZImportRun,
  async handler(ctx, { runId }) {
    await runStoredImport({
      db: ctx.db,
      runId,
      claimedBy: PROCESS_INSTANCE,
      uploader: (userId) => loadUserActor(ctx.db, userId),
      dispatchWakeup: ctx.dispatchWakeup,
    });
  },
};
