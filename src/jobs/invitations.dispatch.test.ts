import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPATCH_JOB, enqueueDispatchRun } from '../domain/invitations/dispatch-wakeup';
import { harnessForFile } from '../test/file-harness';
import { invitationsDispatch } from './invitations.dispatch';
import { startWorker } from './worker';

const h = harnessForFile();
let boss: Awaited<ReturnType<typeof startWorker>>;
beforeAll(async () => {
  boss = await startWorker(h.ctx, { work: false, definitions: [invitationsDispatch] });
});
afterAll(async () => boss?.stop({ graceful: false }));

describe('invitations.dispatch on pg-boss', () => {
  it('runs every minute', async () => {
    const schedules = await boss.getSchedules();
    expect(schedules).toContainEqual(expect.objectContaining({ name: DISPATCH_JOB, cron: '* * * * *' }));
  });

  it('a wake-up is one run at sendAfter, however many batches ask for it', async () => {
    const at = new Date(Date.now() + 3_600_000);
    await enqueueDispatchRun(h.ctx.jobs, at);
    await enqueueDispatchRun(h.ctx.jobs, at);
    const rows = (
      await h.ctx.database.executeSql(
        `SELECT start_after FROM pgboss.job WHERE name = $1 AND singleton_key = $2`,
        [DISPATCH_JOB, `due-${at.toISOString().slice(0, 16)}`],
      )
    ).rows;
    expect(rows).toHaveLength(1);
    expect(new Date(rows[0].start_after).getTime()).toBe(at.getTime());
  });
});
