import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { createDatabase, dropDatabase } from '../../src/db/admin-database';
import { businessDate } from '../../src/domain/business-time/business-time';
import { comparedPeriods } from '../../src/domain/metrics/overview';
import { periodContaining } from '../../src/domain/metrics/periods';
import { type DashboardServer, prepare, startServer } from '../dashboard/children';
import { dashboardLines, printPercentiles } from '../dashboard/lines';
import { measureAgainstNode, measureAgainstSql, type Size, type SizedServer } from '../dashboard/measure';
import { plans, ports, type RoleName, type ScreenSpec } from '../dashboard/plan';
import type { Shaped } from '../dashboard/prepare';
import { sessions } from '../dashboard/requests';
import type { BenchGroup } from '../line';
import type { BenchDatabase } from '../survey/bench-server';

/**
 * `dashboard` (issue 9's speed): the metric endpoints as a team leader and a director open them
 * (period this year, the repair journey) at two sizes of archive, on PostgreSQL and PGlite, against
 * hand-written SQL over the raw tables and against summarising in Node; see bench/dashboard/plan.ts
 * for the volumes and README's bench section for the lines. Each backend: the demo seeded once
 * (child process), copied into a small and a large database, each shaped (archive.ts, retention,
 * rollups from scratch, statistics); both served at once by achtplus as `npm start` runs it, the
 * hand-written SQL beside it; then the Node reference on the large one. All dropped afterwards.
 */
const group: BenchGroup = async function* ({ quick, postgresUrl }) {
  const plan = plans[quick ? 'quick' : 'full'];
  const today = businessDate();
  const periods = comparedPeriods(periodContaining('year', today));
  const minimumN = loadConfig({}).METRICS_MINIMUM_N;
  const backends: Array<'postgres' | 'pglite'> = postgresUrl ? ['postgres', 'pglite'] : ['pglite'];
  for (const backend of backends) {
    const started = performance.now();
    const say = (m: string) =>
      console.error(`dashboard (${backend}, ${((performance.now() - started) / 1000).toFixed(0)} s): ${m}`);
    const made = await databases(backend, postgresUrl);
    const open: DashboardServer[] = [];
    try {
      say(`seeding the demo (scale ${plan.scale}, ${plan.generated} responses)`);
      await prepare(made.large, { step: 'seed', scale: plan.scale, responses: plan.generated });
      await made.copyLargeToSmall();
      const shaped = {} as Record<Size, Shaped>;
      for (const size of ['small', 'large'] as const) {
        say(`shaping the ${size} archive (${plan[size]} responses)`);
        shaped[size] = await prepare<Shaped>(made[size], { step: 'shape', responses: plan[size] });
        say(`  ${JSON.stringify(shaped[size])}`);
      }
      const servers: SizedServer[] = [];
      for (const size of ['small', 'large'] as const) {
        const server = await startServer('app', made[size], ports[size].app, ports[size].reference);
        open.push(server);
        const { teamIds, departmentId } = shaped[size].teamLeader;
        const spec = { periods, journey: 'repair', minimumN } as const;
        const specs: Record<RoleName, ScreenSpec> = {
          'team leader': { ...spec, teamIds, departmentId },
          director: { ...spec, teamIds: null, departmentId: null },
        };
        servers.push({ size, server, cookies: await sessions(server.url), specs });
      }
      say('measuring the app against the hand-written SQL');
      const measured = await measureAgainstSql(servers, plan, today);
      const peakRssMb = await servers[1]!.server.peakRssMb();
      say(
        `peak RSS of the app servers: small ${(await servers[0]!.server.peakRssMb()).toFixed(0)} MB, large ${peakRssMb.toFixed(0)} MB`,
      );
      for (const s of open.splice(0)) await s.close();
      say('measuring summarising in Node (large archive)');
      const node = await startServer('node', made.large, ports.node);
      open.push(node);
      await measureAgainstNode(node, servers[1]!.specs, plan, measured);
      const nodePeakRssMb = await node.peakRssMb();
      for (const s of open.splice(0)) await s.close();
      for (const d of measured.differences) console.error(`  dashboard (${backend}) figures differ: ${d}`);
      printPercentiles(backend, measured);
      yield* dashboardLines(backend, plan, measured, {
        peakRssMb,
        nodePeakRssMb,
        rollupSeconds: shaped.large.rollupSeconds,
      });
      say('done');
    } finally {
      for (const s of open) await s.close();
      await made.drop();
    }
  }
};
export default group;

/** A large and a small throw-away database (PostgreSQL databases, or PGlite folders on disk). */
async function databases(backend: 'postgres' | 'pglite', postgresUrl?: string) {
  if (backend === 'pglite') {
    const large = mkdtempSync(join(tmpdir(), 'achtplus-bench-dashboard-large-'));
    const small = mkdtempSync(join(tmpdir(), 'achtplus-bench-dashboard-small-'));
    return {
      large: { dataDir: large } as BenchDatabase,
      small: { dataDir: small } as BenchDatabase,
      copyLargeToSmall: async () => cpSync(large, small, { recursive: true }),
      drop: async () => {
        for (const dir of [large, small]) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `achtplus_bench_${randomBytes(5).toString('hex')}`;
  const large = { url: await createDatabase(postgresUrl!, `${name}_large`) };
  const small = { url: '' };
  return {
    large: large as BenchDatabase,
    small: small as BenchDatabase,
    // the seeded database as a template: the seeding child has closed its connections
    copyLargeToSmall: async () => {
      small.url = await createDatabase(postgresUrl!, `${name}_small`, `${name}_large`);
    },
    drop: async () => {
      await dropDatabase(postgresUrl!, `${name}_large`);
      await dropDatabase(postgresUrl!, `${name}_small`);
    },
  };
}
