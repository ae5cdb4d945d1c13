import { userRoles } from '../contracts/people';
import { createApiKey } from '../domain/api-keys/create-api-key';
import { systemActor } from '../policy/actor';
import type { World } from './factories';
import { signedInAs, type TestHarness } from './harness';

/** Everyone a permission test asks as: each role, plus API keys with and without the read scopes. */
export const worldActors = [...userRoles, 'apiRead', 'apiNone'] as const;
export type WorldActor = (typeof worldActors)[number];

/**
 * Request headers per actor of a `buildWorld` world: the head of repairs, the leader of Reparatie
 * Noord, its technician Jan, the contact of the main contractor; admin, director, contact centre
 * and quality unlinked.
 */
export async function signInWorld(
  h: TestHarness,
  w: World,
): Promise<Record<WorldActor, Record<string, string>>> {
  const cookie = async (
    ...args: Parameters<typeof signedInAs> extends [unknown, ...infer R] ? R : never
  ) => ({
    cookie: (await signedInAs(h, ...args)).cookie,
  });
  const key = async (scopes: ('jobs:read' | 'masterdata:read' | 'jobs:write')[]) => ({
    authorization: `Bearer ${(await createApiKey({ db: h.ctx.db, actor: systemActor('test'), name: 'erp', scopes })).token}`,
  });
  return {
    admin: await cookie('admin'),
    director: await cookie('director'),
    head: await cookie('head', { employeeId: w.heads.repair.id }),
    team_leader: await cookie('team_leader', { employeeId: w.leaders.repairNorth.id }),
    employee: await cookie('employee', { employeeId: w.technicians.repairNorth.id }),
    contact_centre: await cookie('contact_centre'),
    quality: await cookie('quality'),
    contractor: await cookie('contractor', { contractorContactId: w.contractors.main.contact.id }),
    apiRead: await key(['jobs:read', 'masterdata:read']),
    apiNone: await key(['jobs:write']),
  };
}
