import type { Database } from '../db/client';
import { csvChunks } from './csv';
import { type DemoDataset, demoTables } from './generate-demo';

/** Rows per COPY: big enough to be fast, small enough that a 10× scale never builds a huge string. */
const CHUNK_ROWS = 25_000;

/**
 * Writes the dataset with COPY (both drivers), ids included so rows can point at each other
 * without look-ups, then moves each identity sequence past the highest id so later inserts
 * (the API, imports) continue where the demo stopped.
 *
 * On embedded PGlite (the `npm start` path, which must be ready within a minute) everything runs
 * in one transaction on its single session: secondary indexes are dropped and rebuilt after the
 * load (several times faster than maintaining them row by row), and foreign-key triggers are
 * skipped for rows the generator made consistent itself (the PostgreSQL test run checks them).
 * Interrupted, the transaction leaves nothing behind — indexes included.
 */
export async function loadDemoTables({
  database,
  dataset,
  log,
}: {
  database: Database;
  dataset: DemoDataset;
  log?: (m: string) => void;
}) {
  const bulk = database.kind === 'pglite';
  const counts: Record<string, number> = {};
  if (bulk) {
    await database.executeSql('begin');
    await database.executeSql('set local session_replication_role = replica');
    await database.executeSql(`set local maintenance_work_mem = '128MB'`);
  }
  try {
    for (const t of demoTables(dataset)) {
      const started = performance.now();
      const indexes = bulk ? await secondaryIndexes(database, t.table) : [];
      for (const index of indexes) await database.executeSql(`drop index "${index.name}"`);
      let n = 0;
      for (const chunk of csvChunks(t.rows, CHUNK_ROWS)) {
        await database.copyFrom(t.table, t.columns, chunk.csv);
        n += chunk.count;
      }
      for (const index of indexes) await database.executeSql(index.definition);
      await database.executeSql(
        `select setval(pg_get_serial_sequence('${t.table}', 'id'), coalesce((select max(id) from ${t.table}), 0) + 1, false)`,
      );
      counts[t.table] = n;
      if (n > 10_000)
        log?.(
          `  ${t.table}: ${n.toLocaleString('nl-NL')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
    }
    if (bulk) await database.executeSql('commit');
  } catch (err) {
    if (bulk) await database.executeSql('rollback').catch(() => {});
    throw err;
  }
  return counts;
}

/** Indexes of a table that no constraint (primary key, unique) depends on, with their definitions. */
async function secondaryIndexes(
  database: Database,
  table: string,
): Promise<{ name: string; definition: string }[]> {
  const { rows } = await database.executeSql(
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = $1::regclass and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
    [table],
  );
  return rows;
}

/** Tables the demo fills, for clearing an interrupted seeding. */
export const demoFilledTables = [
  'jobs',
  'tenants',
  'units',
  'complexes',
  'contractor_contacts',
  'contractors',
  'team_memberships',
  'teams',
  'employees',
  'regions',
  'departments',
  'sessions',
  'accounts',
  'users',
];
