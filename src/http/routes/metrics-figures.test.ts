import { not } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { type jobs, responseAnswers, responses } from '../../db/schema';
import { rollUpBacklog } from '../../domain/metrics/roll-up-backlog';
import {
  meanChange,
  meanWithInterval,
  npsChange,
  npsWithInterval,
  shareChange,
  shareWithInterval,
} from '../../domain/metrics/statistics';
import { getPublishedVersion } from '../../domain/questionnaires/get-published-version';
import { buildDepartment, buildEmployee, buildJob, buildTeam } from '../../test/factories';
import { signedInHeaders, startHarness, type TestHarness } from '../../test/harness';
import { buildResponse } from '../../test/survey-factories';

/**
 * The figures of the metric endpoints against hand-computed fixtures: the brief's planned-maintenance
 * year (31.5 % → 39.5 % 8+, NPS −44 → −24) at 200 and 1,000 responses a year, % ontevreden,
 * % voldoende and the rapportcijfer with their changes as statistics.ts computes them from the same
 * counts; the minimum n; and a new response, counted at once and the same after it is rolled up.
 */
let h: TestHarness;
let admin: Record<string, string>;
type Job = typeof jobs.$inferSelect;

/** Many responses to one job in one statement (grade and NPS as columns and as answers). */
async function respondMany(db: Db, job: Job, rows: { grade: number; nps: number; submittedAt: Date }[]) {
  const version = await getPublishedVersion({ db, journey: job.journey });
  const inserted = await db
    .insert(responses)
    .values(
      rows.map((r) => ({
        jobId: job.id,
        questionnaireVersionId: version!.versionId,
        journey: job.journey,
        departmentId: job.departmentId,
        teamId: job.teamId,
        technicianId: job.technicianId,
        trade: job.trade,
        unitId: job.unitId,
        completedAt: job.completedAt,
        submittedAt: r.submittedAt,
        consent: false,
        grade: r.grade,
        nps: r.nps,
      })),
    )
    .returning({ id: responses.id });
  await db.insert(responseAnswers).values(
    inserted.flatMap(({ id }, i) => [
      { responseId: id, questionKey: 'grade', questionType: 'grade', numericValue: rows[i]!.grade },
      { responseId: id, questionKey: 'nps', questionType: 'nps', numericValue: rows[i]!.nps },
    ]),
  );
}

/** `count` of each value, in order: `{ 10: 20, 9: 19 }` → twenty 10s, nineteen 9s */
const spread = (counts: Record<number, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => Number(b) - Number(a))
    .flatMap(([value, n]) => Array<number>(n).fill(Number(value)));

/**
 * A year of 200 responses (× scale): the grades and, independently, the NPS answers. This year: 79
 * grades ≥ 8 (39.5 %), 160 ≥ 6, 40 ≤ 5, Σ 1397, Σ² 10415; 30 promoters, 78 detractors (NPS −24).
 * Last year: 63 ≥ 8 (31.5 %), 150 ≥ 6, 50 ≤ 5, Σ 1319, Σ² 9345; 22 promoters, 110 detractors (−44).
 */
const years = {
  lastYear: {
    grades: { 10: 10, 9: 13, 8: 40, 7: 50, 6: 37, 5: 30, 4: 10, 2: 10 },
    nps: { 10: 12, 9: 10, 8: 40, 7: 28, 6: 50, 3: 40, 0: 20 },
    eightPlus: 63,
    sufficient: 150,
    dissatisfied: 50,
    sum: 1319,
    sumOfSquares: 9345,
    promoters: 22,
    detractors: 110,
  },
  thisYear: {
    grades: { 10: 20, 9: 19, 8: 40, 7: 50, 6: 31, 5: 20, 4: 10, 3: 10 },
    nps: { 10: 15, 9: 15, 8: 50, 7: 42, 6: 40, 5: 28, 1: 10 },
    eightPlus: 79,
    sufficient: 160,
    dissatisfied: 40,
    sum: 1397,
    sumOfSquares: 10415,
    promoters: 30,
    detractors: 78,
  },
};
const teams: Record<'brief200' | 'brief1000' | 'small' | 'live', number> = {} as never;
const technicians: Record<'four' | 'five', number> = {} as never;

