import { eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRuns, importUploads } from '../../db/schema';
import { writeBytes } from '../../db/stored-bytes';
import type { JobDefinition } from '../../jobs/definitions';
import { importsRun } from '../../jobs/imports.run';
import { startWorker } from '../../jobs/worker';
import { PROCESS_INSTANCE } from '../../lib/process-instance';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';
import { CLAIM_LAPSES_AFTER_SECONDS } from './import-job';
import { recoverAbandonedImports } from './recover-abandoned-imports';
import { UPLOAD_BYTES } from './upload-import';

let h: TestHarness;
let adminId: string;
beforeAll(async () => {
  h = await startHarness();
  adminId = (await signedInAs(h, 'admin')).userId;
});
afterAll(async () => h?.close());

const csv = Buffer.from('werkorder;klantreis;omschrijving\nR-1;repair;lekkage\n');

/** A run some worker claimed and was importing, `beatAgo` seconds since its last heartbeat. */
async function claimedRun(opts: { by: string; beatAgo: number; attempts: number; stored?: boolean }) {
  const [run] = await h.ctx.db
    .insert(importRuns)
    .values({
      kind: 'jobs',
      fileName: 'jobs.csv',
      fileSha256: 'x',
      status: 'importing',
      createdByUserId: adminId,
      claimedBy: opts.by,
      heartbeatAt: sql`now() - make_interval(secs => ${opts.beatAgo})`,
      attempts: opts.attempts,
    })
    .returning({ id: importRuns.id });
  if (opts.stored !== false) {
    await h.ctx.db.insert(importUploads).values({ runId: run!.id, bytes: Buffer.alloc(0) });
    await writeBytes(h.ctx.db, UPLOAD_BYTES(run!.id), csv);
  }
  return run!.id;
}

const runOf = async (id: number) =>
  (await h.ctx.db.select().from(importRuns).where(eq(importRuns.id, id)))[0]!;
const stored = async (id: number) =>
  (await h.ctx.db.select().from(importUploads).where(eq(importUploads.runId, id))).length > 0;
const lapsed = CLAIM_LAPSES_AFTER_SECONDS + 5;

describe('an import whose worker died', () => {
  it('is queued once more while its file is stored, then fails saying nothing was written', async () => {
    const first = await claimedRun({ by: 'a-dead-process', beatAgo: lapsed, attempts: 1 });
    const second = await claimedRun({ by: 'a-dead-process', beatAgo: lapsed, attempts: 2 });
    const gone = await claimedRun({ by: 'a-dead-process', beatAgo: lapsed, attempts: 1, stored: false });
    const mine = await claimedRun({ by: PROCESS_INSTANCE, beatAgo: lapsed, attempts: 1 });
    const alive = await claimedRun({ by: 'a-live-process', beatAgo: 0, attempts: 1 });

    await recoverAbandonedImports({ database: h.ctx.database, jobs: undefined, me: PROCESS_INSTANCE });

    expect(await runOf(first)).toMatchObject({ status: 'queued', claimedBy: null, processedRows: 0 });
    expect(await stored(first)).toBe(true);
    for (const id of [second, gone]) {
      const run = await runOf(id);
      expect(run.status).toBe('failed');
      expect(JSON.stringify(run.problems)).toMatch(/interrupted.*Nothing was written/);
      expect(await stored(id)).toBe(false);
    }
    // this process's own run is running here (on PGlite its heartbeat waits behind the import's transaction)
    expect((await runOf(mine)).status).toBe('importing');
    // a live claim elsewhere is left alone on PostgreSQL; on PGlite no other process can be alive
    expect((await runOf(alive)).status).toBe(h.ctx.database.kind === 'pglite' ? 'queued' : 'importing');
  });

  it('is found by a working process within the bound and run again to its end', async () => {
    await h.ctx.db.update(importRuns).set({ status: 'done' }).where(eq(importRuns.status, 'queued'));
    const run = await claimedRun({ by: 'another-dead-process', beatAgo: lapsed, attempts: 1 });
    const started = Date.now();
    const worker: PgBoss = await startWorker(h.ctx, {
      work: true,
      definitions: [importsRun as JobDefinition],
    });
    try {
      // the worker's own sweep finds it (every 10 s), queues it, and a worker runs it
      const ended = async () => (await runOf(run)).status === 'done' && !(await stored(run));
      while (!(await ended()) && Date.now() - started < 90_000) await new Promise((r) => setTimeout(r, 200));
      expect(await runOf(run)).toMatchObject({ status: 'done', inserted: 1, attempts: 2 });
      expect(await stored(run)).toBe(false);
    } finally {
      await worker.stop({ graceful: false, wait: true });
    }
  });
});
