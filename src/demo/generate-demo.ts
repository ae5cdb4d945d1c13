import { Calendar } from './calendar';
import { generateContractors } from './contractors';
import { generateHousing } from './housing';
import { generateJobs } from './jobs';
import { demoVolumes, type TDemoOptions } from './options';
import { generateOrganisation } from './organisation';
import { generatePeople } from './people';
import { Random } from './random';
import { generateSurveys, type SurveyTableOptions } from './surveys';
import { generateTenants } from './tenants';

/**
 * The whole demo corporation, in memory, step by step. Every step draws from a stream forked by
 * name, so adding a step (as `surveys` was: invitations, responses) changes nothing before it.
 * Jobs are a stream of rows (see `jobs.rows()`), generated as they are loaded.
 */
export function generateDemo(options: TDemoOptions = {}) {
  const volumes = demoVolumes(options);
  const random = new Random(volumes.seed);
  const calendar = new Calendar(volumes.asOf, volumes.years);
  const org = generateOrganisation();
  const people = generatePeople({ random: random.fork('people'), org, calendar });
  const contractors = generateContractors({ random: random.fork('contractors'), org });
  const housing = generateHousing({ random: random.fork('housing'), volumes, org });
  const tenants = generateTenants({ random: random.fork('tenants'), units: housing.units, calendar });
  const world = { volumes, calendar, org, people, contractors, housing, tenants };
  const jobs = generateJobs({ ...world, random: random.fork('jobs') });
  const surveys = generateSurveys({ ...world, random: random.fork('surveys'), jobs });
  return { volumes, random, calendar, org, people, contractors, housing, tenants, jobs, surveys };
}
export type DemoDataset = ReturnType<typeof generateDemo>;

export interface DemoTable {
  table: string;
  columns: string[];
  rows: Iterable<unknown[]>;
}

/**
 * The dataset as tables in loading order (foreign keys first); ids are the generator's own.
 * `surveys` gives what only the database knows (questionnaire version ids, the install's secret).
 */
export function demoTables(d: DemoDataset, surveys: SurveyTableOptions = {}): DemoTable[] {
  return [
    {
      table: 'departments',
      columns: ['id', 'code', 'name', 'kind'],
      rows: d.org.departments.map((x) => [x.id, x.code, x.name, x.kind]),
    },
    {
      table: 'regions',
      columns: ['id', 'code', 'name'],
      rows: d.org.regions.map((x) => [x.id, x.code, x.name]),
    },
    {
      table: 'employees',
      columns: ['id', 'external_id', 'name', 'email', 'phone', 'role', 'department_id', 'trade', 'active'],
      rows: d.people.employees.map((x) => [
        x.id,
        x.externalId,
        x.name,
        x.email,
        x.phone,
        x.role,
        x.departmentId,
        x.trade,
        x.active,
      ]),
    },
    {
      table: 'teams',
      columns: ['id', 'code', 'name', 'department_id', 'region_id', 'leader_employee_id'],
      rows: d.org.teams.map((x) => [x.id, x.code, x.name, x.departmentId, x.regionId, x.leaderEmployeeId]),
    },
    {
      table: 'team_memberships',
      columns: ['id', 'employee_id', 'team_id', 'valid_from', 'valid_to'],
      rows: d.people.memberships.map((x) => [x.id, x.employeeId, x.teamId, x.validFrom, x.validTo]),
    },
    {
      table: 'contractors',
      columns: ['id', 'external_id', 'name', 'category', 'trade', 'pilot_team_id'],
      rows: d.contractors.contractors.map((x) => [
        x.id,
        x.externalId,
        x.name,
        x.category,
        x.trade,
        x.pilotTeamId,
      ]),
    },
    {
      table: 'contractor_contacts',
      columns: ['id', 'contractor_id', 'name', 'email', 'phone'],
      rows: d.contractors.contacts.map((x) => [x.id, x.contractorId, x.name, x.email, x.phone]),
    },
    {
      table: 'complexes',
      columns: ['id', 'external_id', 'name', 'city', 'team_id'],
      rows: d.housing.complexes.map((x) => [x.id, x.externalId, x.name, x.city, x.teamId]),
    },
    {
      table: 'units',
      columns: [
        'id',
        'external_id',
        'complex_id',
        'street',
        'house_number',
        'postcode',
        'city',
        'owners_association',
        'owners_association_name',
      ],
      rows: d.housing.units.map((x) => [
        x.id,
        x.externalId,
        x.complexId,
        x.street,
        x.houseNumber,
        x.postcode,
        x.city,
        x.ownersAssociationName !== null,
        x.ownersAssociationName,
      ]),
    },
    {
      table: 'tenants',
      columns: [
        'id',
        'external_id',
        'unit_id',
        'name',
        'email',
        'mobile',
        'preferred_channel',
        'opted_out',
        'opted_out_at',
        'self_opted_out_at',
      ],
      rows: d.tenants.tenants.map((x) => [
        x.id,
        x.externalId,
        x.unitId,
        x.name,
        x.email,
        x.mobile,
        x.preferredChannel,
        x.optedOutAt !== null,
        x.optedOutAt,
        x.selfOptedOutAt,
      ]),
    },
    { table: 'jobs', columns: d.jobs.columns, rows: { [Symbol.iterator]: () => d.jobs.rows() } },
    ...d.surveys.tables(surveys),
  ];
}
