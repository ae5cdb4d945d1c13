import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchGroup, line } from '../line';

/**
 * `start`: seconds from spawning `npm start` (builds already done) on an empty data folder (PGlite) until
 * /healthz answers 200 with the demo organisation seeded (goal ≤ 60 s), and from a restart on the
 * same folder (goal ≤ 5 s). Baseline: a bare Fastify server started with `node -e` in the same run,
 * so the ratio says how much slower than "just start a Node HTTP server" achtplus is.
 * `--quick` measures exactly the same: it is one start of the full demo, well within minutes.
 */
const group: BenchGroup = async function* () {
  // builds (staff app, server bundle) happen once after install; measure starting, not building
  await new Promise<void>((resolve, reject) =>
    spawn(process.execPath, ['scripts/prepare-start.mjs', '--server'], { stdio: 'inherit' }).on(
      'exit',
      (code) => (code === 0 ? resolve() : reject(new Error('build failed'))),
    ),
  );
  const baseline = await timeToHealthy(['node', '--input-type=module', '-e', bareServer], {});
  const dataDir = mkdtempSync(join(tmpdir(), 'achtplus-bench-start-'));
  try {
    const env = { DATA_DIR: dataDir, SEED_DEMO: 'auto', LOG_LEVEL: 'warn' };
    const first = await timeToHealthy(['npm', 'start'], env, { expectDemo: true });
    yield line('start', 'first start with demo data', 's', first, baseline, { valueAtMost: 60 });
    const restart = await timeToHealthy(['npm', 'start'], env, { expectDemo: true });
    yield line('start', 'restart', 's', restart, baseline, { valueAtMost: 5 });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};
export default group;

const bareServer = `
import Fastify from 'fastify';
const app = Fastify();
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));`;

/** Spawns the command, polls /healthz until 200, checks the demo if asked, stops it; returns seconds. */
async function timeToHealthy(
  command: string[],
  env: Record<string, string>,
  opts: { expectDemo?: boolean } = {},
) {
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd: process.cwd(),
    env: { ...inherited, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true, // its own process group: npm → node stop together
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    for (;;) {
      const done = await Promise.race([exited.then(() => true), sleep(100).then(() => false)]);
      if (done) throw new Error(`${command.join(' ')} exited before /healthz answered:\n${stderr}`);
      if ((await status(`http://127.0.0.1:${port}/healthz`)) === 200) break;
      if (performance.now() - started > 600_000)
        throw new Error(`${command.join(' ')}: no healthy answer within 10 minutes`);
    }
    const seconds = (performance.now() - started) / 1000;
    if (opts.expectDemo) {
      const info = (await (await fetch(`http://127.0.0.1:${port}/api/public/login-info`)).json()) as {
        demo?: boolean;
      };
      if (!info.demo) throw new Error('healthy, but the demo organisation is not there');
    }
    return seconds;
  } finally {
    await stop(child, exited);
  }
}

async function stop(child: ChildProcess, exited: Promise<unknown>) {
  if (child.exitCode !== null || !child.pid) return;
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

async function status(url: string) {
  try {
    return (await fetch(url)).status;
  } catch {
    return 0;
  }
}

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
