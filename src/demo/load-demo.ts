import type { Database } from '../db/client';
import { type Journey, journeys } from '../db/schema';
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
 * in one transaction on its single session: secondary indexes (unique ones too) are dropped and rebuilt after the
 * load (several times faster than maintaining them row by row), and foreign-key triggers are
 * skipped for rows the generator made consistent itself (the PostgreSQL test run checks them).
 * Interrupted, the transaction leaves nothing behind — indexes included.
 */
export async function loadDemoTables({
  database,
  dataset,
  secret,
  log,
}: {
  database: Database;
  dataset: DemoDataset;
  /** the install's secret: open demo invitations then get links that work */
  secret?: string;
  log?: (m: string) => void;
}) {
  const bulk = database.kind === 'pglite';
  const questionnaireVersionIds = await publishedVersionIds(database);
  const counts: Record<string, number> = {};
  if (bulk) {
    await database.executeSql('begin');
    await database.executeSql('set local session_replication_role = replica');
    await database.executeSql(`set local maintenance_work_mem = '128MB'`);
  }
  try {
    for (const t of demoTables(dataset, { questionnaireVersionIds, secret })) {
      const started = performance.now();
      const indexes = bulk ? await secondaryIndexes(database, t.table) : [];
      for (const index of indexes) await database.executeSql(index.drop);
      let n = 0;
      for (const chunk of csvChunks(t.rows, CHUNK_ROWS)) {
        await database.copyFrom(t.table, t.columns, chunk.csv);
        n += chunk.count;
      }
      for (const index of indexes) await database.executeSql(index.create);
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

/** The published questionnaire version per journey (start-up creates them before the demo). */
async function publishedVersionIds(database: Database): Promise<Record<Journey, number>> {
  const { rows } = await database.executeSql(
    `select q.journey, v.id from questionnaire_versions v join questionnaires q on q.id = v.questionnaire_id
      where v.status = 'published'`,
  );
  const ids = Object.fromEntries(rows.map((r: { journey: string; id: number }) => [r.journey, r.id]));
  const missing = journeys.filter((j) => !ids[j]);
  if (missing.length) throw new Error(`demo: no published questionnaire for ${missing.join(', ')}`);
  return ids as Record<Journey, number>;
}

/**
 * Indexes of a table other than its primary key, as statements that drop and recreate them: plain
 * indexes, and unique constraints (an invitation's token hash: random keys inserted one by one
 * into a B-tree cost as much as the rows themselves; built once after the load they are cheap).
 */
async function secondaryIndexes(
  database: Database,
  table: string,
): Promise<{ drop: string; create: string }[]> {
  const { rows } = await database.executeSql(
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as definition, k.conname, pg_get_constraintdef(k.oid) as constraint
       from pg_index i join pg_class c on c.oid = i.indexrelid
       left join pg_constraint k on k.conindid = i.indexrelid and k.conrelid = i.indrelid
      where i.indrelid = $1::regclass and not i.indisprimary and (k.oid is null or k.contype = 'u')`,
    [table],
  );
  return rows.map(
    (r: { name: string; definition: string; conname: string | null; constraint: string | null }) =>
      r.conname
        ? {
            drop: `alter table ${table} drop constraint "${r.conname}"`,
            create: `alter table ${table} add constraint "${r.conname}" ${r.constraint}`,
          }
        : { drop: `drop index "${r.name}"`, create: r.definition },
  );
}

/** Tables the demo fills, for clearing an interrupted seeding. */
export const demoFilledTables = [
  // the backlog sweep may have rolled up some of an interrupted seeding's responses
  'response_rollups',
  'answer_rollups',
  'targets',
  'response_answers',
  'responses',
  'invitations',
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
