import type { AppContext } from '../context';
import { IMPORT_RUN_JOB } from '../domain/imports/import-job';
import { recoverAbandonedImports } from '../domain/imports/recover-abandoned-imports';
import { DELIVER_JOB } from '../domain/messages/mailer';
import { takeOverAbandonedMessages } from '../domain/messages/sweep-outbox';
import { rollUpBacklog } from '../domain/metrics/roll-up-backlog';
import { handOutEvents, type JobInserter } from '../events/hand-out-events';
import { PROCESS_INSTANCE } from '../lib/process-instance';
import type { JobDefinition } from './definitions';
import { processorsIn } from './events.process';

interface Sweep {
  name: string;
  everyMs: number;
  /** resolves true when there is more to do at once (the next run follows shortly, not after everyMs) */
  run(): Promise<unknown>;
}

/** the pause between runs of a sweep that has more to do: other queries get the database in between */
const BUSY_PAUSE_MS = 50;
/** responses rolled up per transaction by the backlog sweep (about 0.1–0.3 s on PGlite) */
const BACKLOG_BATCH = 1000;

/**
 * Sweeps that cannot wait for pg-boss's once-a-minute cron, run by every working process (each is
 * safe to run in several at once): handing new domain events to their processors every second (an
 * alert must reach its case within seconds of a submission), and every ten seconds rolling up
 * responses no event brought and noticing an import or an outbox message whose worker died. Each runs again only after its previous run ended.
 * Returns stop().
 */
export function startFrequentSweeps(
  ctx: AppContext,
  jobs: JobInserter & NonNullable<AppContext['jobs']>,
  definitions: readonly JobDefinition[],
) {
  const sweeps: Sweep[] = [
    {
      name: 'events.hand-out',
      everyMs: 1000,
      run: () => handOutEvents({ db: ctx.db, jobs, processors: processorsIn(definitions) }),
    },
    {
      // responses no event brought (history, the demo, a rebuild); one index probe when none wait
      name: 'metrics.rollup-backlog',
      everyMs: 10_000,
      run: async () => (await rollUpBacklog(ctx.db, { batch: BACKLOG_BATCH, once: true })) === BACKLOG_BATCH,
    },
  ];
  if (definitions.some((d) => d.id === DELIVER_JOB))
    sweeps.push({
      // a message whose worker died goes to another within CLAIM_SECONDS and this interval
      name: 'messages.take-over',
      everyMs: 10_000,
      run: () => takeOverAbandonedMessages({ db: ctx.db, mailer: ctx.mailer }),
    });
  if (definitions.some((d) => d.id === IMPORT_RUN_JOB))
    sweeps.push({
      name: 'imports.recover',
      everyMs: 10_000,
      run: () => recoverAbandonedImports({ database: ctx.database, jobs, me: PROCESS_INSTANCE }),
    });

  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const failing = new Set<string>();
  const schedule = (sweep: Sweep, delay: number) => {
    const timer = setTimeout(async () => {
      timers.delete(timer);
      if (stopped) return;
      let busy = false;
      try {
        busy = (await sweep.run()) === true;
        failing.delete(sweep.name);
      } catch (err) {
        // once per outage, not every second
        if (!stopped && !failing.has(sweep.name))
          console.error(`[worker] ${sweep.name}:`, err instanceof Error ? err.message : err);
        failing.add(sweep.name);
      }
      if (!stopped) schedule(sweep, busy ? BUSY_PAUSE_MS : sweep.everyMs);
    }, delay);
    timer.unref();
    timers.add(timer);
  };
  for (const sweep of sweeps) schedule(sweep, 0);
  return () => {
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
  };
}
