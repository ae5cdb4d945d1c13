import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

/** A transaction or the database itself: upserts run inside the caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Rows travel to PostgreSQL as one JSON parameter and are unpacked with json_to_recordset: set-based, one round trip. */
export const asJson = (rows: unknown[]) => JSON.stringify(rows);

export async function rowsOf<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * INSERT … SELECT … ON CONFLICT DO UPDATE, touching only rows whose values differ.
 * `resolved` is a SELECT producing exactly `columns` (final values: keep-what-exists already applied).
 * `updateAs` gives a column's value for an existing row as an SQL expression over `excluded` and the
 * table's own row (default `excluded.<column>`); PostgreSQL evaluates it against the row's latest
 * committed version, after waiting for a transaction that holds the row.
 * Returns the keys written with whether they were new, or just counts when `returnKeys` is false.
 */
export async function upsertResolved(
  tx: Tx,
  opts: {
    table: string;
    key: string;
    columns: string[];
    resolved: SQL;
    touch?: string;
    returnKeys?: boolean;
    updateAs?: Record<string, string>;
  },
): Promise<{ inserted: number; updated: number; keys: Array<{ key: string; inserted: boolean }> }> {
  const { table, key, columns } = opts;
  const cols = columns.join(', ');
  const becomes = (c: string) => opts.updateAs?.[c] ?? `excluded.${c}`;
  const set = [
    ...columns.filter((c) => c !== key).map((c) => `${c} = ${becomes(c)}`),
    ...(opts.touch ? [opts.touch] : []),
  ];
  const differs = `(${columns.map((c) => `${table}.${c}`).join(', ')}) IS DISTINCT FROM (${columns.map(becomes).join(', ')})`;
  const returning = opts.returnKeys ? `${key} AS key, (xmax = 0) AS inserted` : '(xmax = 0) AS inserted';
  const statement = sql`WITH resolved AS (${opts.resolved}),
    up AS (
      INSERT INTO ${sql.raw(table)} (${sql.raw(cols)}) SELECT ${sql.raw(cols)} FROM resolved
      ON CONFLICT (${sql.raw(key)}) DO UPDATE SET ${sql.raw(set.join(', '))} WHERE ${sql.raw(differs)}
      RETURNING ${sql.raw(returning)}
    )`;
  if (opts.returnKeys) {
    const keys = await rowsOf<{ key: string; inserted: boolean }>(
      tx,
      sql`${statement} SELECT key, inserted FROM up`,
    );
    const inserted = keys.filter((k) => k.inserted).length;
    return { inserted, updated: keys.length - inserted, keys };
  }
  const [counts] = await rowsOf<{ inserted: number; updated: number }>(
    tx,
    sql`${statement} SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`,
  );
  return { inserted: counts!.inserted, updated: counts!.updated, keys: [] };
}

/** External ids / codes among `keys` that do not exist in `table.column` (distinct values, one query). */
export async function missingKeys(
  tx: Tx,
  table: string,
  column: string,
  keys: string[],
): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await rowsOf<{ k: string }>(
    tx,
    sql`SELECT k FROM json_array_elements_text(${asJson([...new Set(keys)])}::json) AS k
        WHERE NOT EXISTS (SELECT 1 FROM ${sql.raw(table)} t WHERE t.${sql.raw(column)} = k)`,
  );
  return new Set(rows.map((r) => r.k));
}

/**
 * Writes rows chunk by chunk (tens of thousands of homes or tenants do not fit one statement's JSON
 * comfortably), adding up the counts and reporting progress after each chunk.
 */
export async function writeInChunks<Row>(
  rows: Row[],
  onProgress: ((done: number) => void) | undefined,
  writeChunk: (chunk: Row[]) => Promise<{ inserted: number; updated: number }>,
  chunkSize = 10_000,
) {
  let inserted = 0;
  let updated = 0;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const counts = await writeChunk(chunk);
    inserted += counts.inserted;
    updated += counts.updated;
    onProgress?.(start + chunk.length);
  }
  return { inserted, updated };
}
