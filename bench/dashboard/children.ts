import { type ChildProcess, fork } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchDatabase } from '../survey/bench-server';
import { BENCH_SECRET } from '../survey/bench-server';
import type { PrepareStep } from './prepare';

const databaseEnv = (database: BenchDatabase) => ({
  BENCH_DATABASE_URL: 'url' in database ? database.url : '',
  BENCH_DATA_DIR: 'dataDir' in database ? database.dataDir : '',
  BENCH_SECRET,
});
const tsx = ['--import', 'tsx'];

/** Runs one step of prepare.ts in a child process; its progress goes to stderr (stdout is the bench's). */
export function prepare<T>(database: BenchDatabase, task: PrepareStep): Promise<T> {
  const child = fork(new URL('./prepare.ts', import.meta.url).pathname, [], {
    execArgv: tsx,
    env: { ...process.env, ...databaseEnv(database), BENCH_PREPARE: JSON.stringify(task) },
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  return new Promise<T>((resolve, reject) => {
    let answered = false;
    child.on('message', (m: { result?: T; error?: string }) => {
      answered = true;
      if (m.error) reject(new Error(`dashboard bench, ${task.step}: ${m.error}`));
      else resolve(m.result as T);
    });
    child.on('exit', (code) => {
      if (!answered) reject(new Error(`dashboard bench, ${task.step}: exited with ${code}`));
    });
  });
}

/**
 * Starts server.ts ('app': achtplus on `port`, the hand-written SQL on `referencePort`; 'node': the
 * summarising-in-Node reference on `port`). The app's request log goes to a file (BENCH_LOG_DIR, else
 * a temporary folder removed at close); closing checks that it logged requests (else exit code 1).
 */
export async function startServer(
  mode: 'app' | 'node',
  database: BenchDatabase,
  port: number,
  referencePort = 0,
) {
  const logDir = process.env.BENCH_LOG_DIR ?? mkdtempSync(join(tmpdir(), 'achtplus-bench-log-'));
  const logFile = join(logDir, `dashboard-${mode}-${'url' in database ? 'postgres' : 'pglite'}-${port}.log`);
  const logFd = openSync(logFile, 'w');
  const removeLog = () => {
    if (!process.env.BENCH_LOG_DIR) rmSync(logDir, { recursive: true, force: true });
  };
  const child: ChildProcess = fork(new URL('./server.ts', import.meta.url).pathname, [], {
    execArgv: tsx,
    env: {
      ...process.env,
      ...databaseEnv(database),
      BENCH_MODE: mode,
      PORT: String(port),
      REFERENCE_PORT: String(referencePort),
    },
    stdio: ['ignore', logFd, 'inherit', 'ipc'],
  });
  closeSync(logFd);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    exited.then((code) => reject(new Error(`dashboard bench server (${mode}) exited with ${code}`)));
  }).catch((err) => {
    removeLog();
    throw err;
  });
  const pending = new Map<number, (v: unknown) => void>();
  let nextId = 0;
  child.on('message', (m: { id: number; result: unknown }) => {
    pending.get(m.id)?.(m.result);
    pending.delete(m.id);
  });
  const send = <T>(cmd: 'memory' | 'close') =>
    new Promise<T>((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve as (v: unknown) => void);
      child.send({ id, cmd });
    });
  return {
    url: `http://127.0.0.1:${port}`,
    referenceUrl: `http://127.0.0.1:${referencePort}`,
    peakRssMb: () => send<{ peakRssMb: number }>('memory').then((r) => r.peakRssMb),
    async close() {
      if (child.exitCode === null) {
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await Promise.race([send('close'), exited]);
        await exited;
        clearTimeout(timer);
      }
      const logged = readFileSync(logFile, 'utf8').includes('"request completed"');
      removeLog();
      // not thrown: close runs in `finally` blocks, where a throw would hide the error that got there
      if (mode === 'app' && !logged) {
        console.error(`the dashboard bench's achtplus server logged no request (${logFile})`);
        process.exitCode = 1;
      }
    },
  };
}
export type DashboardServer = Awaited<ReturnType<typeof startServer>>;
