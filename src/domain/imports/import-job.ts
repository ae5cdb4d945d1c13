import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { importRuns } from '../../db/schema';

/** The pg-boss queue that runs stored uploads (src/jobs/imports.run.ts). */
export const IMPORT_RUN_JOB = 'imports.run';

/**
 * One job per run (singleton key), never retried by pg-boss: a run whose worker died is noticed by
 * its lapsed claim (recover-abandoned-imports.ts), which queues it once more or fails it.
 */
export const importRunJob = (runId: number) => ({
  data: { runId },
  options: { singletonKey: `import-${runId}`, retryLimit: 0, expireInSeconds: 6 * 60 * 60 },
});

/** A worker renews its claim this often while it runs an import... */
export const HEARTBEAT_MS = 5_000;
/** ...and a claim not renewed for this long belongs to a process that died (PostgreSQL; see recover). */
export const CLAIM_LAPSES_AFTER_SECONDS = 30;
/** workers that may take up one run: once more after a dead worker, then it fails */
export const MAX_IMPORT_ATTEMPTS = 2;

/** Renews the run's claim until stopped (a run taken over by another process is left alone). */
export function keepClaim(db: Db, runId: number, claimedBy: string) {
  const timer = setInterval(() => {
    db.update(importRuns)
      .set({ heartbeatAt: sql`now()` })
      .where(and(eq(importRuns.id, runId), eq(importRuns.claimedBy, claimedBy)))
      .catch(() => {}); // a missed beat is only late; the next one follows
  }, HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}
