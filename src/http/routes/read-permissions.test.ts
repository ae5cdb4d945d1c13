import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../domain/api-keys/create-api-key';
import { systemActor } from '../../policy/actor';
import { buildWorld, type World } from '../../test/factories';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';

/**
 * Every read endpoint, for every role and for API keys with and without the read scopes: which
 * rows each one sees in a list (by id, not just the status) and which single rows answer 404.
 */
let h: TestHarness;
let w: World;
const as: Record<string, Record<string, string>> = {};
const who = [
  'admin',
  'director',
  'head',
  'team_leader',
  'employee',
  'contact_centre',
  'quality',
  'contractor',
  'apiRead',
  'apiNone',
] as const;
type Who = (typeof who)[number];

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h.ctx.db);
  const cookie = async (
    ...args: Parameters<typeof signedInAs> extends [unknown, ...infer R] ? R : never
  ) => ({ cookie: (await signedInAs(h, ...args)).cookie });
  as.admin = await cookie('admin');
  as.director = await cookie('director');
  as.head = await cookie('head', { employeeId: w.heads.repair.id });
  as.team_leader = await cookie('team_leader', { employeeId: w.leaders.repairNorth.id });
  as.employee = await cookie('employee', { employeeId: w.technicians.repairNorth.id });
  as.contact_centre = await cookie('contact_centre');
  as.quality = await cookie('quality');
  as.contractor = await cookie('contractor', { contractorContactId: w.contractors.main.contact.id });
  const key = async (scopes: ('jobs:read' | 'masterdata:read' | 'jobs:write')[]) => ({
    authorization: `Bearer ${(await createApiKey({ db: h.ctx.db, actor: systemActor('test'), name: 'erp', scopes })).token}`,
  });
  as.apiRead = await key(['jobs:read', 'masterdata:read']);
  as.apiNone = await key(['jobs:write']);
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
    apiRead: allTenants,
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

