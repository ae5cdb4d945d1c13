import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { fromProjectRoot } from '../lib/project-root';
import * as schema from './schema';

/** The one place that knows which driver runs. Everything else sees `Db`. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** the server's URL (PostgreSQL only) */
  url?: string;
  /** Raw SQL for pg-boss and bulk loading; returns rows only (drivers differ in the rest). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
  /** Bulk load CSV text into a table with COPY, on both drivers. */
  copyFrom(table: string, columns: string[], csv: string): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fromProjectRoot('drizzle');

export async function openDatabase(opts: {
  url?: string;
  dataDir?: string;
  memory?: boolean;
}): Promise<Database> {
  if (opts.url) return openPostgres(opts.url);
  return openPglite(opts.memory ? undefined : opts.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {}); // idle-client errors surface on the next query instead
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    url,
    async executeSql(text, values) {
      const r = await pool.query(text, values as any[]);
      return { rows: r.rows };
    },
    async copyFrom(table, columns, csv) {
      const { from } = await import('pg-copy-streams');
      const client = await pool.connect();
      try {
        const stream = client.query(
          from(`COPY ${table} (${columns.join(',')}) FROM STDIN WITH (FORMAT csv)`),
        );
        await new Promise<void>((resolve, reject) => {
          stream.on('finish', resolve);
          stream.on('error', reject);
          stream.end(csv);
        });
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir?: string): Promise<Database> {
  const client = new PGlite(dataDir);
  await client.waitReady;
  return pgliteDatabase(client);
}

/** A Database over a PGlite that is already open (the tests reuse one across test files). */
export function pgliteDatabase(client: PGlite): Database {
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async executeSql(text, values) {
      if (!values?.length && hasSeveralStatements(text)) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const r = await client.query(text, values as any[]);
      return { rows: r.rows as any[] };
    },
    async copyFrom(table, columns, csv) {
      await client.query(`COPY ${table} (${columns.join(',')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    close: () => client.close(),
  };
}

function hasSeveralStatements(text: string) {
  return text.trim().replace(/;\s*$/, '').includes(';');
}

/** Advisory-lock keys: one process at a time does these, the others wait and then find them done. */
export const LOCKS = { migrations: 8_808_808, demoSeed: 8_808_809 } as const;

/**
 * Runs fn while holding a PostgreSQL advisory lock (on a connection of its own), so several app
 * processes starting together take turns. PGlite is one process by construction (the folder lock).
 */
export async function withProcessLock<T>(
  database: Database,
  key: number,
  fn: (client?: pg.Client) => Promise<T>,
) {
  if (database.kind === 'pglite') return fn();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [key]);
    return await fn(client);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => {});
    await client.end();
  }
}

export async function runMigrations(database: Database) {
  if (database.kind === 'pglite') return migratePglite(database.db as any, { migrationsFolder });
  await withProcessLock(database, LOCKS.migrations, (client) =>
    migratePg(drizzlePg(client!, { schema, casing: 'snake_case' }) as any, { migrationsFolder }),
  );
}

/**
 * COPY CSV text into a table on the connection of the transaction `tx` (a drizzle transaction on
 * either driver), so a staging table and the rows loaded into it stay inside that transaction.
 */
export async function copyInTransaction(tx: unknown, table: string, columns: string[], csv: string) {
  const client = (tx as { session?: { client?: unknown } }).session?.client as any;
  const statement = `COPY ${table} (${columns.join(',')}) FROM STDIN WITH (FORMAT csv)`;
  if (!client || client instanceof pg.Pool) throw new Error('copyInTransaction needs a transaction');
  if (client instanceof pg.Client) {
    const { from } = await import('pg-copy-streams');
    const stream = client.query(from(statement));
    await new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
      stream.end(csv);
    });
    return;
  }
  // PGlite reads COPY input from a blob it exposes as /dev/blob
  await client.query(statement.replace('STDIN', `'/dev/blob'`), [], { blob: new Blob([csv]) });
}
