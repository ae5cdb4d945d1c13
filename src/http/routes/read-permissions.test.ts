import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../test/factories';
import { startHarness, type TestHarness } from '../../test/harness';
import { signInWorld, type WorldActor, worldActors } from '../../test/world-actors';

/**
 * Every read endpoint, for every role and for API keys with and without the read scopes: which
 * rows each one sees in a list (by id, not just the status) and which single rows answer 404.
 */
let h: TestHarness;
let w: World;
let as: Record<Who, Record<string, string>>;
const who = worldActors;
type Who = WorldActor;

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h.ctx.db);
  as = await signInWorld(h, w);
}, 60_000);
afterAll(async () => h?.close());

const get = (actor: Who, url: string) =>
  h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as[actor] });
const idsOf = (body: { items: { id: number }[] }) => body.items.map((i) => i.id).sort((a, b) => a - b);
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
const everyone = ['admin', 'director', 'contact_centre', 'quality', 'apiRead'] as const;

/** For each list: who sees which rows (a function of the world), or a status when refused. */
function expectList(url: string, expected: Record<Who, ((w: World) => number[]) | 403>) {
  it.each(who)(`GET ${url} as %s`, async (actor) => {
    const res = await get(actor, `${url}?pageSize=200`);
    const want = expected[actor];
    if (want === 403) {
      expect(res.statusCode, res.body).toBe(403);
      return;
    }
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(idsOf(body)).toEqual(sorted(want(w)));
    expect(body.total).toBe(want(w).length);
  });
}

const allJobs = (w: World) => Object.values(w.jobs).map((j) => j.id);
const allEmployees = (w: World) =>
  [...Object.values(w.leaders), ...Object.values(w.heads), ...Object.values(w.technicians)].map((e) => e.id);
const allTeams = (w: World) => Object.values(w.teams).map((t) => t.id);
const allUnits = (w: World) => w.units.map((u) => u.id);
const same = (f: (w: World) => number[]) =>
  Object.fromEntries(everyone.map((a) => [a, f])) as Record<(typeof everyone)[number], typeof f>;

describe('GET /jobs lists only jobs in scope', () => {
  expectList('/jobs', {
    ...same(allJobs),
    head: (w) =>
      [
        w.jobs.repairNorthByJan,
        w.jobs.repairNorthByPiet,
        w.jobs.repairNorthByContractor,
        w.jobs.repairSouthByKlaas,
      ].map((j) => j.id),
    team_leader: (w) =>
      [w.jobs.repairNorthByJan, w.jobs.repairNorthByPiet, w.jobs.repairNorthByContractor].map((j) => j.id),
    employee: (w) => [w.jobs.repairNorthByJan.id],
    contractor: (w) => [w.jobs.repairNorthByContractor.id],
    apiNone: 403,
  });
});

describe('GET /employees lists only people in scope', () => {
  expectList('/employees', {
    ...same(allEmployees),
    head: (w) =>
      [
        w.heads.repair,
        w.leaders.repairNorth,
        w.leaders.repairSouth,
        w.technicians.repairNorth,
        w.technicians.repairNorth2,
        w.technicians.repairSouth,
      ].map((e) => e.id),
    team_leader: (w) =>
      [w.leaders.repairNorth, w.technicians.repairNorth, w.technicians.repairNorth2].map((e) => e.id),
    employee: (w) => [w.technicians.repairNorth.id],
    contractor: () => [],
    apiNone: 403,
  });
});

describe('GET /teams: staff see the structure, a contractor only its pilot team', () => {
  expectList('/teams', {
    ...same(allTeams),
    head: allTeams,
    team_leader: allTeams,
    employee: allTeams,
    contractor: (w) => [w.teams.repairNorth.id],
    apiNone: 403,
  });
});

describe('GET /contractors: a contractor sees only itself', () => {
  const both = (w: World) => [w.contractors.main.id, w.contractors.other.id];
  expectList('/contractors', {
    ...same(both),
    head: both,
    team_leader: both,
    employee: both,
    contractor: (w) => [w.contractors.main.id],
    apiNone: 403,
  });
});

describe('GET /units: technicians and contractors see only the homes of their own jobs', () => {
  expectList('/units', {
    ...same(allUnits),
    head: allUnits,
    team_leader: allUnits,
    employee: (w) => [w.units[0]!.id],
    contractor: (w) => [w.units[1]!.id],
    apiNone: 403,
  });
});

