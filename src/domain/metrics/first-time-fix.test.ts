import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { jobs } from '../../db/schema';
import { systemActor } from '../../policy/actor';
import { buildEmployee, buildJob, buildTeam, buildUnit } from '../../test/factories';
import { startHarness, type TestHarness } from '../../test/harness';
import { buildResponse } from '../../test/survey-factories';
import { userActor } from '../../test/user-actor';
import { businessDate } from '../business-time/business-time';
import { firstTimeFixFromJobs, REPEAT_JOB_DAYS } from './first-time-fix';

type Job = typeof jobs.$inferSelect;

/**
 * First-time fix from job data (docs/METRICS.md): a responded job is fixed the first time when no
 * other job of the same trade at the same home was reported within 30 days of its completion; one
 * completed less than 30 days ago is not judged yet. Dates are relative to now, as the rule is.
 */
let h: TestHarness;
let teamId: number;
let technicianId: number;
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

beforeAll(async () => {
  h = await startHarness();
  const db = h.ctx.db;
  teamId = (await buildTeam(db)).id;
  technicianId = (await buildEmployee(db, { teamId })).id;
  const otherTechnician = (await buildEmployee(db, { teamId })).id;

  /** a completed job at a home of its own, and the tenant's grade for it ten days after */
  const responded = async (
    completedDaysAgo: number,
    grade: number,
    more: Partial<typeof jobs.$inferInsert> = {},
  ): Promise<Job> => {
    const unitId = more.unitId ?? (await buildUnit(db)).id;
    const job = await buildJob(db, {
      teamId,
      technicianId,
      unitId,
      trade: 'loodgieter',
      reportedAt: daysAgo(completedDaysAgo + 3),
      completedAt: daysAgo(completedDaysAgo),
      ...more,
    });
    await buildResponse(db, job, { grade, submittedAt: daysAgo(Math.max(completedDaysAgo - 10, 1)) });
    return job;
  };
  /** another job at the job's home, reported `after` days (may be fractional) after it was completed */
  const again = (job: Job, after: number, more: Partial<typeof jobs.$inferInsert> = {}) =>
    buildJob(db, {
      teamId,
      unitId: job.unitId,
      trade: job.trade,
      status: 'reported',
      reportedAt: new Date(job.completedAt!.getTime() + after * DAY),
      ...more,
    });

  // not fixed: the same trade came back to the same home after 10 days, and after 29 days 23 hours
  await again(await responded(60, 4), 10);
  await again(await responded(70, 5), REPEAT_JOB_DAYS - 1 / 24);
  // fixed: the same trade came back only after 31 days
  await again(await responded(80, 9), 31);
  // fixed: another trade at the same home within the 30 days does not count
  await again(await responded(60, 8), 5, { trade: 'elektra' });
  // fixed: the same trade within 30 days at another home does not count
  const elsewhere = await responded(60, 7);
  await buildJob(db, {
    teamId,
    unitId: (await buildUnit(db)).id,
    trade: 'loodgieter',
    status: 'reported',
    reportedAt: new Date(elsewhere.completedAt!.getTime() + 3 * DAY),
  });
  // fixed: a job reported at the same home before this one was completed is not a repeat of it
  const earlier = await responded(50, 10);
  await again(earlier, -2);
  // not judged: completed 10 days ago (a repeat may still come), even with none so far
  await responded(10, 10);
  // not judged, though a repeat already came: its 30 days have not passed
  await again(await responded(20, 3), 2);
  // another technician's job, fixed: in the team's figure, not in the technician's
  await responded(45, 6, { technicianId: otherTechnician });
}, 60_000);
afterAll(async () => h?.close());

const period = () => ({ from: businessDate(daysAgo(120)), to: businessDate(new Date()) });

describe('first-time fix from job data', () => {
  it('judges the jobs completed at least 30 days ago, fixed unless the same trade came back to the same home', async () => {
    const sums = await firstTimeFixFromJobs({
      db: h.ctx.db,
      actor: systemActor('test'),
      period: period(),
      filters: { teamId },
      minimumN: 5,
    });
    // judged: 60 (4), 70 (5), 80 (9), 60 other trade (8), 60 elsewhere (7), 50 (10), 45 colleague (6)
    expect(sums.judged).toBe(7);
    expect(sums.fixed).toBe(5);
    expect(sums.gradeWhenFixed).toEqual({
      n: 5,
      sum: 9 + 8 + 7 + 10 + 6,
      sumOfSquares: 81 + 64 + 49 + 100 + 36,
    });
    expect(sums.gradeWhenNotFixed).toEqual({ n: 2, sum: 4 + 5, sumOfSquares: 16 + 25 });
  });

  it('within the actor’s scope: a technician’s own jobs only', async () => {
    const sums = await firstTimeFixFromJobs({
      db: h.ctx.db,
      actor: userActor('employee', { employeeId: technicianId }),
      period: period(),
      filters: {},
      minimumN: 5,
    });
    expect(sums.judged).toBe(6);
    expect(sums.fixed).toBe(4);
  });

  it('by the period of the responses: none before any was given', async () => {
    const sums = await firstTimeFixFromJobs({
      db: h.ctx.db,
      actor: systemActor('test'),
      period: { from: businessDate(daysAgo(400)), to: businessDate(daysAgo(200)) },
      filters: { teamId },
      minimumN: 5,
    });
    expect(sums).toMatchObject({ judged: 0, fixed: 0 });
  });
});
