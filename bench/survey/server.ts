/**
 * The server side of the survey benches, run as a child process (`node --import tsx`) so the load
 * generator never shares its event loop. BENCH_MODE=app runs achtplus as `npm start` does (context,
 * worker, app, and its logger as main.ts configures it: a JSON line per request at the default level,
 * written to this process's stdout, which the parent points at a file); BENCH_MODE=bare runs a bare Fastify with one token lookup for
 * GET /s/:token (a static page) and one INSERT for POST /s/:token. The parent drives it over IPC:
 * seed invitations, listen, count what was stored, create an API key, close.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { closeContext, createContext } from '../../src/boot';
import { loadConfig } from '../../src/config';
import type { AppContext } from '../../src/context';
import { openDatabase } from '../../src/db/client';
import { createApiKey } from '../../src/domain/api-keys/create-api-key';
import { hashSurveyToken, SURVEY_TOKEN_PATTERN } from '../../src/domain/invitations/survey-token';
import { buildApp } from '../../src/http/app';
import { startWorker } from '../../src/jobs/worker';
import { loggerOptions } from '../../src/lib/logger-options';
import { systemActor } from '../../src/policy/actor';
import { seedSentInvitations } from '../../src/test/sent-invitations';
import type { BenchCommand } from './bench-server';
import { countStored } from './count-stored';

const mode = process.env.BENCH_MODE as 'app' | 'bare';
const port = Number(process.env.PORT);
const config = loadConfig({
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
  DATA_DIR: process.env.BENCH_DATA_DIR ?? '',
  SESSION_SECRET: process.env.BENCH_SECRET,
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  // every simulated tenant comes from an address of its own (X-Forwarded-For set by the load generator)
  TRUST_PROXY: 'true',
  SEED_DEMO: 'no',
  PORT: String(port),
});

const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
const ctx = await createContext(config, database);
let app: FastifyInstance | undefined;
let stopWorker = async () => {};

async function listen(page: string) {
  if (mode === 'app') {
    const boss = await startWorker(ctx, { work: true });
    stopWorker = () => boss.stop({ graceful: false, timeout: 2_000 }).catch(() => {});
    // the same options as src/main.ts: stdout is a file here, so JSON lines, as on a server
    app = await buildApp({ ctx, logger: loggerOptions(config).options });
  } else {
    app = await bareApp(ctx, page);
  }
  await app.listen({ port, host: '127.0.0.1' });
  return { port };
}

async function handle(command: BenchCommand): Promise<unknown> {
  switch (command.cmd) {
    case 'seed':
      return {
        invitations: await seedSentInvitations(database, {
          secret: ctx.secret,
          count: command.count,
          prefix: command.prefix,
          opened: command.opened,
        }),
      };
    case 'listen':
      return listen(command.page ?? '');
    case 'count':
      return countStored(database);
    case 'api-key': {
      const key = await createApiKey({
        db: ctx.db,
        actor: systemActor('bench'),
        name: `bench-${Date.now()}`,
        scopes: ['responses:read'],
      });
      return { token: key.token };
    }
    case 'close':
      await app?.close();
      await stopWorker();
      await closeContext(ctx);
      setImmediate(() => process.exit(0));
      return {};
  }
}

process.on('message', (message: { id: number; command: BenchCommand }) => {
  handle(message.command).then(
    (result) => process.send!({ id: message.id, result }),
    (err: Error) => process.send!({ id: message.id, error: err.stack ?? String(err) }),
  );
});
process.send!({ ready: true });

/** The reference: what any survey page must at least do (find the invitation by its token's hash). */
async function bareApp(ctx: AppContext, page: string) {
  const bare = Fastify({ logger: false });
  await ctx.database.executeSql(
    'CREATE TABLE IF NOT EXISTS bench_submissions (token_hash text, answers jsonb, submitted_at timestamptz DEFAULT now())',
  );
  bare.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  bare.get<{ Params: { token: string } }>('/s/:token', async (request, reply) => {
    const { token } = request.params;
    const found = SURVEY_TOKEN_PATTERN.test(token)
      ? await ctx.database.executeSql(
          'SELECT id, status, expires_at FROM invitations WHERE token_hash = $1',
          [hashSurveyToken(token)],
        )
      : { rows: [] };
    return reply
      .code(found.rows.length ? 200 : 404)
      .type('text/html; charset=utf-8')
      .send(page);
  });
  bare.post<{ Params: { token: string } }>('/s/:token', async (request, reply) => {
    await ctx.database.executeSql('INSERT INTO bench_submissions (token_hash, answers) VALUES ($1, $2)', [
      hashSurveyToken(request.params.token),
      JSON.stringify(request.body),
    ]);
    return reply.redirect(`/s/${request.params.token}`, 303);
  });
  return bare;
}
