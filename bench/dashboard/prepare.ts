/**
 * The dashboard bench's data, made in a child process of its own (`node --import tsx`), so the
 * server measured afterwards starts with none of this in its memory. BENCH_PREPARE (JSON) says
 * what to do on BENCH_DATABASE_URL or BENCH_DATA_DIR:
 * - `seed`: the demo organisation, through the demo's own seeding (logins included);
 * - `shape`: the archive to `responses` (fewer: the newest kept; more: copies further back, see
 *   archive.ts: the copies stored as the retention job leaves them), the rollups built from
 *   scratch (timed: resetRollups + rollUpBacklog), then the planner's statistics — ANALYZE on
 *   PGlite, as its nightly job does; VACUUM ANALYZE on PostgreSQL, as autovacuum would.
 * The answer goes back over IPC; progress goes to stderr.
 */

import { sql } from 'drizzle-orm';
import { closeContext, createContext } from '../../src/boot';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/client';
import { demoVolumes } from '../../src/demo/options';
import { seedDemo } from '../../src/demo/seed-demo';
import { rowsOf } from '../../src/domain/ingest/upsert-sql';
import { rollUpBacklog } from '../../src/domain/metrics/roll-up-backlog';
import { resetRollups } from '../../src/domain/metrics/roll-up-responses';
import { count, growArchive, keepNewest } from './archive';

export type PrepareStep =
  | { step: 'seed'; scale: number; responses: number }
  | { step: 'shape'; responses: number };

export interface Shaped {
  responses: number;
  answers: number;
  /** the oldest and newest submission */
  span: { from: string; to: string };
  rollupSeconds: number;
  rollupRows: number;
  /**
   * responses unlinked from their tenant: the copies. The generated years' own stay linked, as the
   * demo leaves them until the retention job's first run — not run here: on the demo it throws (a
   * commenting tenant in a hyphenated street: scrub-personal-data's escapeRegExp writes `\-`, which
   * a regular expression with the u flag refuses)
   */
  unlinked: number;
  teamLeader: { teamIds: number[]; departmentId: number | null };
}

const task = JSON.parse(process.env.BENCH_PREPARE ?? '{}') as PrepareStep;
const log = (m: string) => console.error(m);
const config = loadConfig({
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
  DATA_DIR: process.env.BENCH_DATA_DIR ?? '',
  SESSION_SECRET: process.env.BENCH_SECRET,
  PUBLIC_URL: 'http://127.0.0.1:3120',
  LOG_LEVEL: 'warn',
  SEED_DEMO: 'no',
});
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
const ctx = await createContext(config, database);

async function shape(target: number): Promise<Shaped> {
  const generated = await count(database, 'SELECT count(*) AS n FROM responses');
  const responses =
    target <= generated
      ? await keepNewest(database, target)
      : await growArchive(database, { target, years: demoVolumes().years, log });
  const started = performance.now();
  await ctx.db.transaction((tx) => resetRollups(tx));
  await rollUpBacklog(ctx.db);
  const rollupSeconds = (performance.now() - started) / 1000;
  await database.executeSql(database.kind === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');
  const [span] = await rowsOf<{ from: string; to: string }>(
    ctx.db,
    sql`SELECT min(submitted_at)::text AS "from", max(submitted_at)::text AS "to" FROM responses`,
  );
  const led = await rowsOf<{ id: number; department_id: number | null }>(
    ctx.db,
    sql`SELECT t.id, e.department_id FROM users u JOIN teams t ON t.leader_employee_id = u.employee_id
        JOIN employees e ON e.id = u.employee_id WHERE u.email = 'teamleider@demo.achtplus.nl' ORDER BY t.id`,
  );
  return {
    responses,
    answers: await count(database, 'SELECT count(*) AS n FROM response_answers'),
    span: span!,
    rollupSeconds,
    rollupRows:
      (await count(database, 'SELECT count(*) AS n FROM response_rollups')) +
      (await count(database, 'SELECT count(*) AS n FROM answer_rollups')),
    unlinked: await count(database, 'SELECT count(*) AS n FROM responses WHERE unlinked_at IS NOT NULL'),
    teamLeader: { teamIds: led.map((t) => t.id), departmentId: led[0]?.department_id ?? null },
  };
}

try {
  const result =
    task.step === 'seed'
      ? (await seedDemo({ ctx, options: { scale: task.scale, responses: task.responses }, log })).counts
      : await shape(task.responses);
  await closeContext(ctx);
  process.send!({ result }, () => process.exit(0));
} catch (err) {
  process.send!({ error: (err as Error).stack ?? String(err) }, () => process.exit(1));
}