beforeAll(async () => {
  h = await startHarness();
  const db = h.ctx.db;
  admin = await signedInHeaders(h, 'admin');
  const planned = await buildDepartment(db, { name: 'Planmatig', kind: 'planned' });
  const repair = await buildDepartment(db, { name: 'Reparaties', kind: 'repair' });

  // the brief's year, 2022 then 2023, at 200 and at 1,000 responses a year
  for (const [name, scale] of [
    ['brief200', 1],
    ['brief1000', 5],
  ] as const) {
    const team = await buildTeam(db, { name, departmentId: planned.id });
    teams[name] = team.id;
    const job = await buildJob(db, { teamId: team.id, journey: 'planned', trade: 'schilder' });
    for (const [year, y] of [
      [2022, years.lastYear],
      [2023, years.thisYear],
    ] as const) {
      const gs = spread(y.grades).flatMap((g) => Array<number>(scale).fill(g));
      const ns = spread(y.nps).flatMap((n) => Array<number>(scale).fill(n));
      await respondMany(
        db,
        job,
        gs.map((grade, i) => ({
          grade,
          // the NPS answers in another order than the grades, so neither follows the other
          nps: ns[(i * 7) % ns.length]!,
          submittedAt: new Date(Date.UTC(year, 0, 1 + (i % 360), 9 + (i % 8))),
        })),
      );
    }
  }

  // the minimum n: four responses for one technician, five for another, May 2021
  const small = await buildTeam(db, { name: 'Klein', departmentId: repair.id });
  teams.small = small.id;
  for (const [which, n] of [
    ['four', 4],
    ['five', 5],
  ] as const) {
    technicians[which] = (await buildEmployee(db, { name: `Vakman ${which}`, teamId: small.id })).id;
    const job = await buildJob(db, { teamId: small.id, technicianId: technicians[which] });
    for (let i = 0; i < n; i++)
      await buildResponse(db, job, {
        grade: 6 + i,
        nps: 5 + i,
        submittedAt: new Date(Date.UTC(2021, 4, 3 + i, 10)),
      });
  }

  teams.live = (await buildTeam(db, { name: 'Live', departmentId: repair.id })).id;
}, 120_000);
afterAll(async () => h?.close());

