import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, processStart } from './data-dir-lock';

const tempDir = () => mkdtempSync(join(tmpdir(), 'achtplus-lock-'));
const lockFile = (dir: string) => join(dir, 'achtplus.lock');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A program that is not achtplus and just stays alive, like the shell that got the old pid. */
function spawnBystander() {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(child);
  return child.pid as number;
}

/** A real second process that takes the lock through lockDataDir and keeps it until killed. */
async function spawnHolder(dir: string) {
  const module = fileURLToPath(new URL('./data-dir-lock.ts', import.meta.url));
  const script = `
    const { lockDataDir } = await import(${JSON.stringify(module)});
    lockDataDir(${JSON.stringify(dir)});
    console.log('locked');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
  return child;
}

describe('data folder lock', () => {
  it('refuses a folder held by a live achtplus process, and takes it once that process died', async () => {
    const dir = tempDir();
    const holder = await spawnHolder(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`in use by another achtplus process (pid ${holder.pid})`);

    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL'); // no clean-up: the file stays behind, as after a crash
    await exited;
    expect(existsSync(lockFile(dir))).toBe(true);
    const unlock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8')).pid).toBe(process.pid);
    unlock();
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it('takes over a stale lock left by a process that no longer exists', () => {
    const dir = tempDir();
    writeFileSync(lockFile(dir), JSON.stringify({ pid: 999999999, started: 'long ago' }));
    const unlock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8')).pid).toBe(process.pid);
    unlock();
    lockDataDir(dir)();
  });

  it('takes over a lock whose pid now belongs to another program (reboot, container restart)', () => {
    const dir = tempDir();
    const pid = spawnBystander();
    // What the achtplus that died wrote: the same pid, but a process started at another moment.
    writeFileSync(lockFile(dir), JSON.stringify({ pid, started: 'an earlier boot/12345' }));
    const unlock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8')).pid).toBe(process.pid);
    unlock();
  });

  it.runIf(process.platform === 'linux')(
    'takes over an old pid-only lock whose pid is not a Node process',
    () => {
      const dir = tempDir();
      writeFileSync(lockFile(dir), String(spawnBystander()));
      lockDataDir(dir)();
    },
  );

  it('tells processes sharing nothing but a pid apart by their start', () => {
    expect(processStart(process.pid)).toBeTruthy();
    expect(processStart(process.pid)).toBe(processStart(process.pid));
    expect(processStart(spawnBystander())).not.toBe(processStart(process.pid));
  });

  it('leaves a lock alone on unlock when another process has taken it over meanwhile', () => {
    const dir = tempDir();
    const unlock = lockDataDir(dir);
    const other = JSON.stringify({ pid: spawnBystander(), started: 'someone else' });
    writeFileSync(lockFile(dir), other);
    unlock();
    expect(readFileSync(lockFile(dir), 'utf8')).toBe(other);
  });
});
