import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { departments, employees, regions, teamMemberships, teams } from '../../db/schema';
import { containsPattern, offsetOf, type PageRequest } from '../../lib/search-pattern';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { teamScope } from '../../policy/scope';
import { businessToday } from '../business-time/business-time';

export interface ListTeamsOptions extends PageRequest {
  db: Db;
  actor: Actor;
  q?: string;
  departmentId?: number;
}

const leader = alias(employees, 'leader');

/** A team with its department, region, leader and how many people belong to it today. */
export function selectTeams(db: Db) {
  return db
    .select({
      id: teams.id,
      code: teams.code,
      name: teams.name,
      active: teams.active,
      department: { id: departments.id, name: departments.name },
      region: { id: regions.id, name: regions.name },
      leader: { id: leader.id, name: leader.name },
      memberCount: sql<number>`(select count(*) from ${teamMemberships}
        where ${teamMemberships.teamId} = ${teams.id} and ${teamMemberships.validFrom} <= ${businessToday}
          and (${teamMemberships.validTo} is null or ${teamMemberships.validTo} >= ${businessToday}))::int`,
    })
    .from(teams)
    .innerJoin(departments, eq(departments.id, teams.departmentId))
    .leftJoin(regions, eq(regions.id, teams.regionId))
    .leftJoin(leader, eq(leader.id, teams.leaderEmployeeId));
}

export type TeamRow = Awaited<ReturnType<ReturnType<typeof selectTeams>['execute']>>[number];

export async function listTeams({ db, actor, q, departmentId, ...page }: ListTeamsOptions) {
  authorize(actor, 'masterdata.read');
  const conditions: (SQL | undefined)[] = [teamScope(actor)];
  if (q) conditions.push(or(ilike(teams.name, containsPattern(q)), ilike(teams.code, containsPattern(q))));
  if (departmentId) conditions.push(eq(teams.departmentId, departmentId));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    selectTeams(db)
      .where(where)
      .orderBy(asc(teams.name), asc(teams.id))
      .limit(page.pageSize)
      .offset(offsetOf(page)),
    db.select({ n: count() }).from(teams).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
