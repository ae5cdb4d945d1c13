import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from './test/database';

/** The real start-up path: `tsx src/main.ts` on an empty folder (without demo data, for speed). */
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, SEED_DEMO: 'no', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitForHealth(port: number, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return res.json();
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

const running: ChildProcess[] = [];
afterAll(() => {
  for (const c of running) c.kill('SIGKILL');
});

// The embedded start path; the PostgreSQL run of the suite covers the server path through the harness.
describe.skipIf(testBackend === 'postgres')('npm start on PGlite', () => {
  it('serves /healthz on an empty folder, and a second process on the same folder refuses', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'achtplus-start-'));
    const port = await freePort();
    const first = start({ DATA_DIR: dataDir, PORT: String(port) });
    running.push(first.child);
    expect(await waitForHealth(port)).toEqual({ status: 'ok' });

    const second = start({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    running.push(second.child);
    expect(await second.exited).toBe(2);
    expect(second.output()).toMatch(/in use by another achtplus process/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });

  it('stops with the name of a wrong variable', async () => {
    const run = start({ PORT: 'not-a-port', DATA_DIR: mkdtempSync(join(tmpdir(), 'achtplus-cfg-')) });
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/PORT/);
  });
});
