import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from './test/database';

/**
 * The real start-up path: `tsx src/main.ts` on an empty folder (without demo data, for speed). A first
 * start transpiles the server, compiles PGlite's WebAssembly and runs every migration and pg-boss's
 * schema: seconds on an idle machine, over a minute on a busy 2-core one. So every wait here is for a
 * condition (/healthz answering 200, the process exiting) with a generous deadline, and a deadline
 * that passes says what it waited for and what the server printed.
 */
const FIRST_START_MS = 240_000;
const EXIT_MS = 90_000;
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

/** Polls /healthz until it answers 200; fails at once if the server exits first. */
async function waitForHealth(server: ReturnType<typeof start>, port: number, timeoutMs = FIRST_START_MS) {
  const until = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  server.exited.then((code) => (exitCode = code));
  while (Date.now() < until) {
    if (exitCode !== undefined)
      throw new Error(`the server exited (${exitCode}) before /healthz answered 200:\n${server.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return res.json();
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `waited ${timeoutMs / 1000} s for http://127.0.0.1:${port}/healthz to answer 200; the server printed:\n${server.output()}`,
  );
}

/** The exit code, or a failure naming what was expected of the process and what it printed. */
async function exitCodeOf(server: ReturnType<typeof start>, what: string, timeoutMs = EXIT_MS) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`waited ${timeoutMs / 1000} s for ${what}; it printed:\n${server.output()}`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([server.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

const running: ChildProcess[] = [];
afterAll(() => {
  for (const c of running) c.kill('SIGKILL');
});

// The embedded start path; the PostgreSQL run of the suite covers the server path through the harness.
describe.skipIf(testBackend === 'postgres')('npm start on PGlite', () => {
  it('serves /healthz on an empty folder, and a second process on the same folder refuses', {
    timeout: FIRST_START_MS + 3 * EXIT_MS,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'achtplus-start-'));
    const port = await freePort();
    const first = start({ DATA_DIR: dataDir, PORT: String(port) });
    running.push(first.child);
    expect(await waitForHealth(first, port)).toEqual({ status: 'ok' });

    const second = start({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    running.push(second.child);
    expect(await exitCodeOf(second, 'a second process on the same folder to refuse and exit')).toBe(2);
    expect(second.output()).toMatch(/in use by another achtplus process/);

    first.child.kill('SIGTERM');
    expect(await exitCodeOf(first, 'the server to stop after SIGTERM')).toBe(0);
  });

  it('stops with the name of a wrong variable', { timeout: 2 * EXIT_MS }, async () => {
    const run = start({ PORT: 'not-a-port', DATA_DIR: mkdtempSync(join(tmpdir(), 'achtplus-cfg-')) });
    // a wrong variable stops before the database opens, but tsx still transpiles main.ts's imports
    expect(await exitCodeOf(run, 'start-up to stop on PORT=not-a-port', 2 * EXIT_MS - 5_000)).toBe(2);
    expect(run.output()).toMatch(/PORT/);
  });
});