describe('GET /tenants: admin, contact centre and quality only', () => {
  const allTenants = (w: World) => w.tenants.map((t) => t.id);
  expectList('/tenants', {
    admin: allTenants,
    contact_centre: allTenants,
    quality: allTenants,
    apiRead: 403,
    director: 403,
    head: 403,
    team_leader: 403,
    employee: 403,
    contractor: 403,
    apiNone: 403,
  });
});

describe('GET /departments and /regions', () => {
  it.each(who)('as %s', async (actor) => {
    for (const url of ['/departments', '/regions']) {
      const res = await get(actor, url);
      expect(res.statusCode, `${url} ${res.body}`).toBe(actor === 'apiNone' ? 403 : 200);
      if (actor !== 'apiNone') expect(res.json().items.length).toBeGreaterThan(0);
    }
  });
});

/** Single rows: [actor, a row it may open, a row it may not (or null when it sees all)]. */
function expectSingle(path: string, cases: [Who, (w: World) => number, ((w: World) => number) | null][]) {
  it.each(cases)(`GET ${path}/:id as %s`, async (actor, inside, outside) => {
    const ok = await get(actor, `${path}/${inside(w)}`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().id).toBe(inside(w));
    if (outside) expect((await get(actor, `${path}/${outside(w)}`)).statusCode).toBe(404);
  });
}

describe('single rows outside the scope answer 404', () => {
  const southJob = (w: World) => w.jobs.repairSouthByKlaas.id;
  const plannedJob = (w: World) => w.jobs.plannedNorthByFatima.id;
  expectSingle('/jobs', [
    ...everyone.map((a) => [a, southJob, null] as [Who, typeof southJob, null]),
    ['head', southJob, plannedJob],
    ['team_leader', (w) => w.jobs.repairNorthByPiet.id, southJob],
    ['employee', (w) => w.jobs.repairNorthByJan.id, (w) => w.jobs.repairNorthByPiet.id],
    ['contractor', (w) => w.jobs.repairNorthByContractor.id, (w) => w.jobs.plannedSouthByOther.id],
  ]);
  expectSingle('/employees', [
    ...everyone.map(
      (a) => [a, (w: World) => w.technicians.plannedNorth.id, null] as [Who, (w: World) => number, null],
    ),
    ['head', (w) => w.technicians.repairSouth.id, (w) => w.technicians.plannedNorth.id],
    ['team_leader', (w) => w.technicians.repairNorth2.id, (w) => w.technicians.repairSouth.id],
    ['employee', (w) => w.technicians.repairNorth.id, (w) => w.technicians.repairNorth2.id],
  ]);
  expectSingle('/teams', [
    ['team_leader', (w) => w.teams.plannedSouth.id, null],
    ['contractor', (w) => w.teams.repairNorth.id, (w) => w.teams.repairSouth.id],
  ]);
  expectSingle('/contractors', [
    ['employee', (w) => w.contractors.other.id, null],
    ['contractor', (w) => w.contractors.main.id, (w) => w.contractors.other.id],
  ]);
  expectSingle('/units', [
    ['team_leader', (w) => w.units[4]!.id, null],
    ['employee', (w) => w.units[0]!.id, (w) => w.units[2]!.id],
    ['contractor', (w) => w.units[1]!.id, (w) => w.units[0]!.id],
  ]);

  it('refuses single rows to an API key without the read scope as 404', async () => {
    for (const url of [
      `/jobs/${w.jobs.repairNorthByJan.id}`,
      `/employees/${w.technicians.repairNorth.id}`,
      `/teams/${w.teams.repairNorth.id}`,
      `/units/${w.units[0]!.id}`,
      `/contractors/${w.contractors.main.id}`,
    ]) {
      expect((await get('apiNone', url)).statusCode, url).toBe(404);
    }
  });
  it('answers 404 for ids that do not exist and 400 for ids that are not ids', async () => {
    expect((await get('admin', '/jobs/999999')).statusCode).toBe(404);
    expect((await get('admin', '/teams/abc')).statusCode).toBe(400);
    expect((await get('admin', '/units/99999999999')).statusCode).toBe(400);
  });
});
