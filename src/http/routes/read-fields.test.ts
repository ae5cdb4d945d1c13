import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../test/factories';
import { startHarness, type TestHarness } from '../../test/harness';
import { signInWorld, type WorldActor, worldActors } from '../../test/world-actors';

/**
 * Which fields reach whom: tenant names and contact data, employees' phone and e-mail, the
 * audit of opened tenant contact data, and what detail pages add to the list items.
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
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

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
      // the job says what the reader may do with it, so the page shows only buttons that work
      expect(body.can).toEqual({
        readTenantContact: mayContactTenants.includes(actor),
        readSurvey: actor !== 'apiRead',
      });
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

describe('listing tenants', () => {
  it('writes who saw which tenants’ contact data to the audit log', async () => {
    const res = await get('admin', '/tenants?pageSize=2');
    expect(res.statusCode, res.body).toBe(200);
    const shown = res.json().items.map((t: { id: number }) => t.id);
    const audit = await h.ctx.database.executeSql(
      `select details from audit_log where action = 'tenant_contact.listed' order by id desc limit 1`,
    );
    expect(audit.rows[0].details.tenantIds).toEqual(shown);
  });
});

describe('a contractor on its pilot team', () => {
  it('sees the team, not the people in it', async () => {
    const res = await get('contractor', `/teams/${w.teams.repairNorth.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().members).toEqual([]);
  });
});
