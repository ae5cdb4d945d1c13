import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {}

/**
 * PGlite has no lock of its own: two processes on one folder silently diverge. We keep a lock
 * file naming the holder by pid AND by when that process started, and refuse to start while that
 * very process lives. A pid alone is not enough: after a reboot or a container restart the old pid
 * often belongs to another program (npm's own shell, say), which would block start-up for good.
 * A file whose holder is gone (crash, kill -9, reboot) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'achtplus.lock');
  const mine = JSON.stringify({ pid: process.pid, started: processStart(process.pid) });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, mine);
      closeSync(fd);
      return () => {
        // Remove only our own file: never one another process has put there since.
        if (readLock(path) === mine) rmSync(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = parseLock(readLock(path));
      if (holder && holder.pid !== process.pid && holdsLock(holder)) {
        throw new DataDirLockedError(
          `The data folder ${dataDir} is in use by another achtplus process (pid ${holder.pid}). ` +
            'Stop that process first, or start this one with another DATA_DIR.',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock the data folder ${dataDir}.`);
}

type Holder = { pid: number; started?: string | null };

function readLock(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function parseLock(text: string | undefined): Holder | undefined {
  if (!text) return undefined;
  // Files written before the start time was recorded hold just the pid.
  if (/^\d+$/.test(text)) return { pid: Number(text) };
  try {
    const parsed = JSON.parse(text) as Holder;
    return Number.isInteger(parsed.pid) && parsed.pid > 0 ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The recorded holder still runs: its pid is alive and that process started when the file says. */
function holdsLock(holder: Holder): boolean {
  if (!isAlive(holder.pid)) return false;
  if (!holder.started) return legacyHolderMayBeAchtplus(holder.pid);
  const started = processStart(holder.pid);
  return started === null || started === holder.started;
}

/**
 * A pid-only file from an older version: a holder that is not even a Node process (after a reboot
 * often a shell) is not achtplus. Where the command line cannot be read, trust the pid.
 */
function legacyHolderMayBeAchtplus(pid: number): boolean {
  if (process.platform !== 'linux') return true;
  try {
    return /node/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true;
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When a process started, in a form that differs between two processes that share a pid: on Linux
 * the boot id plus the start tick from /proc (no fork, also on images without `ps`), elsewhere
 * (macOS) `ps -o lstart=`. null when it cannot be told.
 */
export function processStart(pid: number): string | null {
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name, which may itself hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const startTicks = fields[19]; // field 22 of proc(5), counted from field 3 (state)
      const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
      return startTicks ? `${bootId}/${startTicks}` : null;
    } catch {
      return null;
    }
  }
  const ps = spawnSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 5000 });
  const started = ps.status === 0 ? ps.stdout.trim() : '';
  return started || null;
}
