import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from './factories';
import { startHarness, type TestHarness } from './harness';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('buildWorld', () => {
  it('builds two departments with led teams, and a second world beside the first', async () => {
    const world = await buildWorld(h.ctx.db);
    expect(world.teams.repairNorth.departmentId).toBe(world.departments.repair.id);
    expect(world.teams.repairNorth.leaderEmployeeId).toBe(world.leaders.repairNorth.id);
    expect(world.jobs.repairSouthByKlaas.departmentId).toBe(world.departments.repair.id);
    expect(world.jobs.plannedNorthByFatima.departmentId).toBe(world.departments.planned.id);
    expect(world.contractors.main.contact.contractorId).toBe(world.contractors.main.id);
    const again = await buildWorld(h.ctx.db);
    expect(again.jobs.repairNorthByJan.id).not.toBe(world.jobs.repairNorthByJan.id);
  });
});
