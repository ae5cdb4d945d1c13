import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, dropDatabase } from '../../src/db/admin-database';
import type { BenchDatabase } from './bench-server';

/**
 * A database for one backend's survey benches, dropped afterwards: a fresh PostgreSQL database on the
 * given server, or a fresh PGlite folder (on disk, as `npm start` keeps it).
 */
export async function throwawayDatabase(
  backend: 'postgres' | 'pglite',
  postgresUrl?: string,
): Promise<{ database: BenchDatabase; drop: () => Promise<void> }> {
  if (backend === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'achtplus-bench-survey-'));
    return { database: { dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `achtplus_bench_${randomBytes(5).toString('hex')}`;
  const url = await createDatabase(postgresUrl!, name);
  return { database: { url }, drop: () => dropDatabase(postgresUrl!, name) };
}