describe('what leaves the server', () => {
  const mayContactTenants: Who[] = [
    'admin',
    'director',
    'head',
    'team_leader',
    'employee',
    'contact_centre',
    'quality',
  ];

  it.each(who.filter((a) => a !== 'apiNone'))(
    'job detail as %s shows the tenant name only to those who may contact tenants',
    async (actor) => {
      const job = actor === 'contractor' ? w.jobs.repairNorthByContractor : w.jobs.repairNorthByJan;
      const res = await get(actor, `/jobs/${job.id}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.tenant).toEqual(
        mayContactTenants.includes(actor) ? { id: job.tenantId, name: expect.any(String) } : null,
      );
      expect(body.unit.id).toBe(job.unitId);
      expect(body.department.id).toBe(w.departments.repair.id);
    },
  );

  it('never sends a tenant name or contact data to a contractor, in any read', async () => {
    const tenantNames = w.tenants.map((t) => t.name);
    const tenantEmails = w.tenants.map((t) => t.email);
    const urls = [
      '/jobs?pageSize=200',
      `/jobs/${w.jobs.repairNorthByContractor.id}`,
      `/jobs/${w.jobs.repairNorthByContractor.id}/tenant-contact`,
      '/units?pageSize=200',
      `/units/${w.units[1]!.id}`,
      '/tenants',
      '/teams?pageSize=200',
      `/teams/${w.teams.repairNorth.id}`,
      '/contractors',
      `/contractors/${w.contractors.main.id}`,
      '/employees',
    ];
    for (const url of urls) {
      const body = (await get('contractor', url)).body;
      for (const secret of [...tenantNames, ...tenantEmails]) expect(body, url).not.toContain(secret);
    }
  });

  it.each(who)('tenant contact as %s: own scope only, never contractors, always audited', async (actor) => {
    const inScope = {
      head: w.jobs.repairSouthByKlaas,
      team_leader: w.jobs.repairNorthByPiet,
      employee: w.jobs.repairNorthByJan,
    } as Record<string, World['jobs'][keyof World['jobs']]>;
    const job = inScope[actor] ?? w.jobs.repairNorthByContractor;
    const res = await get(actor, `/jobs/${job.id}/tenant-contact`);
    if (!mayContactTenants.includes(actor)) {
      expect(res.statusCode, res.body).toBe(404);
      return;
    }
    expect(res.statusCode, res.body).toBe(200);
    const tenant = w.tenants.find((t) => t.id === job.tenantId)!;
    expect(res.json()).toMatchObject({
      name: tenant.name,
      email: tenant.email,
      mobile: tenant.mobile,
      preferredChannel: 'email',
    });
    const audit = await h.ctx.database.executeSql(
      `select subject_id, details from audit_log where action = 'tenant_contact.opened' order by id desc limit 1`,
    );
    expect(audit.rows[0]).toMatchObject({ subject_id: String(tenant.id), details: { jobId: job.id } });
  });

  it('refuses tenant contact outside the scope with 404 and audits nothing', async () => {
    const before = await h.ctx.database.executeSql(
      `select count(*)::int as n from audit_log where action = 'tenant_contact.opened'`,
    );
    expect(
      (await get('team_leader', `/jobs/${w.jobs.repairSouthByKlaas.id}/tenant-contact`)).statusCode,
    ).toBe(404);
    expect((await get('employee', `/jobs/${w.jobs.repairNorthByPiet.id}/tenant-contact`)).statusCode).toBe(
      404,
    );
    expect((await get('head', `/jobs/${w.jobs.plannedNorthByFatima.id}/tenant-contact`)).statusCode).toBe(
      404,
    );
    const after = await h.ctx.database.executeSql(
      `select count(*)::int as n from audit_log where action = 'tenant_contact.opened'`,
    );
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it.each([
    ['admin', true],
    ['quality', true],
    ['head', true],
    ['team_leader', true],
    ['employee', true],
    ['director', false],
    ['contact_centre', false],
    ['apiRead', false],
  ] as [Who, boolean][])("employee detail as %s shows Jan's phone and e-mail: %s", async (actor, visible) => {
    const jan = w.technicians.repairNorth;
    const body = (await get(actor, `/employees/${jan.id}`)).json();
    expect(body.name).toBe(jan.name);
    expect(body.teams).toEqual([{ id: w.teams.repairNorth.id, name: w.teams.repairNorth.name }]);
    if (visible) expect(body).toMatchObject({ email: jan.email, phone: jan.phone });
    else expect(body).not.toHaveProperty('phone');
  });

  it('a team leader does not see the phone of a colleague in another team, nor do lists carry phones', async () => {
    const res = await get('head', `/employees?pageSize=200`);
    expect(res.body).not.toContain(w.technicians.repairNorth.phone!);
    const leader = await get('team_leader', `/employees/${w.leaders.repairSouth.id}`);
    expect(leader.statusCode).toBe(404);
  });

  it('unit detail lists only the recent jobs the reader may see', async () => {
    const unit = w.units[1]!; // Piet's job and the contractor's job
    const asLeader = (await get('team_leader', `/units/${unit.id}`)).json();
    expect(asLeader.recentJobs.map((j: { id: number }) => j.id).sort()).toEqual(
      sorted([w.jobs.repairNorthByPiet.id, w.jobs.repairNorthByContractor.id]),
    );
    const asContractor = (await get('contractor', `/units/${unit.id}`)).json();
    expect(asContractor.recentJobs.map((j: { id: number }) => j.id)).toEqual([
      w.jobs.repairNorthByContractor.id,
    ]);
  });

  it('team detail lists the members over time', async () => {
    const body = (await get('employee', `/teams/${w.teams.repairNorth.id}`)).json();
    expect(body.leader).toEqual({ id: w.leaders.repairNorth.id, name: w.leaders.repairNorth.name });
    expect(body.memberCount).toBe(3);
    expect(body.members.map((m: { id: number }) => m.id).sort()).toEqual(
      sorted([w.leaders.repairNorth.id, w.technicians.repairNorth.id, w.technicians.repairNorth2.id]),
    );
    expect(body.members[0]).toMatchObject({ validFrom: '2020-01-01', validTo: null });
  });

  it('contractor detail carries its contact persons', async () => {
    const body = (await get('admin', `/contractors/${w.contractors.main.id}`)).json();
    expect(body.contacts).toEqual([
      expect.objectContaining({ id: w.contractors.main.contact.id, email: w.contractors.main.contact.email }),
    ]);
    expect(body.pilotTeam).toEqual({ id: w.teams.repairNorth.id, name: w.teams.repairNorth.name });
  });

  it('answers 401 without credentials on every read endpoint', async () => {
    for (const url of [
      '/jobs',
      '/teams',
      '/employees',
      '/contractors',
      '/units',
      '/tenants',
      '/departments',
      '/regions',
      `/jobs/${w.jobs.repairNorthByJan.id}/tenant-contact`,
    ]) {
      expect((await h.app.inject({ method: 'GET', url: `/api/v1${url}` })).statusCode, url).toBe(401);
    }
  });
});
