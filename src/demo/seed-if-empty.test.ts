import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadUserActor } from '../auth/session-actor';
import { recordAudit } from '../domain/audit/record-audit';
import { readInstallKind } from '../domain/organisation/install-kind';
import { systemActor } from '../policy/actor';
import { buildDepartment } from '../test/factories';
import { signIn, startHarness, type TestHarness } from '../test/harness';
import { demoState } from './seed-demo';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoIfEmpty } from './seed-if-empty';

const options = { scale: 0.02, asOf: '2026-05-20' };
const log = () => {};

describe('seeding the demo organisation (small scale)', () => {
  let h: TestHarness;
  beforeAll(async () => {
    h = await startHarness();
    expect(await seedDemoIfEmpty({ ctx: h.ctx, mode: 'yes', log, options })).toEqual({ demo: true });
  }, 120_000);
  afterAll(async () => h?.close());

  const one = async (sql: string) => (await h.ctx.database.executeSql(sql)).rows[0];

  it('fills the organisation, people, contractors, housing and jobs', async () => {
    const counts = await one(`select
      (select name from organisation) as organisation,
      (select count(*)::int from teams) as teams,
      (select count(*)::int from employees where role = 'technician') as technicians,
      (select count(*)::int from contractors) as contractors,
      (select count(*)::int from units) as units,
      (select count(*)::int from units where owners_association) as vve_units,
      (select count(*)::int from tenants) as tenants,
      (select count(distinct journey)::int from jobs) as journeys,
      (select count(*)::int from jobs) as jobs`);
    expect(counts).toMatchObject({
      organisation: 'Woonstichting Voorbeeld',
      teams: 10,
      contractors: 160,
      units: 900,
      vve_units: 160,
      journeys: 3,
    });
    expect(counts.technicians).toBeGreaterThanOrEqual(100);
    expect(counts.tenants).toBeGreaterThan(850);
    expect(counts.jobs).toBeGreaterThan(4000);
  });

  it('leaves no reference dangling (PGlite loads without foreign-key triggers)', async () => {
    const orphans = await one(`select
      (select count(*)::int from jobs j where not exists (select 1 from units u where u.id = j.unit_id)) as units,
      (select count(*)::int from jobs j where j.tenant_id is not null and not exists (select 1 from tenants t where t.id = j.tenant_id)) as tenants,
      (select count(*)::int from jobs j where j.technician_id is not null and not exists (select 1 from employees e where e.id = j.technician_id)) as technicians,
      (select count(*)::int from jobs j where j.contractor_id is not null and not exists (select 1 from contractors c where c.id = j.contractor_id)) as contractors,
      (select count(*)::int from jobs j where not exists (select 1 from teams t where t.id = j.team_id)) as teams,
      (select count(*)::int from team_memberships m where not exists (select 1 from employees e where e.id = m.employee_id)) as members`);
    expect(orphans).toEqual({ units: 0, tenants: 0, technicians: 0, contractors: 0, teams: 0, members: 0 });
  });

  it('loads tenants who opted out themselves as the survey link records them', async () => {
    const tenants = await one(`select
      (select count(*)::int from tenants where self_opted_out_at is not null) as own,
      (select count(*)::int from tenants where opted_out and self_opted_out_at is null) as by_erp,
      (select count(*)::int from tenants where self_opted_out_at is not null
         and (not opted_out or opted_out_at is distinct from self_opted_out_at)) as inconsistent`);
    expect(tenants.own).toBeGreaterThan(0);
    expect(tenants.by_erp).toBeGreaterThan(0);
    expect(tenants.inconsistent).toBe(0);
  });

  it('keeps the secondary indexes and moves the id sequences past the demo rows', async () => {
    const { n } = await one(`select count(*)::int as n from pg_indexes where tablename = 'jobs'`);
    expect(n).toBeGreaterThanOrEqual(9);
    const department = await buildDepartment(h.ctx.db);
    expect(department.id).toBe(3);
  });

  it('lets every demo login sign in, linked to the right person', async () => {
    const actors = Object.fromEntries(
      await Promise.all(
        DEMO_LOGINS.map(async (l) => {
          await signIn(h, l.email, DEMO_PASSWORD);
          const { rows } = await h.ctx.database.executeSql('select id from users where email = $1', [
            l.email,
          ]);
          return [l.email.split('@')[0], await loadUserActor(h.ctx.db, rows[0].id)] as const;
        }),
      ),
    );
    expect(actors.admin?.role).toBe('admin');
    expect(actors.directeur?.role).toBe('director');
    expect(actors.kwaliteit?.role).toBe('quality');
    expect(actors.hoofd).toMatchObject({ role: 'head', departmentId: 1 });
    expect(actors.teamleider).toMatchObject({ role: 'team_leader', ledTeamIds: [1] });
    // The technician is a current member of the team leader's team and has jobs of that team.
    const vakman = actors.vakman!;
    expect(vakman.role).toBe('employee');
    const own = await one(`select count(*)::int as jobs,
        (select count(*)::int from team_memberships where employee_id = ${vakman.employeeId} and team_id = 1 and valid_to is null) as member
      from jobs where technician_id = ${vakman.employeeId} and team_id = 1`);
    expect(own.member).toBe(1);
    expect(own.jobs).toBeGreaterThan(20);
    const comaker = actors.comaker!;
    expect(comaker.role).toBe('contractor');
    const contractor = await one(
      `select category, (select count(*)::int from jobs where contractor_id = c.id) as jobs from contractors c where id = ${comaker.contractorId}`,
    );
    expect(contractor.category).toBe('main');
    expect(contractor.jobs).toBeGreaterThan(20);
  });

  it('marks the install as the demo', async () => {
    expect(await readInstallKind(h.ctx.db)).toBe('demo');
  });

  it('does not seed twice', async () => {
    expect(await demoState(h.ctx)).toBe('seeded');
    expect(await seedDemoIfEmpty({ ctx: h.ctx, mode: 'yes', log, options })).toEqual({ demo: true });
    expect((await one('select count(*)::int as n from organisation')).n).toBe(1);
  });
});

