import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startHarness, type TestHarness } from '../test/harness';
import type { JobDefinition } from './definitions';
import { startWorker } from './worker';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('background jobs on pg-boss', () => {
  it('runs a job sent through the same database; a stately queue keeps one job per singleton key', async () => {
    const seen: string[] = [];
    const ZEcho = z.object({ word: z.string() });
    const echo: JobDefinition<typeof ZEcho> = {
      id: 'test.echo',
      policy: 'stately',
      payload: ZEcho,
      async handler(_ctx, payload) {
        seen.push(payload.word);
      },
    };
    const boss = await startWorker(h.ctx, { work: true, definitions: [echo as JobDefinition] });
    try {
      expect(await boss.send('test.echo', { word: 'hallo' }, { singletonKey: 'job-1' })).toBeTruthy();
      expect(await boss.send('test.echo', { word: 'hallo' }, { singletonKey: 'job-1' })).toBeNull();
      const until = Date.now() + 20_000;
      while (!seen.length && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
      await new Promise((r) => setTimeout(r, 2500));
      expect(seen).toEqual(['hallo']);
    } finally {
      await boss.stop({ graceful: false, wait: true } as any);
    }
  });
});
