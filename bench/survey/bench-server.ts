import { type ChildProcess, fork } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SeededInvitation } from '../../src/test/sent-invitations';
import type { StoredCounts } from './count-stored';

export type BenchCommand =
  | { cmd: 'seed'; count: number; prefix: string; opened?: boolean }
  | { cmd: 'listen'; page?: string }
  | { cmd: 'count' }
  | { cmd: 'api-key' }
  | { cmd: 'close' };

/** Where the child keeps its data: a PostgreSQL database, or a PGlite folder (one child at a time). */
export type BenchDatabase = { url: string } | { dataDir: string };

export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-00';

/**
 * Starts bench/survey/server.ts as a child process in 'app' or 'bare' mode on the given port
 * (ports 3110–3119 are the survey benches') and drives it over IPC. With BENCH_CPU_PROF=<folder> the app
 * (not the bare server) writes a V8 CPU profile there. The app's stdout — its request log, as `npm start`
 * writes it — goes to a file (BENCH_LOG_DIR, else a temporary folder removed at close); closing checks
 * that the app did log a request (else the run ends with exit code 1).
 */
export async function startBenchServer(mode: 'app' | 'bare', database: BenchDatabase, port: number) {
  // only the app logs; the bare reference servers keep stdout as it is
  const logDir =
    mode === 'app' ? (process.env.BENCH_LOG_DIR ?? mkdtempSync(join(tmpdir(), 'achtplus-bench-log-'))) : '';
  const logFile = join(logDir, `${mode}-${'url' in database ? 'postgres' : 'pglite'}-${port}.log`);
  const logFd = mode === 'app' ? openSync(logFile, 'w') : 'inherit';
  const removeLog = () => {
    if (mode === 'app' && !process.env.BENCH_LOG_DIR) rmSync(logDir, { recursive: true, force: true });
  };
  const child: ChildProcess = fork(new URL('./server.ts', import.meta.url).pathname, [], {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF && mode === 'app'
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : []),
    ],
    env: {
      ...process.env,
      BENCH_MODE: mode,
      BENCH_SECRET,
      PORT: String(port),
      BENCH_DATABASE_URL: 'url' in database ? database.url : '',
      BENCH_DATA_DIR: 'dataDir' in database ? database.dataDir : '',
    },
    stdio: ['ignore', logFd, 'inherit', 'ipc'],
  });
  if (typeof logFd === 'number') closeSync(logFd); // the child holds its own copy
  const pending = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    exited.then((code) =>
      reject(new Error(`bench server (${mode}) exited with ${code} before it was ready`)),
    );
  });
  child.on('message', (m: { id: number; result?: unknown; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error) p?.reject(new Error(`bench server (${mode}): ${m.error}`));
    else p?.resolve(m.result as never);
  });
  exited.then((code) => {
    for (const p of pending.values()) p.reject(new Error(`bench server (${mode}) exited with ${code}`));
  });
  const send = <T>(command: BenchCommand) =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (v: never) => void, reject });
      child.send({ id, command });
    });
  return {
    url: `http://127.0.0.1:${port}`,
    seed: (count: number, prefix: string, opened = false) =>
      send<{ invitations: SeededInvitation[] }>({ cmd: 'seed', count, prefix, opened }).then(
        (r) => r.invitations,
      ),
    listen: (page?: string) => send<{ port: number }>({ cmd: 'listen', page }),
    count: () => send<StoredCounts>({ cmd: 'count' }),
    apiKey: () => send<{ token: string }>({ cmd: 'api-key' }).then((r) => r.token),
    async close() {
      if (child.exitCode !== null) return removeLog();
      await send({ cmd: 'close' }).catch(() => {});
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      if (mode === 'app') {
        const lines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
        removeLog();
        // not thrown: close runs in `finally` blocks, where a throw would hide the error that got there
        if (!lines.some((l) => l.includes('"request completed"'))) {
          console.error(
            `the bench's achtplus server logged no request (${lines.length} lines in ${logFile})`,
          );
          process.exitCode = 1;
        }
      }
    },
  };
}
export type BenchServer = Awaited<ReturnType<typeof startBenchServer>>;
