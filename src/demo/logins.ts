import type { Db } from '../db/client';
import type { UserRole } from '../db/schema';
import { createUser } from '../domain/users/create-user';
import { systemActor } from '../policy/actor';
import type { DemoDataset } from './generate-demo';

export const DEMO_PASSWORD = 'achtplus-demo';

/** The demo logins of DESIGN.md, plus a head of department and a quality officer. */
export const DEMO_LOGINS = [
  { email: 'admin@demo.achtplus.nl', label: 'beheerder', role: 'admin' },
  { email: 'teamleider@demo.achtplus.nl', label: 'teamleider / uitvoerder', role: 'team_leader' },
  { email: 'vakman@demo.achtplus.nl', label: 'vakman', role: 'employee' },
  { email: 'comaker@demo.achtplus.nl', label: 'comaker', role: 'contractor' },
  { email: 'directeur@demo.achtplus.nl', label: 'directeur', role: 'director' },
  { email: 'hoofd@demo.achtplus.nl', label: 'hoofd Onderhoudsdienst', role: 'head' },
  { email: 'kwaliteit@demo.achtplus.nl', label: 'kwaliteit / programmaleider', role: 'quality' },
] as const satisfies readonly { email: string; label: string; role: UserRole }[];

export type DemoLoginEmail = (typeof DEMO_LOGINS)[number]['email'];

/**
 * Who each demo login stands for: the team leader of the first repair team, that team's busiest
 * technician, a contact of the busiest main contractor, the director, the head of the repair
 * department and the quality officer.
 */
export function demoLoginLinks(
  d: DemoDataset,
): Record<DemoLoginEmail, { name: string; employeeId?: number; contractorContactId?: number }> {
  const employee = (id: number) => ({ name: d.people.employees[id - 1]!.name, employeeId: id });
  const team = d.org.teams.find((t) => t.kind === 'repair')!;
  const currentMembers = d.people.memberships
    .filter((m) => m.teamId === team.id && m.validTo === null)
    .map((m) => m.employeeId);
  const technicians = currentMembers.filter((id) => d.people.employees[id - 1]!.role === 'technician');
  const busiest = <T extends number>(ids: T[], counts: Map<number, number>) =>
    [...ids].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a - b)[0]!;
  const technicianId = busiest(technicians, d.jobs.stats.byTechnician);
  const contractorId = busiest(d.contractors.mainIds, d.jobs.stats.byContractor);
  const contact = d.contractors.contacts.find((c) => c.contractorId === contractorId)!;
  return {
    'admin@demo.achtplus.nl': { name: 'Functioneel beheer (demo)' },
    'teamleider@demo.achtplus.nl': employee(team.leaderEmployeeId!),
    'vakman@demo.achtplus.nl': employee(technicianId),
    'comaker@demo.achtplus.nl': { name: contact.name, contractorContactId: contact.id },
    'directeur@demo.achtplus.nl': employee(d.people.directorId),
    'hoofd@demo.achtplus.nl': employee(d.people.headIds.repair),
    'kwaliteit@demo.achtplus.nl': employee(d.people.qualityIds[0]!),
  };
}

/** Creates the accounts through the ordinary use case (hashing, links checked, audit logged). */
export async function createDemoLogins({ db, dataset }: { db: Db; dataset: DemoDataset }) {
  const links = demoLoginLinks(dataset);
  const actor = systemActor('demo');
  // Password hashing dominates; the hashes run in parallel on libuv's thread pool.
  await Promise.all(
    DEMO_LOGINS.map((login) =>
      createUser({
        db,
        actor,
        email: login.email,
        role: login.role,
        password: DEMO_PASSWORD,
        ...links[login.email],
      }),
    ),
  );
}
