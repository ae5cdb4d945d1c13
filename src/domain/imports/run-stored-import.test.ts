import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadUserActor } from '../../auth/session-actor';
import { importRuns, importUploads, jobs } from '../../db/schema';
import { writeBytes } from '../../db/stored-bytes';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';
import { runStoredImport } from './run-stored-import';
import { UPLOAD_BYTES } from './upload-import';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

async function queuedRun(createdByUserId: string, csv: string) {
  const [run] = await h.ctx.db
    .insert(importRuns)
    .values({ kind: 'jobs', fileName: 'jobs.csv', fileSha256: 'x', status: 'queued', createdByUserId })
    .returning({ id: importRuns.id });
  await h.ctx.db.insert(importUploads).values({ runId: run!.id, bytes: Buffer.alloc(0) });
  await writeBytes(h.ctx.db, UPLOAD_BYTES(run!.id), Buffer.from(csv));
  return run!.id;
}

const run = (runId: number, claimedBy = 'this-worker') =>
  runStoredImport({ db: h.ctx.db, runId, claimedBy, uploader: (id) => loadUserActor(h.ctx.db, id) });
const runOf = async (id: number) =>
  (await h.ctx.db.select().from(importRuns).where(eq(importRuns.id, id)))[0]!;

describe('a worker running a stored upload', () => {
  it('runs it once as its uploader and deletes the file; a second job for it does nothing', async () => {
    const admin = await signedInAs(h, 'admin');
    const id = await queuedRun(admin.userId, 'werkorder;klantreis\nSR-1;repair\n');
    expect(await run(id)).toBe(true);
    expect(await runOf(id)).toMatchObject({
      status: 'done',
      inserted: 1,
      claimedBy: 'this-worker',
      attempts: 1,
    });
    expect(await h.ctx.db.select().from(importUploads).where(eq(importUploads.runId, id))).toEqual([]);
    expect(await run(id, 'another-worker')).toBe(false);
    expect((await runOf(id)).claimedBy).toBe('this-worker');
  });

  it('fails it, writing nothing, when the uploader may no longer import', async () => {
    const lead = await signedInAs(h, 'team_leader');
    const id = await queuedRun(lead.userId, 'werkorder;klantreis\nSR-2;repair\n');
    await run(id);
    const ended = await runOf(id);
    expect(ended.status).toBe('failed');
    expect(JSON.stringify(ended.problems)).toMatch(/can no longer import/);
    expect(await h.ctx.db.select().from(jobs).where(eq(jobs.externalId, 'SR-2'))).toEqual([]);
    expect(await h.ctx.db.select().from(importUploads).where(eq(importUploads.runId, id))).toEqual([]);
  });
});
