import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../domain/api-keys/create-api-key';
import { systemActor } from '../../policy/actor';
import { buildWorld, type World } from '../../test/factories';
import { startHarness, type TestHarness } from '../../test/harness';
import { buildResponse } from '../../test/survey-factories';
import { signInWorld, type WorldActor, worldActors } from '../../test/world-actors';

/**
 * Satisfaction targets: who may set them (head, quality, admin), a new one replacing the one in
 * force with the old kept as history, values out of range refused, and the target the overview
 * shows beside its 8+ share — the nearest one: the team's before its department's before the
 * organisation's.
 */
let h: TestHarness;
let w: World;
let as: Record<WorldActor | 'apiResponses' | 'signedOut', Record<string, string>>;

/** March 2025, repairs: Reparatie Noord 11 of 16 grades ≥ 8, Reparatie Zuid 2 of 7 */
const north = [9, 9, 8, 7, 10, 6, 8, 8, 8, 8, 8, 5, 6, 7, 8, 9];
const south = [7, 7, 6, 5, 9, 8, 4];
const march = 'period=month&at=2025-03-15&journey=repair';

beforeAll(async () => {
  h = await startHarness();
  const db = h.ctx.db;
  w = await buildWorld(db);
  const key = await createApiKey({ db, actor: systemActor('test'), name: 'bi', scopes: ['responses:read'] });
  as = {
    ...(await signInWorld(h, w)),
    apiResponses: { authorization: `Bearer ${key.token}` },
    signedOut: {},
  };
  for (const [job, grades] of [
    [w.jobs.repairNorthByJan, north],
    [w.jobs.repairSouthByKlaas, south],
  ] as const)
    for (const [i, grade] of grades.entries())
      await buildResponse(db, job, { grade, submittedAt: new Date(Date.UTC(2025, 2, 1 + i, 10)) });
}, 60_000);
afterAll(async () => h?.close());

const put = (actor: keyof typeof as, body: Record<string, unknown>) =>
  h.app.inject({
    method: 'PUT',
    url: '/api/v1/targets',
    headers: { ...as[actor], origin: h.ctx.config.publicUrl },
    payload: { year: 2025, journey: 'repair', metric: 'eight_plus', ...body },
  });
const overview = async (query = '') => {
  const res = await h.app.inject({
    method: 'GET',
    url: `/api/v1/metrics/overview?${march}${query}`,
    headers: as.admin,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const share = (grades: number[]) => grades.filter((g) => g >= 8).length / grades.length;

describe('PUT /targets', () => {
  it("a head sets the own department's and its teams' targets, not the organisation's or another department's", async () => {
    expect((await put('head', { value: 0.6 })).statusCode).toBe(403);
    expect((await put('head', { value: 0.6, departmentId: w.departments.planned.id })).statusCode).toBe(403);
    expect((await put('head', { value: 0.6, teamId: w.teams.repairSouth.id, year: 2024 })).statusCode).toBe(
      200,
    );
    const bogus = await put('admin', { value: 0.6, teamId: 999_999 });
    expect(bogus.statusCode).toBe(400);
    expect(bogus.json().issues).toEqual([{ field: 'body.teamId', message: 'no such team' }]);
  });

  it.each([...worldActors, 'apiResponses', 'signedOut'] as const)('as %s', async (actor) => {
    // the head's own department: a target heads, quality and admins may set
    const res = await put(actor, { value: 0.65, journey: 'vacancy', departmentId: w.departments.repair.id });
    const allowed = ['head', 'quality', 'admin'].includes(actor);
    expect(res.statusCode, res.body).toBe(allowed ? 200 : actor === 'signedOut' ? 401 : 403);
    if (allowed) expect(res.json()).toMatchObject({ value: 0.65, journey: 'vacancy', replacedAt: null });
  });

  it('a second target for the same year, journey, metric and subject replaces the first; GET lists both, in force first', async () => {
    const first = (await put('admin', { value: 0.6 })).json();
    const second = (await put('quality', { value: 0.7 })).json();
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/targets?year=2025',
      headers: as.team_leader,
    });
    expect(res.statusCode, res.body).toBe(200);
    const repair = res.json().items.filter((t: { journey: string }) => t.journey === 'repair');
    expect(repair.map((t: { id: number }) => t.id)).toEqual([second.id, first.id]);
    expect(repair[0]).toMatchObject({ value: 0.7, replacedAt: null, departmentId: null, teamId: null });
    expect(repair[1]).toMatchObject({ value: 0.6, replacedAt: expect.any(String) });
    expect(repair[1].setBy).not.toBe(repair[0].setBy);
  });

  it.each([
    ['eight_plus', 1.5],
    ['eight_plus', -0.1],
    ['dissatisfied', 2],
    ['grade', 11],
    ['grade', 0.5],
    ['nps', -101],
  ])('%s %d is out of range: 400 naming body.value', async (metric, value) => {
    const res = await put('admin', { metric, value });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().issues).toEqual([expect.objectContaining({ field: 'body.value' })]);
  });

  it('a target for a team and a department at once is refused', async () => {
    const res = await put('admin', {
      value: 0.6,
      teamId: w.teams.repairNorth.id,
      departmentId: w.departments.repair.id,
    });
    expect(res.statusCode, res.body).toBe(400);
  });
});

