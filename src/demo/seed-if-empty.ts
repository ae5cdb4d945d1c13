import type { AppContext } from '../context';
import { LOCKS, withProcessLock } from '../db/client';
import { readInstallKind } from '../domain/organisation/install-kind';
import { DEMO_LOGINS, DEMO_PASSWORD } from './logins';
import type { TDemoOptions } from './options';
import { clearInterruptedDemo, demoState, describeCounts, seedDemo } from './seed-demo';

export { DEMO_LOGINS, DEMO_PASSWORD };

/**
 * Seeds the demo organisation at start-up. Mode `auto` seeds an empty embedded (PGlite) database
 * only, so a PostgreSQL server is never filled with demo data by accident; `yes` seeds an empty
 * database on either backend; `no` never seeds. An install set up for real use (`npm run cli --
 * setup`) is never seeded, whatever the mode, even while it holds nothing but its first admin.
 * A seeding that was interrupted (the process was stopped midway) is cleared and done again; data
 * the demo did not write is never touched. Returns whether the install is the demo.
 */
export async function seedDemoIfEmpty({
  ctx,
  mode,
  log,
  options,
}: {
  ctx: AppContext;
  mode: 'auto' | 'yes' | 'no';
  log: (m: string) => void;
  /** seed, scale, asOf; the defaults make the corporation of BRIEF.md */
  options?: TDemoOptions;
}) {
  // several processes may start together on one PostgreSQL: one seeds, the others then find it done
  return withProcessLock(ctx.database, LOCKS.demoSeed, () => seedUnlocked({ ctx, mode, log, options }));
}

async function seedUnlocked({
  ctx,
  mode,
  log,
  options,
}: {
  ctx: AppContext;
  mode: 'auto' | 'yes' | 'no';
  log: (m: string) => void;
  options?: TDemoOptions;
}) {
  const allowed = mode === 'yes' || (mode === 'auto' && ctx.database.kind === 'pglite');
  const kind = await readInstallKind(ctx.db);
  if (kind === 'real') {
    if (mode === 'yes') log('demo: this install was set up for real use (cli setup); never adding the demo');
    return { demo: false };
  }
  const state = await demoState(ctx);
  if (!allowed || (state !== 'empty' && state !== 'interrupted')) {
    if (allowed && state === 'data-without-organisation')
      log('demo: the database holds data but no organisation; not adding the demo organisation');
    return { demo: kind === 'demo' };
  }
  if (state === 'interrupted') {
    log('demo: an earlier seeding was interrupted; clearing it and starting again');
    await clearInterruptedDemo(ctx);
  }
  log('demo: seeding the demo organisation (about half a minute the first time) …');
  const result = await seedDemo({ ctx, options, log });
  log(`demo: ${describeCounts(result.counts)} in ${result.seconds.toFixed(1)} s`);
  return { demo: true };
}
