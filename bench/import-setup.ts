import { randomBytes } from 'node:crypto';
import { createContext } from '../src/boot';
import { loadConfig } from '../src/config';
import type { AppContext } from '../src/context';
import { type Database, openDatabase } from '../src/db/client';
import { ingestRows } from '../src/domain/ingest/ingest-rows';
import { ingestKinds } from '../src/domain/ingest/kinds';
import { systemActor } from '../src/policy/actor';
import { createDatabase, dropDatabase } from '../src/test/admin-database';

/** A throw-away database (PostgreSQL: created and dropped; PGlite: in memory) with an app context. */
export async function openBenchContext(backend: 'postgres' | 'pglite', postgresUrl?: string) {
  let database: Database;
  let drop = async () => {};
  if (backend === 'postgres') {
    const name = `achtplus_bench_${randomBytes(5).toString('hex')}`;
    database = await openDatabase({ url: await createDatabase(postgresUrl!, name) });
    drop = () => dropDatabase(postgresUrl!, name);
  } else {
    database = await openDatabase({ memory: true });
  }
  const config = loadConfig({
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://localhost:3999',
  });
  const ctx = await createContext(config, database);
  return {
    ctx,
    async close() {
      await database.close();
      await drop();
    },
  };
}

export const benchCounts = { teams: 10, technicians: 100, units: 5_000 };

/** The organisation jobs refer to: teams, technicians and units, through the same upserts. */
export async function seedReferences(ctx: AppContext) {
  const actor = systemActor('bench');
  const put = (kind: keyof typeof ingestKinds, rows: unknown[]) =>
    ingestRows({
      db: ctx.db,
      actor,
      kind: ingestKinds[kind],
      rows: rows.map((r) => ingestKinds[kind].schema.parse(r)),
    });
  await ctx.database.executeSql(
    `INSERT INTO departments (code, name, kind) VALUES ('OD', 'Onderhoudsdienst', 'repair')`,
  );
  await put(
    'teams',
    Array.from({ length: benchCounts.teams }, (_, i) => ({
      code: `T${i}`,
      name: `Regioteam ${i}`,
      departmentCode: 'OD',
    })),
  );
  await put(
    'employees',
    Array.from({ length: benchCounts.technicians }, (_, i) => ({
      externalId: `E${i}`,
      name: `Vakman ${i}`,
      role: 'technician',
      teamCode: `T${i % benchCounts.teams}`,
    })),
  );
  await put(
    'units',
    Array.from({ length: benchCounts.units }, (_, i) => ({
      externalId: `U${i}`,
      street: 'Dorpsstraat',
      houseNumber: String(i),
      postcode: '3511AB',
      city: 'Utrecht',
    })),
  );
}

export const jobColumns = [
  'external_id',
  'journey',
  'unit',
  'team',
  'technician',
  'description',
  'reported_at',
  'completed_at',
];
const csvHeader = 'werkorder,klantreis,vhe,team,vakman,omschrijving,gemeld,afgemeld';

/** Job i as the ERP would export it (CSV cells in jobColumns order). */
export function jobCells(prefix: string, i: number): string[] {
  const day = new Date(Date.UTC(2024, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
  return [
    `${prefix}${i}`,
    i % 10 === 0 ? 'planned' : 'repair',
    `U${i % benchCounts.units}`,
    `T${i % benchCounts.teams}`,
    `E${i % benchCounts.technicians}`,
    `"Lekkage keuken, kraan vervangen (melding ${i})"`,
    `${day}T08:15:00+01:00`,
    `${day}T14:30:00+01:00`,
  ];
}

export function jobsCsv(prefix: string, n: number) {
  const body: string[] = [];
  for (let i = 0; i < n; i++) body.push(jobCells(prefix, i).join(','));
  const rows = `${body.join('\n')}\n`;
  return { file: Buffer.from(`${csvHeader}\n${rows}`), rows };
}

/** The baseline: COPY of the same rows into a bare table (no keys, no indexes) on the same database. */
export async function copyRowsPerSecond(ctx: AppContext, rows: string, n: number) {
  await ctx.database.executeSql(
    `CREATE TABLE bench_copy (external_id text, journey text, unit text, team text, technician text, description text, reported_at timestamptz, completed_at timestamptz)`,
  );
  const t0 = performance.now();
  await ctx.database.copyFrom('bench_copy', jobColumns, rows);
  const seconds = (performance.now() - t0) / 1000;
  await ctx.database.executeSql('DROP TABLE bench_copy');
  return n / seconds;
}
