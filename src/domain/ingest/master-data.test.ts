import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractorContacts, employees, teamMemberships, teams, tenants, units } from '../../db/schema';
import { systemActor } from '../../policy/actor';
import { buildDepartment } from '../../test/factories';
import { startHarness, type TestHarness } from '../../test/harness';
import { ingestRows } from './ingest-rows';
import { ingestKinds } from './kinds';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
const actor = systemActor('test');
const ingest = (kind: keyof typeof ingestKinds, raw: unknown[]) =>
  ingestRows({
    db: h.ctx.db,
    actor,
    kind: ingestKinds[kind],
    rows: raw.map((r) => ingestKinds[kind].schema.parse(r)),
  });

describe('master data upserts', () => {
  it('teams, employees with membership over time, leaders, complexes, units, tenants, contractors', async () => {
    const dep = await buildDepartment(h.ctx.db, { code: 'OD' });
    const twoTeams = [
      { code: 'MD-N', name: 'Noord', departmentCode: dep.code },
      { code: 'MD-Z', name: 'Zuid', departmentCode: dep.code },
    ];
    expect(await ingest('teams', twoTeams)).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    const piet = { externalId: 'MD-E1', name: 'Piet', role: 'vakman', teamCode: 'MD-N' };
    expect(await ingest('employees', [piet])).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(await ingest('employees', [piet])).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    // moving team: the employee row is the same, the membership changes
    expect(await ingest('employees', [{ ...piet, teamCode: 'MD-Z' }])).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 0,
    });
    const [e] = await h.ctx.db.select().from(employees).where(eq(employees.externalId, 'MD-E1'));
    expect(e!.departmentId).toBe(dep.id);
    const memberships = await h.ctx.db
      .select()
      .from(teamMemberships)
      .where(eq(teamMemberships.employeeId, e!.id));
    expect(memberships).toHaveLength(2);
    expect(memberships.filter((m) => m.validTo === null)).toHaveLength(1);

    expect(await ingest('teams', [{ ...twoTeams[0], leaderExternalId: 'MD-E1' }])).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 0,
    });
    const [noord] = await h.ctx.db.select().from(teams).where(eq(teams.code, 'MD-N'));
    expect(noord!.leaderEmployeeId).toBe(e!.id);

    await ingest('complexes', [
      { externalId: 'MD-C1', name: 'De Linden', city: 'Utrecht', teamCode: 'MD-Z' },
    ]);
    const unit = {
      externalId: 'MD-U1',
      complexExternalId: 'MD-C1',
      street: 'Lindelaan',
      houseNumber: '12a',
      postcode: '3511ab',
      city: 'Utrecht',
      ownersAssociation: 'ja',
    };
    expect(await ingest('units', [unit])).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(await ingest('units', [unit])).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    const [u] = await h.ctx.db.select().from(units).where(eq(units.externalId, 'MD-U1'));
    expect(u).toMatchObject({ postcode: '3511 AB', ownersAssociation: true });

    const tenant = {
      externalId: 'MD-T1',
      unitExternalId: 'MD-U1',
      name: 'Fam. Jansen',
      email: 'jansen@example.invalid',
      optedOut: 'nee',
    };
    await ingest('tenants', [tenant]);
    expect(await ingest('tenants', [{ ...tenant, optedOut: true }])).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 0,
    });
    expect(await ingest('tenants', [{ ...tenant, optedOut: true }])).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
    const [t] = await h.ctx.db.select().from(tenants).where(eq(tenants.externalId, 'MD-T1'));
    expect(t!.optedOutAt).toBeInstanceOf(Date);

    const contractor = {
      externalId: 'MD-K1',
      name: 'Bouw B.V.',
      category: 'main',
      contacts: [{ name: 'An', email: 'an@example.invalid' }],
    };
    expect(await ingest('contractors', [contractor])).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(await ingest('contractors', [contractor])).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    const more = {
      ...contractor,
      contacts: [...contractor.contacts, { name: 'Bo', email: 'bo@example.invalid' }],
    };
    expect(await ingest('contractors', [more])).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await h.ctx.db.select().from(contractorContacts)).toHaveLength(2);
  });

  it('names an unknown department and writes nothing', async () => {
    const err = await ingest('teams', [{ code: 'X1', name: 'X', departmentCode: 'NOPE' }]).catch((e) => e);
    expect(err.problems).toEqual([
      { index: 0, field: 'departmentCode', message: 'unknown department "NOPE"' },
    ]);
    expect(await h.ctx.db.select().from(teams).where(eq(teams.code, 'X1'))).toHaveLength(0);
  });
});
