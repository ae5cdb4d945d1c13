import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  complexes,
  contractorContacts,
  contractors,
  departments,
  employees,
  jobs,
  regions,
  teamMemberships,
  teams,
  tenants,
  units,
} from '../db/schema';

/**
 * Factories for tests: each inserts one row with unique, believable defaults and returns it.
 * Nullable references stay null unless given; required ones are built on the fly.
 */
let sequence = 0;
const next = () => ++sequence;

type Insert<T extends { $inferInsert: unknown }> = Partial<T['$inferInsert']>;

export async function buildDepartment(db: Db, overrides: Insert<typeof departments> = {}) {
  const n = next();
  const [row] = await db
    .insert(departments)
    .values({ code: `DEP${n}`, name: `Afdeling ${n}`, kind: 'repair', ...overrides })
    .returning();
  return row!;
}

export async function buildRegion(db: Db, overrides: Insert<typeof regions> = {}) {
  const n = next();
  const [row] = await db
    .insert(regions)
    .values({ code: `REG${n}`, name: `Regio ${n}`, ...overrides })
    .returning();
  return row!;
}

export async function buildTeam(db: Db, overrides: Insert<typeof teams> = {}) {
  const n = next();
  const departmentId = overrides.departmentId ?? (await buildDepartment(db)).id;
  const [row] = await db
    .insert(teams)
    .values({ code: `TEAM${n}`, name: `Regioteam ${n}`, ...overrides, departmentId })
    .returning();
  return row!;
}

/** An employee; with `teamId` also a team membership from `validFrom` (default 2020-01-01). */
export async function buildEmployee(
  db: Db,
  overrides: Insert<typeof employees> & { teamId?: number; validFrom?: string; validTo?: string | null } = {},
) {
  const { teamId, validFrom, validTo, ...fields } = overrides;
  const n = next();
  let departmentId = fields.departmentId;
  if (departmentId === undefined && teamId) departmentId = await departmentOfTeam(db, teamId);
  const [row] = await db
    .insert(employees)
    .values({
      externalId: `EMP${n}`,
      name: `Medewerker ${n}`,
      email: `medewerker${n}@example.invalid`,
      phone: `06-0000${String(n).padStart(4, '0')}`,
      role: 'technician',
      trade: 'timmerman',
      ...fields,
      departmentId: departmentId ?? null,
    })
    .returning();
  if (teamId) {
    await db.insert(teamMemberships).values({
      employeeId: row!.id,
      teamId,
      validFrom: validFrom ?? '2020-01-01',
      validTo: validTo ?? null,
    });
  }
  return row!;
}

/** A contractor with one contact person (returned as `contact`). */
export async function buildContractor(db: Db, overrides: Insert<typeof contractors> = {}) {
  const n = next();
  const [row] = await db
    .insert(contractors)
    .values({
      externalId: `CON${n}`,
      name: `Comaker ${n} B.V.`,
      category: 'main',
      trade: 'installatie',
      ...overrides,
    })
    .returning();
  const contact = await buildContractorContact(db, { contractorId: row!.id });
  return { ...row!, contact };
}

export async function buildContractorContact(
  db: Db,
  overrides: Insert<typeof contractorContacts> & { contractorId: number },
) {
  const n = next();
  const [row] = await db
    .insert(contractorContacts)
    .values({
      name: `Contactpersoon ${n}`,
      email: `contact${n}@example.invalid`,
      phone: `010-000${n}`,
      ...overrides,
    })
    .returning();
  return row!;
}

export async function buildComplex(db: Db, overrides: Insert<typeof complexes> = {}) {
  const n = next();
  const [row] = await db
    .insert(complexes)
    .values({ externalId: `CPX${n}`, name: `Complex ${n}`, city: 'Zwolle', ...overrides })
    .returning();
  return row!;
}

export async function buildUnit(db: Db, overrides: Insert<typeof units> = {}) {
  const n = next();
  const [row] = await db
    .insert(units)
    .values({
      externalId: `VHE${n}`,
      street: 'Voorbeeldstraat',
      houseNumber: String(n),
      postcode: `${1000 + (n % 9000)} AB`,
      city: 'Zwolle',
      ...overrides,
    })
    .returning();
  return row!;
}

export async function buildTenant(db: Db, overrides: Insert<typeof tenants> = {}) {
  const n = next();
  const [row] = await db
    .insert(tenants)
    .values({
      externalId: `HUU${n}`,
      name: `Huurder ${n}`,
      email: `huurder${n}@example.invalid`,
      mobile: `06-1000${String(n).padStart(4, '0')}`,
      preferredChannel: 'email',
      ...overrides,
    })
    .returning();
  return row!;
}

/** A completed repair job; the department follows the team when not given. */
export async function buildJob(db: Db, overrides: Insert<typeof jobs> = {}) {
  const n = next();
  let departmentId = overrides.departmentId;
  if (departmentId === undefined && overrides.teamId)
    departmentId = await departmentOfTeam(db, overrides.teamId);
  const completed = overrides.status === undefined || overrides.status === 'completed';
  const [row] = await db
    .insert(jobs)
    .values({
      externalId: `JOB${n}`,
      journey: 'repair',
      trade: 'timmerman',
      description: `Klus ${n}`,
      status: 'completed',
      reportingChannel: 'phone',
      reportedAt: new Date('2024-03-01T09:00:00Z'),
      appointmentAt: new Date('2024-03-04T08:00:00Z'),
      completedAt: completed ? new Date(Date.UTC(2024, 2, 4, 10, 0) + n * 60_000) : null,
      ...overrides,
      departmentId: departmentId ?? null,
    })
    .returning();
  return row!;
}

