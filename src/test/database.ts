import { randomBytes } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase, runMigrations } from '../db/client';

/**
 * Each test file gets a database of its own: a PGlite, or (TEST_BACKEND=postgres) a throw-away
 * database on the server named by TEST_DATABASE_URL, dropped afterwards.
 *
 * Under vitest's global setup (src/test/global-setup.ts) the database is a copy of one migrated
 * before the run: a copy of the template folder for PGlite (in memory on tmpfs where there is
 * room), `CREATE DATABASE … TEMPLATE` on PostgreSQL. Without it, each file creates an in-memory
 * PGlite or an empty database and migrates it. Migrations run in both cases (on a copy they find
 * nothing left to do), so a file always sees the schema the migrations make.
 */
export const testBackend = (process.env.TEST_BACKEND ?? 'pglite') as 'pglite' | 'postgres';

export async function openTestDatabase(): Promise<Database> {
  if (testBackend === 'pglite') return openPgliteTestDatabase();
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_BACKEND=postgres needs TEST_DATABASE_URL');
  const name = `achtplus_t_${randomBytes(6).toString('hex')}`;
  const template = inject('postgresTemplate');
  await adminQuery(
    adminUrl,
    template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`,
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await runMigrations(database);
  const close = database.close;
  return {
    ...database,
    url: url.toString(),
    async close() {
      await close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function openPgliteTestDatabase(): Promise<Database> {
  const template = inject('pgliteTemplate');
  if (!template) {
    const database = await openDatabase({ memory: true });
    await runMigrations(database);
    return database;
  }
  const dataDir = join(template.copiesDir, `db-${process.pid}-${randomBytes(6).toString('hex')}`);
  cpSync(template.dir, dataDir, { recursive: true });
  const database = await openDatabase({ dataDir });
  await runMigrations(database);
  const close = database.close;
  return {
    ...database,
    async close() {
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(adminUrl: string, sql: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
