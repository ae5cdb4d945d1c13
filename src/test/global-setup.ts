import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { copyPrefix, createDatabase, dropDatabase, dropDatabasesNamed } from '../db/admin-database';
import { openDatabase, runMigrations } from '../db/client';
import { fromProjectRoot } from '../lib/project-root';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * PGlite: a migrated data folder that openTestDatabase copies for each worker (never opened
     * itself), and the folder the copies go in.
     */
    pgliteTemplate?: { dir: string; copiesDir: string };
    /** PostgreSQL: a migrated database each worker's databases are created from (`TEMPLATE`). */
    postgresTemplate?: string;
  }
}

/**
 * Migrates one database before any test file runs, so the workers copy it instead of creating and
 * migrating their own: PGlite's initdb and the migrations cost seconds, a copy a fraction.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_BACKEND === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_BACKEND=postgres needs TEST_DATABASE_URL');
    const name = await createPostgresTemplate(adminUrl);
    project.provide('postgresTemplate', name);
    return async () => {
      // the copies the workers kept for their files (src/test/database.ts), then the template
      await dropDatabasesNamed(adminUrl, copyPrefix(name));
      await dropDatabase(adminUrl, name);
    };
  }
  const dir = await pgliteTemplate();
  // copies live in memory where there is room (tmpfs), else in the temp folder
  const root = roomyShm() ?? tmpdir();
  removeLeftCopies(root);
  const copiesDir = mkdtempSync(join(root, 'achtplus-test-'));
  project.provide('pgliteTemplate', { dir, copiesDir });
  return () => rmSync(copiesDir, { recursive: true, force: true });
}

async function createPostgresTemplate(adminUrl: string) {
  const name = `achtplus_tpl_${randomBytes(6).toString('hex')}`;
  const url = await createDatabase(adminUrl, name);
  try {
    const database = await openDatabase({ url });
    try {
      await runMigrations(database);
    } finally {
      await database.close(); // CREATE DATABASE … TEMPLATE needs it without connections
    }
  } catch (e) {
    await dropDatabase(adminUrl, name);
    throw e;
  }
  return name;
}

/**
 * The migrated PGlite folder, kept in .tmp/ between runs under a name that changes with the
 * migrations and the PGlite version, so a run after any change to either builds a new one.
 */
async function pgliteTemplate() {
  const cache = fromProjectRoot('.tmp');
  const key = pgliteTemplateKey();
  const dir = join(cache, `pglite-template-${key}`);
  if (existsSync(join(dir, 'PG_VERSION'))) {
    const now = new Date();
    utimesSync(dir, now, now); // in use: see below
    return dir;
  }
  mkdirSync(cache, { recursive: true });
  const building = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    const database = await openDatabase({ dataDir: building });
    try {
      await runMigrations(database);
      await database.executeSql('CHECKPOINT');
    } finally {
      await database.close();
    }
    // templates of other migrations go once unused for a day (a run started before a change may still copy one)
    for (const name of readdirSync(cache)) {
      const path = join(cache, name);
      if (name.startsWith('pglite-template-') && !name.startsWith(`pglite-template-${key}`)) {
        if (Date.now() - statSync(path).mtimeMs > 24 * 3600_000)
          rmSync(path, { recursive: true, force: true });
      }
    }
    // another run may have finished the same template meanwhile: either one will do
    try {
      renameSync(building, dir);
    } catch (e) {
      if (!existsSync(join(dir, 'PG_VERSION'))) throw e;
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}

function pgliteTemplateKey() {
  const hash = createHash('sha256');
  const pglite = JSON.parse(
    readFileSync(fromProjectRoot('node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  );
  hash.update(`pglite ${pglite.version}\n`);
  const walk = (folder: string) => {
    for (const name of readdirSync(fromProjectRoot(folder)).sort()) {
      const path = join(folder, name);
      if (statSync(fromProjectRoot(path)).isDirectory()) walk(path);
      else hash.update(`${path}\n`).update(readFileSync(fromProjectRoot(path)));
    }
  };
  walk('drizzle');
  return hash.digest('hex').slice(0, 16);
}

/** Copies of runs that ended without their teardown (killed): untouched for six hours, so no run's. */
function removeLeftCopies(root: string) {
  for (const name of readdirSync(root)) {
    if (!name.startsWith('achtplus-test-')) continue;
    const path = join(root, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > 6 * 3600_000) rmSync(path, { recursive: true, force: true });
    } catch {
      // another run removed it meanwhile
    }
  }
}

/** /dev/shm when it is there and has room for a few copies (Docker's default 64 MB has not). */
function roomyShm() {
  try {
    const s = statfsSync('/dev/shm');
    return s.bavail * s.bsize > 1024 ** 3 ? '/dev/shm' : undefined;
  } catch {
    return undefined;
  }
}
