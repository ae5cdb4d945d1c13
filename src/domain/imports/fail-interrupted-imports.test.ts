import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRuns } from '../../db/schema';
import { startHarness, type TestHarness } from '../../test/harness';
import { failInterruptedImports } from './fail-interrupted-imports';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const run = async (status: 'validating' | 'importing' | 'done', createdAt: Date) => {
  const [row] = await h.ctx.db
    .insert(importRuns)
    .values({ kind: 'jobs', fileName: 'x.csv', fileSha256: 'x', status, createdAt })
    .returning({ id: importRuns.id });
  return row!.id;
};
const statusOf = async (id: number) =>
  (await h.ctx.db.select().from(importRuns).where(eq(importRuns.id, id)))[0]!;

describe('imports interrupted by a stopped server', () => {
  it('are marked failed at start-up, saying nothing was written; finished runs stay as they were', async () => {
    const now = new Date();
    const longAgo = await run('importing', new Date(now.getTime() - 24 * 3600_000));
    const recent = await run('validating', now);
    const done = await run('done', new Date(now.getTime() - 24 * 3600_000));
    await failInterruptedImports({ database: h.ctx.database, now });
    const old = await statusOf(longAgo);
    expect(old.status).toBe('failed');
    expect(JSON.stringify(old.problems)).toMatch(/Nothing was written/);
    expect((await statusOf(done)).status).toBe('done');
    // one process owns PGlite; on a shared PostgreSQL a recent run may belong to a live process
    expect((await statusOf(recent)).status).toBe(h.ctx.database.kind === 'pglite' ? 'failed' : 'validating');
  });
});
