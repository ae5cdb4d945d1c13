import { randomBytes } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type Database, openDatabase, runMigrations } from '../db/client';
import { createDatabase, dropDatabase } from './admin-database';

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
  const url = await createDatabase(adminUrl, name, inject('postgresTemplate'));
  const database = await openDatabase({ url });
  await runMigrations(database);
  const close = database.close;
  return {
    ...database,
    url,
    async close() {
      await close();
      await dropDatabase(adminUrl, name);
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
