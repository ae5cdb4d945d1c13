import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
  url: string;
  dataDir: string;
  /** everything the server printed, for failure messages */
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts the real server as `npm start` runs it (the bundle in dist/server) on a free port with a fresh data folder, so the
 * demo organisation seeds itself, and waits for /healthz. Builds the staff app first if stale.
 */
export async function startServer(
  opts: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  execFileSync(process.execPath, ['scripts/prepare-start.mjs', '--server'], { stdio: 'inherit' });
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'achtplus-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL: url,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  let exited = false;
  child.on('exit', () => (exited = true));

  const stop = async () => {
    if (!exited && child.pid) {
      const gone = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => !exited && child.pid && process.kill(-child.pid, 'SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 150_000);
  while (Date.now() < deadline) {
    if (exited) {
      await stop();
      throw new Error(`the server exited before it was ready:\n${output}`);
    }
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, dataDir, output: () => output, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`the server was not ready within the time limit:\n${output}`);
}

/** The server started once by e2e/global-setup.ts; specs must not stop it (the setup does). */
export async function sharedServer(): Promise<RunningServer> {
  const { inject } = await import('vitest');
  const url = inject('serverUrl');
  return { url, dataDir: '', output: () => '', stop: async () => {} };
}