describe('when the demo is seeded', () => {
  let h: TestHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('never seeds with mode "no", nor with "auto" on a PostgreSQL server', async () => {
    expect(await seedDemoIfEmpty({ ctx: h.ctx, mode: 'no', log, options })).toEqual({ demo: false });
    if (h.ctx.database.kind === 'postgres')
      expect(await seedDemoIfEmpty({ ctx: h.ctx, mode: 'auto', log, options })).toEqual({ demo: false });
    expect(await demoState(h.ctx)).toBe('empty');
    expect(await readInstallKind(h.ctx.db)).toBeNull();
  });

  it('leaves data it did not write alone', async () => {
    await buildDepartment(h.ctx.db, { code: 'REAL', name: 'Echte afdeling' });
    const messages: string[] = [];
    expect(await seedDemoIfEmpty({ ctx: h.ctx, mode: 'yes', log: (m) => messages.push(m), options })).toEqual(
      { demo: false },
    );
    expect(messages.join()).toMatch(/not adding the demo/);
    expect(await demoState(h.ctx)).toBe('data-without-organisation');
  });

  it('clears an interrupted seeding and seeds again', async () => {
    await recordAudit({ db: h.ctx.db, actor: systemActor('demo'), action: 'demo.seed.started' });
    expect(await demoState(h.ctx)).toBe('interrupted');
    expect(await seedDemoIfEmpty({ ctx: h.ctx, mode: 'yes', log, options })).toEqual({ demo: true });
    const { rows } = await h.ctx.database.executeSql(`select code from departments order by id`);
    expect(rows.map((r) => r.code)).toEqual(['OD', 'PO']);
  }, 120_000);
});