describe('the overview’s 8+ against the target in force', () => {
  it('the organisation’s for repairs: value, gap and whether it is met', async () => {
    const all = [...north, ...south];
    const body = await overview();
    expect(body.figures.eightPlus.value).toBeCloseTo(13 / 23, 12);
    expect(body.figures.eightPlus.target).toMatchObject({ value: 0.7, level: 'organisation', met: false });
    expect(body.figures.eightPlus.target.gap).toBeCloseTo(share(all) - 0.7, 12);
    // no journey, no target: repairs and planned maintenance have different ones
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/metrics/overview?period=month&at=2025-03-15',
      headers: as.admin,
    });
    expect(res.json().figures.eightPlus.target).toBeNull();
  });

  it('a team’s own target wins over the organisation’s; the department’s over the organisation’s', async () => {
    expect((await put('admin', { value: 0.6, teamId: w.teams.repairNorth.id })).statusCode).toBe(200);
    expect((await put('head', { value: 0.5, departmentId: w.departments.repair.id })).statusCode).toBe(200);

    const team = (await overview(`&teamId=${w.teams.repairNorth.id}`)).figures.eightPlus;
    expect(team.value).toBeCloseTo(11 / 16, 12);
    expect(team.target).toMatchObject({ value: 0.6, level: 'team', met: true });
    expect(team.target.gap).toBeCloseTo(11 / 16 - 0.6, 12);

    const department = (await overview(`&departmentId=${w.departments.repair.id}`)).figures.eightPlus;
    expect(department.target).toMatchObject({ value: 0.5, level: 'department', met: true });

    // unfiltered, a team leader of one team is measured against that team's target, a head the department's
    const own = async (who: 'team_leader' | 'head') =>
      (
        await h.app.inject({ method: 'GET', url: `/api/v1/metrics/overview?${march}`, headers: as[who] })
      ).json().figures.eightPlus.target;
    expect(await own('team_leader')).toMatchObject({ value: 0.6, level: 'team' });
    expect(await own('head')).toMatchObject({ value: 0.5, level: 'department' });

    // a team without a target of its own: its department's is the nearest
    const other = (await overview(`&teamId=${w.teams.repairSouth.id}`)).figures.eightPlus;
    expect(other.value).toBeCloseTo(2 / 7, 12);
    expect(other.target).toMatchObject({ value: 0.5, level: 'department', met: false });
    expect(other.target.gap).toBeCloseTo(2 / 7 - 0.5, 12);

    // the organisation's is still the one without a narrower filter
    expect((await overview()).figures.eightPlus.target).toMatchObject({ value: 0.7, level: 'organisation' });
  });

  it('a contractor’s own target; % ontevreden is met at or below its target, the grade at or above', async () => {
    expect((await put('admin', { value: 0.9, contractorId: w.contractors.main.id })).statusCode).toBe(200);
    expect((await put('quality', { metric: 'dissatisfied', value: 0.15 })).statusCode).toBe(200);
    expect((await put('quality', { metric: 'grade', value: 7.5 })).statusCode).toBe(200);
    const contractor = (await overview(`&contractorId=${w.contractors.main.id}`)).figures.eightPlus;
    expect(contractor).toMatchObject({ n: 0, hidden: true });
    expect(contractor.target).toEqual({ value: 0.9, gap: null, met: null, level: 'contractor' });

    const all = [...north, ...south];
    const { dissatisfied, grade } = (await overview()).figures;
    // 3 of 23 grades ≤ 5: 13 %, under the 15 % the sector allows
    expect(dissatisfied.value).toBeCloseTo(3 / 23, 12);
    expect(dissatisfied.target).toMatchObject({ value: 0.15, met: true, level: 'organisation' });
    expect(dissatisfied.target.gap).toBeCloseTo(3 / 23 - 0.15, 12);
    const mean = all.reduce((s, g) => s + g, 0) / all.length;
    expect(grade.target).toMatchObject({ value: 7.5, met: mean >= 7.5 });
    expect(grade.target.gap).toBeCloseTo(mean - 7.5, 12);
  });

  it('a hidden figure shows its target without a gap', async () => {
    const body = await overview(`&teamId=${w.teams.repairNorth.id}&minGrade=10`);
    expect(body.figures.eightPlus).toMatchObject({ n: 1, hidden: true });
    expect(body.figures.eightPlus.target).toEqual({ value: 0.6, gap: null, met: null, level: 'team' });
  });
});
