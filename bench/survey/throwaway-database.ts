import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
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
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  return {
    database: { url: url.toString() },
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