const get = async (path: string, query: Record<string, string | number>) => {
  const res = await h.app.inject({
    method: 'GET',
    url: `/api/v1/metrics/${path}?${new URLSearchParams(query as Record<string, string>)}`,
    headers: admin,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the brief’s planned-maintenance figures, last year and this year', () => {
  for (const [team, scale] of [
    ['brief200', 1],
    ['brief1000', 5],
  ] as const) {
    const counts = (y: Omit<(typeof years)['thisYear'], 'grades' | 'nps'>) => ({
      n: 200 * scale,
      eightPlus: { successes: y.eightPlus * scale, n: 200 * scale },
      sufficient: { successes: y.sufficient * scale, n: 200 * scale },
      dissatisfied: { successes: y.dissatisfied * scale, n: 200 * scale },
      grade: { n: 200 * scale, sum: y.sum * scale, sumOfSquares: y.sumOfSquares * scale },
      nps: { n: 200 * scale, promoters: y.promoters * scale, detractors: y.detractors * scale },
    });
    const now = counts(years.thisYear);
    const before = counts(years.lastYear);

    it(`${200 * scale} a year: 31.5 % → 39.5 % 8+, NPS −44 → −24, with the changes statistics.ts computes`, async () => {
      const body = await get('overview', {
        period: 'year',
        at: '2023-06-15',
        teamId: teams[team],
        journey: 'planned',
      });
      expect(body.periods).toEqual({
        current: { from: '2023-01-01', to: '2023-12-31' },
        previous: { from: '2022-01-01', to: '2022-12-31' },
        lastYear: { from: '2022-01-01', to: '2022-12-31' },
      });
      expect(body.responses).toBe(now.n);
      const f = body.figures;

      const shares = [
        ['eightPlus', 0.395, 0.315],
        ['sufficient', 0.8, 0.75],
        ['dissatisfied', 0.2, 0.25],
      ] as const;
      for (const [name, value, was] of shares) {
        const estimate = shareWithInterval(now[name]);
        const change = shareChange({ current: now[name], previous: before[name] });
        expect(f[name]).toMatchObject({ kind: 'share', n: now.n, hidden: false });
        expect(f[name].value, name).toBeCloseTo(value, 12);
        expect(f[name].low, name).toBeCloseTo(estimate.interval.lower, 12);
        expect(f[name].high, name).toBeCloseTo(estimate.interval.upper, 12);
        // a year's previous period is last year: the change is said once, as `previous`
        expect(f[name].lastYear, name).toBeNull();
        const other = f[name].previous;
        expect(other.value, name).toBeCloseTo(was, 12);
        expect(other.n).toBe(before.n);
        expect(other.difference, name).toBeCloseTo(value - was, 12);
        expect(other.low, name).toBeCloseTo(change.interval.lower, 12);
        expect(other.high, name).toBeCloseTo(change.interval.upper, 12);
        expect(other.significant, name).toBe(change.significant);
      }
      // the brief's point: on 200 a year the 8 points of 8+ are not yet significant, on 1,000 they are
      expect(f.eightPlus.previous.significant).toBe(scale === 5);
      expect(f.eightPlus.previous.low).toBeCloseTo(scale === 5 ? 0.0381 : -0.0137, 4);
      expect(f.eightPlus.previous.high).toBeCloseTo(scale === 5 ? 0.1215 : 0.1718, 4);

      const nps = npsWithInterval(now.nps);
      const npsMove = npsChange({ current: now.nps, previous: before.nps });
      expect(f.nps).toMatchObject({ kind: 'nps', n: now.n, value: -24, hidden: false });
      expect(f.nps.low).toBeCloseTo(nps.interval.lower, 12);
      expect(f.nps.high).toBeCloseTo(nps.interval.upper, 12);
      expect(f.nps.lastYear).toBeNull();
      expect(f.nps.previous).toMatchObject({ value: -44, n: before.n, difference: 20, significant: true });
      expect(f.nps.previous.low).toBeCloseTo(npsMove.interval.lower, 12);
      expect(f.nps.previous.high).toBeCloseTo(npsMove.interval.upper, 12);
      expect(f.nps.previous.low).toBeCloseTo(scale === 5 ? 13.91 : 6.27, 2);

      const grade = meanWithInterval(now.grade);
      const gradeMove = meanChange({ current: now.grade, previous: before.grade });
      expect(f.grade).toMatchObject({ kind: 'mean', n: now.n, hidden: false });
      expect(f.grade.value).toBeCloseTo(6.985, 12);
      expect(f.grade.low).toBeCloseTo(grade.interval.lower, 12);
      expect(f.grade.high).toBeCloseTo(grade.interval.upper, 12);
      expect(f.grade.previous.value).toBeCloseTo(6.595, 12);
      expect(f.grade.previous.difference).toBeCloseTo(0.39, 12);
      expect(f.grade.previous.low).toBeCloseTo(gradeMove.interval.lower, 12);
      expect(f.grade.previous.high).toBeCloseTo(gradeMove.interval.upper, 12);
      expect(f.grade.previous.significant).toBe(gradeMove.significant);
    });
  }

  it('the breakdown by team holds the same figures per row, the trend per month adds up to them', async () => {
    const body = await get('breakdown', { period: 'year', at: '2023-06-15', by: 'team', journey: 'planned' });
    const rows = Object.fromEntries(body.rows.map((r: { key: string }) => [r.key, r]));
    expect(Object.keys(rows).sort()).toEqual([String(teams.brief200), String(teams.brief1000)].sort());
    for (const [team, n] of [
      [teams.brief200, 200],
      [teams.brief1000, 1000],
    ] as const) {
      const f = rows[String(team)].figures;
      expect(f.eightPlus).toMatchObject({ n, previous: expect.objectContaining({ n }), lastYear: null });
      expect(f.eightPlus.value).toBeCloseTo(0.395, 12);
      expect(f.eightPlus.previous.difference).toBeCloseTo(0.08, 12);
      expect(f.nps).toMatchObject({
        value: -24,
        previous: expect.objectContaining({ value: -44, difference: 20 }),
      });
    }
    const trend = await get('trend', {
      period: 'year',
      at: '2023-06-15',
      teamId: teams.brief200,
      grain: 'month',
    });
    expect(trend.points).toHaveLength(12);
    const summed = trend.points.reduce(
      (s: number, p: { figures: { grade: { n: number } } }) => s + p.figures.grade.n,
      0,
    );
    expect(summed).toBe(200);
  });
});

describe('the minimum n: a score on fewer than 5 responses is hidden, its count shown', () => {
  const may2021 = { period: 'month', at: '2021-05-15' };
  const hidden = {
    value: null,
    low: null,
    high: null,
    hidden: true,
    n: 4,
    minimumN: 5,
    previous: null,
    lastYear: null,
  };

  it('4 responses: every score hidden, n 4', async () => {
    const body = await get('overview', { ...may2021, technicianId: technicians.four });
    expect(body.responses).toBe(4);
    for (const name of ['grade', 'eightPlus', 'dissatisfied', 'sufficient', 'nps'])
      expect(body.figures[name], name).toMatchObject(hidden);
  });

  it('5 responses: shown, with the interval', async () => {
    const body = await get('overview', { ...may2021, technicianId: technicians.five });
    // grades 6…10, NPS 5…9
    expect(body.figures.grade).toMatchObject({ n: 5, value: 8, hidden: false });
    expect(body.figures.grade.low).toBeLessThan(8);
    expect(body.figures.eightPlus).toMatchObject({ n: 5, value: 0.6, hidden: false });
    expect(body.figures.dissatisfied).toMatchObject({ n: 5, value: 0, low: 0, hidden: false });
    expect(body.figures.nps).toMatchObject({ n: 5, value: 20 - 40, hidden: false });
  });

  it('a breakdown row of 4 is hidden and has no funnel flag; one of 5 is shown', async () => {
    const body = await get('breakdown', { ...may2021, teamId: teams.small, by: 'technician' });
    const rows = Object.fromEntries(body.rows.map((r: { key: string }) => [r.key, r]));
    expect(rows[String(technicians.four)]).toMatchObject({ label: 'Vakman four', responses: 4, funnel: [] });
    expect(rows[String(technicians.four)].figures.eightPlus).toMatchObject(hidden);
    expect(rows[String(technicians.five)].figures.eightPlus).toMatchObject({
      n: 5,
      value: 0.6,
      hidden: false,
    });
    expect(rows[String(technicians.five)].funnel.length).toBeGreaterThan(0);
    // the team's nine together are shown
    expect(body.reference.eightPlus).toMatchObject({ n: 9, hidden: false });
  });
});

describe('a new response counts at once, and the same once it is rolled up', () => {
  const june2020 = { period: 'month', at: '2020-06-15' };
  const week = { period: 'week', at: '2020-06-10' };
  const views = async () => ({
    month: await get('overview', { ...june2020, teamId: teams.live }),
    week: await get('overview', { ...week, teamId: teams.live }),
    trend: await get('trend', { ...june2020, teamId: teams.live, grain: 'week' }),
    byTechnician: await get('breakdown', { ...june2020, teamId: teams.live, by: 'technician' }),
    // the brief's years, from the rollups too once they exist
    brief: await get('overview', { period: 'year', at: '2023-06-15', teamId: teams.brief200 }),
  });
  const unrolled = () => h.ctx.db.$count(responses, not(responses.rolledUp));

  it('before the rollup processor ran, after the backlog rolled it up: the same figures', async () => {
    const db = h.ctx.db;
    const technician = await buildEmployee(db, { teamId: teams.live });
    const job = await buildJob(db, { teamId: teams.live, technicianId: technician.id });
    for (const grade of [7, 8, 9, 6, 10])
      await buildResponse(db, job, {
        grade,
        nps: grade,
        submittedAt: new Date(Date.UTC(2020, 5, 8 + grade, 10)),
      });
    const fromTheTable = await views();
    expect(await rollUpBacklog(db)).toBeGreaterThan(2400);
    expect(await unrolled()).toBe(0);
    const before = await views();
    expect(before).toEqual(fromTheTable);
    expect(before.month.responses).toBe(5);

    // Wednesday 10 June 2020, 23:30 in Amsterdam: not rolled up yet, in the figures at once
    await buildResponse(db, job, { grade: 3, nps: 2, submittedAt: new Date('2020-06-10T21:30:00Z') });
    expect(await unrolled()).toBe(1);
    const fresh = await views();
    expect(fresh.month.responses).toBe(6);
    expect(fresh.month.figures.grade.value).toBeCloseTo((7 + 8 + 9 + 6 + 10 + 3) / 6, 12);
    expect(fresh.week.responses).toBe(before.week.responses + 1);
    expect(fresh.byTechnician.rows[0].responses).toBe(6);

    expect(await rollUpBacklog(db)).toBe(1);
    expect(await unrolled()).toBe(0);
    expect(await views()).toEqual(fresh);
  });
});
