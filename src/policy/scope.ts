import { and, eq, exists, inArray, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { contractors, employees, jobs, responses, teamMemberships, teams, units } from '../db/schema';
import { businessToday } from '../domain/business-time/business-time';
import type { Actor } from './actor';

/**
 * Row scoping: every read goes through one of these. `undefined` means "everything";
 * an impossible condition means "nothing". Out-of-scope single rows answer 404 in the routes.
 */
const nothing = sql`false`;
const seesEverything = (actor: Actor) =>
  actor.kind !== 'user' || ['admin', 'quality', 'director', 'contact_centre'].includes(actor.role);

/** The columns a job's work is attributed by, and that a response copies from its job. */
export interface AttributionColumns {
  departmentId: AnyPgColumn | SQLWrapper;
  teamId: AnyPgColumn | SQLWrapper;
  technicianId: AnyPgColumn | SQLWrapper;
  contractorId: AnyPgColumn | SQLWrapper;
}

/**
 * Rows attributed to the actor's own work: a head the department's, a team leader the led teams',
 * a technician only their own (never a colleague's), a contractor only its own. Unknown roles: none.
 */
export function attributionScope(actor: Actor, columns: AttributionColumns): SQL | undefined {
  if (seesEverything(actor) || actor.kind !== 'user') return undefined;
  switch (actor.role) {
    case 'head':
      return actor.departmentId ? eq(columns.departmentId, actor.departmentId) : nothing;
    case 'team_leader':
      return actor.ledTeamIds.length ? inArray(columns.teamId, actor.ledTeamIds) : nothing;
    case 'employee':
      return actor.employeeId ? eq(columns.technicianId, actor.employeeId) : nothing;
    case 'contractor':
      return actor.contractorId ? eq(columns.contractorId, actor.contractorId) : nothing;
    default:
      return nothing;
  }
}

export const jobScope = (actor: Actor) => attributionScope(actor, jobs);

/**
 * Whose figures an actor may see (the dashboards, over responses or their rollups): heads, like
 * quality, directors and admins, the whole organisation; everyone else the attribution scope — a
 * team leader the led teams, a technician their own work, a contractor its own. The comparisons
 * a dashboard adds beside them (team, department) are aggregates it asks for by name
 * (src/domain/metrics/comparisons.ts), never another person's rows.
 */
export function metricScope(actor: Actor, columns: AttributionColumns): SQL | undefined {
  if (actor.kind === 'user' && actor.role === 'head') return undefined;
  return attributionScope(actor, columns);
}

/** Responses follow the attribution copied onto them from their job, as jobs do. */
export const responseScope = (actor: Actor) => attributionScope(actor, responses);

export function teamScope(actor: Actor): SQL | undefined {
  if (seesEverything(actor) || actor.kind !== 'user') return undefined;
  if (actor.role === 'contractor')
    return actor.contractorId ? eq(teams.id, pilotTeamOf(actor.contractorId)) : nothing;
  return undefined; // the organisation's structure is known to all staff
}

export function employeeScope(actor: Actor): SQL | undefined {
  if (seesEverything(actor) || actor.kind !== 'user') return undefined;
  switch (actor.role) {
    case 'head':
      return actor.departmentId ? eq(employees.departmentId, actor.departmentId) : nothing;
    case 'team_leader': {
      if (!actor.ledTeamIds.length) return actor.employeeId ? eq(employees.id, actor.employeeId) : nothing;
      const member = exists(
        sql`(select 1 from ${teamMemberships} where ${teamMemberships.employeeId} = ${employees.id} and ${inArray(teamMemberships.teamId, actor.ledTeamIds)})`,
      );
      return actor.employeeId ? or(member, eq(employees.id, actor.employeeId)) : member;
    }
    case 'employee':
      return actor.employeeId ? eq(employees.id, actor.employeeId) : nothing;
    default:
      return nothing;
  }
}

export function contractorScope(actor: Actor): SQL | undefined {
  if (actor.kind !== 'user' || actor.role !== 'contractor') return undefined;
  return actor.contractorId ? eq(contractors.id, actor.contractorId) : nothing;
}

/** Units: staff who work across the organisation see all; others only the homes of their own jobs. */
export function unitScope(actor: Actor): SQL | undefined {
  if (actor.kind !== 'user' || !['employee', 'contractor'].includes(actor.role)) return undefined;
  const own = jobScope(actor);
  return exists(sql`(select 1 from ${jobs} where ${jobs.unitId} = ${units.id} and ${own ?? sql`true`})`);
}

/**
 * Whose phone and e-mail an actor may see among the employees it can see: admin and quality all,
 * a head those of the own department (already its scope), a team leader the current members of the
 * led teams, everyone their own. Directors and contact centre see the person, not the number.
 */
export function employeeContactScope(actor: Actor): SQL | undefined {
  if (actor.kind === 'system') return undefined;
  if (actor.kind !== 'user') return nothing;
  const own = actor.employeeId ? eq(employees.id, actor.employeeId) : nothing;
  switch (actor.role) {
    case 'admin':
    case 'quality':
      return undefined;
    case 'head':
      return actor.departmentId ? or(eq(employees.departmentId, actor.departmentId), own) : own;
    case 'team_leader': {
      if (!actor.ledTeamIds.length) return own;
      const currentMember = exists(
        sql`(select 1 from ${teamMemberships} where ${teamMemberships.employeeId} = ${employees.id} and ${inArray(teamMemberships.teamId, actor.ledTeamIds)} and (${teamMemberships.validTo} is null or ${teamMemberships.validTo} >= ${businessToday}))`,
      );
      return or(currentMember, own);
    }
    default:
      return own;
  }
}

function pilotTeamOf(contractorId: number) {
  return sql`(select ${contractors.pilotTeamId} from ${contractors} where ${contractors.id} = ${contractorId})`;
}

export const combine = (...conditions: (SQL | undefined)[]) => and(...conditions.filter(Boolean));

/** Who is in a team is known to its staff; a contractor sees its pilot team, not the people in it. */
export function teamRosterScope(actor: Actor): SQL | undefined {
  return actor.kind === 'user' && actor.role === 'contractor' ? nothing : undefined;
}
