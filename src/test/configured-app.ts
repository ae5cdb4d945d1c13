import type { FastifyInstance } from 'fastify';
import { createContext } from '../boot';
import { loadConfig } from '../config';
import type { AppContext } from '../context';
import type { Database } from '../db/client';
import { buildApp } from '../http/app';

/**
 * An app over a test database (openTestDatabase) with the configuration the test gives — PUBLIC_URL
 * set or not, another PORT — for tests of what the configuration decides. Several may share one
 * database; closing one leaves the database to its opener.
 */
export async function appWithConfig(
  database: Database,
  env: Record<string, string | undefined>,
): Promise<{ ctx: AppContext; app: FastifyInstance; close(): Promise<void> }> {
  const config = loadConfig({
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0000',
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const ctx = await createContext(config, database);
  const app = await buildApp({ ctx });
  await app.ready();
  return { ctx, app, close: () => app.close() };
}
