import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEmployee, buildWorld, type World } from '../../test/factories';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';

/** Search and filters of teams, employees, contractors and tenants (permissions elsewhere). */
let h: TestHarness;
let w: World;
let cookie: string;
let moved: Awaited<ReturnType<typeof buildEmployee>>;

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h.ctx.db);
  // worked in Reparatie Zuid until 2023, now in Reparatie Noord
  moved = await buildEmployee(h.ctx.db, {
    name: 'Henk Verhuisd',
    teamId: w.teams.repairSouth.id,
    validFrom: '2019-01-01',
    validTo: '2023-12-31',
  });
  await h.ctx.database.executeSql(
    `insert into team_memberships (employee_id, team_id, valid_from) values ($1, $2, '2024-01-01')`,
    [moved.id, w.teams.repairNorth.id],
  );
  cookie = (await signedInAs(h, 'admin')).cookie;
}, 60_000);
afterAll(async () => h?.close());

const get = async (url: string) => {
  const res = await h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const ids = (body: { items: { id: number }[] }) => body.items.map((i) => i.id).sort((a, b) => a - b);

describe('master data lists', () => {
  it('teams: search by name, filter by department, count current members', async () => {
    expect(ids(await get('/teams?q=zuid'))).toEqual(
      [w.teams.repairSouth.id, w.teams.plannedSouth.id].sort((a, b) => a - b),
    );
    expect(ids(await get(`/teams?departmentId=${w.departments.planned.id}`))).toEqual(
      [w.teams.plannedNorth.id, w.teams.plannedSouth.id].sort((a, b) => a - b),
    );
    const north = (await get('/teams?q=Reparatie Noord')).items[0];
    expect(north).toMatchObject({
      memberCount: 4,
      department: { id: w.departments.repair.id },
      region: { id: w.region.id },
    });
    const south = await get(`/teams/${w.teams.repairSouth.id}`);
    expect(south.memberCount).toBe(2);
    expect(south.members).toContainEqual({
      id: moved.id,
      name: moved.name,
      role: 'technician',
      validFrom: '2019-01-01',
      validTo: '2023-12-31',
    });
  });

  it('employees: current teams only, filters by team and role', async () => {
    const henk = await get(`/employees/${moved.id}`);
    expect(henk.teams).toEqual([{ id: w.teams.repairNorth.id, name: w.teams.repairNorth.name }]);
    expect(ids(await get(`/employees?teamId=${w.teams.repairSouth.id}`))).toEqual(
      [w.leaders.repairSouth.id, w.technicians.repairSouth.id].sort((a, b) => a - b),
    );
    expect(ids(await get('/employees?role=head_of_department'))).toEqual(
      [w.heads.repair.id, w.heads.planned.id].sort((a, b) => a - b),
    );
    expect(ids(await get('/employees?q=henk'))).toEqual([moved.id]);
  });

  it('contractors: search and category', async () => {
    expect(ids(await get('/contractors?category=specialist'))).toEqual([w.contractors.other.id]);
    expect(ids(await get('/contractors?q=bouwbedrijf'))).toEqual([w.contractors.main.id]);
  });

  it('tenants: search by name or e-mail, with contact data', async () => {
    const tenant = w.tenants[2]!;
    const body = await get(`/tenants?q=${encodeURIComponent(tenant.email!)}`);
    expect(body.items).toEqual([
      {
        id: tenant.id,
        externalId: tenant.externalId,
        name: tenant.name,
        email: tenant.email,
        mobile: tenant.mobile,
        preferredChannel: 'email',
        optedOut: false,
        selfOptedOutAt: null,
        erasedAt: null,
        can: { exportData: true, erase: true, optBackIn: false },
      },
    ]);
    expect((await get('/tenants?pageSize=2&page=3')).items).toHaveLength(1);
    // the unit page's tenant block asks for the tenants of one home
    expect(ids(await get(`/tenants?unitId=${w.units[3]!.id}`))).toEqual([w.tenants[3]!.id]);
  });

  it('departments and regions', async () => {
    expect((await get('/departments')).items.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'planned',
      'repair',
    ]);
    expect((await get('/regions')).items).toEqual([{ id: w.region.id, code: w.region.code, name: 'Noord' }]);
  });
});
