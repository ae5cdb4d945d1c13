import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startHarness, type TestHarness } from '../test/harness';
import type { JobDefinition } from './definitions';
import { startWorker } from './worker';

/** Waits until `done()` holds; a generous bound for a busy machine, and a clear failure past it. */
async function until(done: () => Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error('timed out waiting for the queue');
    await new Promise((r) => setTimeout(r, 200));
  }
}

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
      const id = await boss.send('test.echo', { word: 'hallo' }, { singletonKey: 'job-1' });
      expect(id).toBeTruthy();
      expect(await boss.send('test.echo', { word: 'hallo' }, { singletonKey: 'job-1' })).toBeNull();
      await until(async () => (await boss.getJobById('test.echo', id!))?.state === 'completed');
      // nothing else is waiting, retrying or running in the queue: what ran is all that will run
      expect(await boss.getQueueSize('test.echo', { before: 'completed' })).toBe(0);
      expect(seen).toEqual(['hallo']);
    } finally {
      await boss.stop({ graceful: false, wait: true } as any);
    }
  });
});

describe('a worker that takes several jobs at a time', () => {
  it('completes the jobs of a batch that succeed and leaves only the one that failed for a retry', async () => {
    const runs = new Map<string, number>();
    const ZWord = z.object({ word: z.string() });
    const batched: JobDefinition<typeof ZWord> = {
      id: 'test.batched',
      payload: ZWord,
      batchSize: 10,
      async handler(_ctx, { word }) {
        runs.set(word, (runs.get(word) ?? 0) + 1);
        if (word === 'kapot') throw new Error('this one fails');
      },
    };
    // queue the jobs before a worker exists, so the first poll fetches them in one batch
    const boss = await startWorker(h.ctx, { work: false, definitions: [batched as JobDefinition] });
    const ids: string[] = [];
    for (const word of ['een', 'kapot', 'twee', 'drie'])
      ids.push((await boss.send('test.batched', { word }, { retryLimit: 2, retryDelay: 600 }))!);
    await boss.stop({ graceful: false, wait: true } as any);
    const worker = await startWorker(h.ctx, { work: true, definitions: [batched as JobDefinition] });
    try {
      const states = async () =>
        Promise.all(ids.map(async (id) => (await worker.getJobById('test.batched', id))?.state));
      await until(async () => !(await states()).some((s) => s === 'created' || s === 'active'));
      // the batch as a whole did not fail: the others are done once, only 'kapot' waits for its retry
      expect(await states()).toEqual(['completed', 'retry', 'completed', 'completed']);
      expect(Object.fromEntries(runs)).toEqual({ een: 1, kapot: 1, twee: 1, drie: 1 });
    } finally {
      await worker.stop({ graceful: false, wait: true } as any);
    }
  });
});

describe('a queue that takes its batches whole', () => {
  it('hands the batch to handleBatch at once; a job it fails is retried alone, the others complete', async () => {
    const batches: string[][] = [];
    const ZWord = z.object({ word: z.string() });
    const whole: JobDefinition<typeof ZWord> = {
      id: 'test.whole',
      payload: ZWord,
      batchSize: 10,
      async handler() {
        throw new Error('not called: the queue has handleBatch');
      },
      async handleBatch(_ctx, jobs, fail) {
        batches.push(jobs.map((j) => j.payload.word).sort());
        for (const job of jobs)
          if (job.payload.word === 'kapot') await fail(job, new Error('this one fails'));
      },
    };
    const boss = await startWorker(h.ctx, { work: false, definitions: [whole as JobDefinition] });
    const ids: string[] = [];
    for (const word of ['een', 'kapot', 'twee'])
      ids.push((await boss.send('test.whole', { word }, { retryLimit: 2, retryDelay: 600 }))!);
    await boss.stop({ graceful: false, wait: true });
    const worker = await startWorker(h.ctx, { work: true, definitions: [whole as JobDefinition] });
    try {
      const states = async () =>
        Promise.all(ids.map(async (id) => (await worker.getJobById('test.whole', id))?.state));
      await until(async () => !(await states()).some((s) => s === 'created' || s === 'active'));
      expect(await states()).toEqual(['completed', 'retry', 'completed']);
      expect(batches).toEqual([['een', 'kapot', 'twee']]); // one batch, in any order
    } finally {
      await worker.stop({ graceful: false, wait: true });
    }
  });
});
