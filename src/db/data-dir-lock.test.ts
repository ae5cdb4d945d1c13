import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';

const tempDir = () => mkdtempSync(join(tmpdir(), 'achtplus-lock-'));

describe('data folder lock', () => {
  it('refuses a folder held by a live process and releases it on unlock', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      writeFileSync(join(dir, 'achtplus.lock'), String(holder.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(/in use by another achtplus process/);
    } finally {
      holder.kill();
    }
  });

  it('takes over a stale lock left by a crashed process', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'achtplus.lock'), '999999999');
    const unlock = lockDataDir(dir);
    expect(readFileSync(join(dir, 'achtplus.lock'), 'utf8')).toBe(String(process.pid));
    unlock();
    const again = lockDataDir(dir);
    again();
  });
});
