import { randomBytes } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { copyPrefix, createDatabase, dropDatabase, withSqlSession } from '../db/admin-database';
import { type Database, openDatabase, runMigrations } from '../db/client';
import { lendPglite } from '../db/lent-pglite';
import { captureTemplateState, resetToTemplate, type TemplateState } from './template-state';

/**
 * Each test file gets a database of its own in the state the migrations leave: a PGlite, or
 * (TEST_BACKEND=postgres) a database on the server named by TEST_DATABASE_URL.
 *
 * Under vitest's global setup (src/test/global-setup.ts) a worker copies the migrated template
 * (a folder for PGlite, on tmpfs where there is room; `CREATE DATABASE … TEMPLATE` on PostgreSQL)
 * and, when a file closes it, empties it back to the template's state (src/test/template-state.ts)
 * for the worker's next file: copying and opening cost seconds per file, emptying a few tables
 * milliseconds. The next file sees the same rows, sequences and catalog a new copy would have, on
 * a connection of its own; a database whose schema a file changed is thrown away instead. Without
 * the global setup, each file creates an in-memory PGlite or an empty database and migrates it.
 */
export const testBackend = (process.env.TEST_BACKEND ?? 'pglite') as 'pglite' | 'postgres';

export async function openTestDatabase(): Promise<Database> {
  const reused = idle.pop();
  if (reused) return handOut(reused);
  if (testBackend === 'pglite') {
    const template = inject('pgliteTemplate');
    if (!template) return migrated(await openDatabase({ memory: true }));
    return handOut(await copyPgliteTemplate(template));
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_BACKEND=postgres needs TEST_DATABASE_URL');
  const template = inject('postgresTemplate');
  if (!template) return migrated(await openThrowAwayPostgres(adminUrl));
  return handOut(await copyPostgresTemplate(adminUrl, template));
}

/** A database a worker keeps between its test files. */
interface Store {
  /** a Database for one file: its own driver object (and pool) on this database */
  open(): Promise<Database>;
  /** back to the template's state; false when that failed and the store must go */
  reset(): Promise<boolean>;
  discard(): Promise<void>;
}

/** this worker's databases no file uses now, ready for the next */
const idle: Store[] = [];
/** what a fresh copy holds; read from the worker's first copy before any file used it */
let templateState: Promise<TemplateState> | undefined;

async function handOut(store: Store): Promise<Database> {
  const database = await store.open();
  let closing: Promise<void> | undefined;
  return {
    ...database,
    close: () => {
      closing ??= (async () => {
        await database.close();
        const clean = await store.reset().catch((err) => {
          warnOnce(`a test database could not be reset and is replaced by a new copy: ${err}`);
          return false;
        });
        if (clean) idle.push(store);
        else await store.discard();
      })();
      return closing;
    },
  };
}

async function copyPgliteTemplate(template: { dir: string; copiesDir: string }): Promise<Store> {
  const dataDir = join(template.copiesDir, `db-${process.pid}-${randomBytes(6).toString('hex')}`);
  cpSync(template.dir, dataDir, { recursive: true });
  const own = await openDatabase({ dataDir });
  templateState ??= captureTemplateState(own.executeSql);
  const state = await templateState;
  const lent = lendPglite(own);
  return {
    open: async () => lent.lend(),
    async reset() {
      // what the file's session kept: an open transaction, prepared statements, settings, temp tables
      if (lent.isInTransaction()) await own.executeSql('ROLLBACK');
      await own.executeSql('DISCARD ALL');
      // false when the file changed the schema: the next file gets a new copy
      return resetToTemplate(own.executeSql, state);
    },
    async discard() {
      await own.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function copyPostgresTemplate(adminUrl: string, template: string): Promise<Store> {
  // named after the template, so the global teardown finds the copies of this run
  const name = `${copyPrefix(template)}${randomBytes(5).toString('hex')}`;
  const url = await createDatabase(adminUrl, name, template);
  const session = <T>(fn: Parameters<typeof withSqlSession<T>>[1]) => withSqlSession(url, fn);
  templateState ??= session(captureTemplateState);
  const state = await templateState;
  return {
    open: () => openDatabase({ url }),
    reset: () =>
      session(async (sql) => {
        // connections the file left open (a pool nobody ended, a child process's), as DROP … FORCE did
        await sql(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        );
        return resetToTemplate(sql, state);
      }),
    discard: () => dropDatabase(adminUrl, name),
  };
}

async function openThrowAwayPostgres(adminUrl: string): Promise<Database> {
  const name = `achtplus_t_${randomBytes(6).toString('hex')}`;
  const url = await createDatabase(adminUrl, name);
  const database = await openDatabase({ url });
  return {
    ...database,
    async close() {
      await database.close();
      await dropDatabase(adminUrl, name);
    },
  };
}

async function migrated(database: Database) {
  await runMigrations(database);
  return database;
}

let warned = false;
function warnOnce(message: string) {
  if (warned) return;
  warned = true;
  process.stderr.write(`src/test/database.ts: ${message}\n`);
}
