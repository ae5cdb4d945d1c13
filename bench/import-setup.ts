import { randomBytes } from 'node:crypto';
import { createContext } from '../src/boot';
import { loadConfig } from '../src/config';
import type { AppContext } from '../src/context';
import { createDatabase, dropDatabase } from '../src/db/admin-database';
import { type Database, openDatabase } from '../src/db/client';
import { ingestRows } from '../src/domain/ingest/ingest-rows';
import { ingestKinds } from '../src/domain/ingest/kinds';
import { systemActor } from '../src/policy/actor';

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

/**
 * For information: COPY of the same rows into a bare table (no keys, no indexes) on the same database.
 * No indexed table reaches it (jobs' ten indexes alone make COPY many times slower).
 */
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

/**
 * The real limit: COPY of the same jobs as the import stores them (references resolved to ids, the
 * department following the team, status completed) into the real `jobs` table with its primary key,
 * unique external id and indexes, in a fresh database of the same schema. The ids come from `source`
 * (where seedReferences ran); `jobs` carries no foreign keys, so the fresh database needs no references.
 * `rowsPerSecond()` may be called again: each time the table is emptied first (TRUNCATE), as fresh.
 */
export async function jobsTableCopy(
  source: AppContext,
  backend: 'postgres' | 'pglite',
  postgresUrl: string | undefined,
  prefix: string,
  n: number,
) {
  const ids = async (query: string) =>
    new Map(
      (await source.database.executeSql(query)).rows.map((r: { key: string; id: number; dep?: number }) => [
        r.key,
        r,
      ]),
    );
  const units = await ids('SELECT external_id AS key, id FROM units');
  const teams = await ids('SELECT code AS key, id, department_id AS dep FROM teams');
  const technicians = await ids('SELECT external_id AS key, id FROM employees');
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const [externalId, journey, unit, team, technician, description, reportedAt, completedAt] = jobCells(
      prefix,
      i,
    );
    const t = teams.get(team!)!;
    lines.push(
      [
        externalId,
        journey,
        description,
        units.get(unit!)!.id,
        t.dep,
        t.id,
        technicians.get(technician!)!.id,
        'completed',
        reportedAt,
        completedAt,
      ].join(','),
    );
  }
  const csv = `${lines.join('\n')}\n`;
  const columns = [
    'external_id',
    'journey',
    'description',
    'unit_id',
    'department_id',
    'team_id',
    'technician_id',
    'status',
    'reported_at',
    'completed_at',
  ];
  const fresh = await openBenchContext(backend, postgresUrl);
  const database = fresh.ctx.database;
  return {
    async rowsPerSecond() {
      await database.executeSql('TRUNCATE jobs');
      const t0 = performance.now();
      await database.copyFrom('jobs', columns, csv);
      const seconds = (performance.now() - t0) / 1000;
      const [stored] = (await database.executeSql('SELECT count(*)::int AS n FROM jobs')).rows;
      if (stored.n !== n) throw new Error(`baseline COPY stored ${stored.n} of ${n} jobs`);
      return n / seconds;
    },
    close: fresh.close,
  };
}

/** The middle one of a few measures taken in turns (the machine is shared: one slow moment is not the code). */
export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
