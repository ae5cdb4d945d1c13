/**
 * The server side of the dashboard bench, a child process (`node --import tsx`) so the load
 * generator never shares its event loop. BENCH_MODE=app runs achtplus as `npm start` does (context,
 * worker, app, and its logger as main.ts configures it: a JSON line per request, to this process's
 * stdout, which the parent points at a file) on PORT, and beside it, on REFERENCE_PORT and the
 * same database connection, a bare Fastify answering the same figures with hand-written SQL over
 * the raw tables (raw-sql.ts) — one process, because a PGlite folder opens in one process only,
 * and so the two can be asked in turns. BENCH_MODE=node runs only a bare Fastify that summarises
 * in Node from loaded rows (node-summaries.ts). Over IPC: `memory` (peak RSS), `close`.
 *
 * One setting differs from a default install: USER_REQUESTS_PER_MINUTE=0. The bench is one user
 * asking back to back, many times a person would; the limit is a Map lookup either way.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { closeContext, createContext } from '../../src/boot';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/client';
import { buildApp } from '../../src/http/app';
import { startWorker } from '../../src/jobs/worker';
import { loggerOptions } from '../../src/lib/logger-options';
import { nodeSummaries } from './node-summaries';
import type { ScreenSpec } from './plan';
import { rawSqlScreens } from './raw-sql';

const mode = process.env.BENCH_MODE as 'app' | 'node';
const port = Number(process.env.PORT);
const config = loadConfig({
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
  DATA_DIR: process.env.BENCH_DATA_DIR ?? '',
  SESSION_SECRET: process.env.BENCH_SECRET,
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  SEED_DEMO: 'no',
  PORT: String(port),
  USER_REQUESTS_PER_MINUTE: '0',
});

const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
const ctx = await createContext(config, database);
const servers: FastifyInstance[] = [];
let stopWorker = async () => {};

type Screens = Record<string, (spec: ScreenSpec) => Promise<unknown>>;

/** GET /ref/<screen>?spec=<JSON ScreenSpec>: the figures as the reference computes them. */
function referenceServer(screens: Screens) {
  const bare = Fastify({ logger: false });
  bare.get<{ Params: { screen: string }; Querystring: { spec: string } }>('/ref/:screen', async (request) => {
    const screen = screens[request.params.screen];
    if (!screen) throw new Error(`no reference for ${request.params.screen}`);
    return screen(JSON.parse(request.query.spec) as ScreenSpec);
  });
  return bare;
}

if (mode === 'app') {
  const boss = await startWorker(ctx, { work: true });
  stopWorker = () => boss.stop({ graceful: false, timeout: 2_000 }).catch(() => {});
  // the same options as src/main.ts: stdout is a file here, so JSON lines, as on a server
  const app = await buildApp({ ctx, logger: loggerOptions(config).options });
  await app.listen({ port, host: '127.0.0.1' });
  const reference = referenceServer(rawSqlScreens(database));
  await reference.listen({ port: Number(process.env.REFERENCE_PORT), host: '127.0.0.1' });
  servers.push(app, reference);
} else {
  const node = referenceServer(nodeSummaries(database));
  await node.listen({ port, host: '127.0.0.1' });
  servers.push(node);
}

process.on('message', async (message: { id: number; cmd: 'memory' | 'close' }) => {
  if (message.cmd === 'memory') {
    // maxRSS is in kilobytes: the most this process ever held, start-up included
    process.send!({ id: message.id, result: { peakRssMb: process.resourceUsage().maxRSS / 1024 } });
    return;
  }
  for (const server of servers) await server.close();
  await stopWorker();
  await closeContext(ctx);
  process.send!({ id: message.id, result: {} }, () => process.exit(0));
});
process.send!({ ready: true });