async function departmentOfTeam(db: Db, teamId: number) {
  const [team] = await db
    .select({ departmentId: teams.departmentId })
    .from(teams)
    .where(eq(teams.id, teamId));
  return team?.departmentId;
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * A small organisation for permission tests: two departments with two teams each (each team a
 * leader and technicians), a head per department, two contractors (each with a contact),
 * units with tenants, and jobs spread over all of them. Handles are named after who they are.
 */
export async function buildWorld(db: Db) {
  const repair = await buildDepartment(db, { name: 'Onderhoudsdienst', kind: 'repair' });
  const planned = await buildDepartment(db, { name: 'Planmatig Onderhoud', kind: 'planned' });
  const region = await buildRegion(db, { name: 'Noord' });

  const makeTeam = async (name: string, departmentId: number) => {
    const team = await buildTeam(db, { name, departmentId, regionId: region.id });
    const leader = await buildEmployee(db, { name: `Leider ${name}`, role: 'team_leader', teamId: team.id });
    await db.update(teams).set({ leaderEmployeeId: leader.id }).where(eq(teams.id, team.id));
    return { team: { ...team, leaderEmployeeId: leader.id }, leader };
  };
  const repairNorth = await makeTeam('Reparatie Noord', repair.id);
  const repairSouth = await makeTeam('Reparatie Zuid', repair.id);
  const plannedNorth = await makeTeam('Planmatig Noord', planned.id);
  const plannedSouth = await makeTeam('Planmatig Zuid', planned.id);

  const heads = {
    repair: await buildEmployee(db, {
      name: 'Hoofd Onderhoudsdienst',
      role: 'head_of_department',
      departmentId: repair.id,
    }),
    planned: await buildEmployee(db, {
      name: 'Hoofd Planmatig',
      role: 'head_of_department',
      departmentId: planned.id,
    }),
  };
  const technicians = {
    repairNorth: await buildEmployee(db, { name: 'Jan Vakman', teamId: repairNorth.team.id }),
    repairNorth2: await buildEmployee(db, { name: 'Piet Vakman', teamId: repairNorth.team.id }),
    repairSouth: await buildEmployee(db, { name: 'Klaas Vakman', teamId: repairSouth.team.id }),
    plannedNorth: await buildEmployee(db, { name: 'Fatima Vakvrouw', teamId: plannedNorth.team.id }),
  };
  const contractorsOf = {
    main: await buildContractor(db, {
      name: 'Bouwbedrijf Hoofd B.V.',
      category: 'main',
      pilotTeamId: repairNorth.team.id,
    }),
    other: await buildContractor(db, { name: 'Schilder Anders', category: 'specialist' }),
  };

  const complex = await buildComplex(db, { name: 'De Horst', teamId: plannedNorth.team.id });
  const unitList = await Promise.all(
    [0, 1, 2, 3, 4].map((i) =>
      buildUnit(db, { complexId: i < 2 ? complex.id : null, street: `Straat ${i}` }),
    ),
  );
  const tenantList: Awaited<ReturnType<typeof buildTenant>>[] = [];
  for (const unit of unitList) tenantList.push(await buildTenant(db, { unitId: unit.id }));

  const job = (teamId: number, unit: number, more: Insert<typeof jobs> = {}) =>
    buildJob(db, { teamId, unitId: unitList[unit]!.id, tenantId: tenantList[unit]!.id, ...more });
  const jobsOf = {
    repairNorthByJan: await job(repairNorth.team.id, 0, { technicianId: technicians.repairNorth.id }),
    repairNorthByPiet: await job(repairNorth.team.id, 1, {
      technicianId: technicians.repairNorth2.id,
      status: 'planned',
    }),
    repairNorthByContractor: await job(repairNorth.team.id, 1, { contractorId: contractorsOf.main.id }),
    repairSouthByKlaas: await job(repairSouth.team.id, 2, { technicianId: technicians.repairSouth.id }),
    plannedNorthByFatima: await job(plannedNorth.team.id, 3, {
      technicianId: technicians.plannedNorth.id,
      journey: 'planned',
    }),
    plannedSouthByOther: await job(plannedSouth.team.id, 4, {
      contractorId: contractorsOf.other.id,
      journey: 'planned',
    }),
  };

  return {
    departments: { repair, planned },
    region,
    teams: {
      repairNorth: repairNorth.team,
      repairSouth: repairSouth.team,
      plannedNorth: plannedNorth.team,
      plannedSouth: plannedSouth.team,
    },
    leaders: {
      repairNorth: repairNorth.leader,
      repairSouth: repairSouth.leader,
      plannedNorth: plannedNorth.leader,
      plannedSouth: plannedSouth.leader,
    },
    heads,
    technicians,
    contractors: contractorsOf,
    complex,
    units: unitList,
    tenants: tenantList,
    jobs: jobsOf,
  };
}
