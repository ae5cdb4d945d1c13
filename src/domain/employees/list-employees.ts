import { and, asc, count, eq, exists, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments, type EmployeeRole, employees, teamMemberships, teams } from '../../db/schema';
import { containsPattern, offsetOf, type PageRequest } from '../../lib/search-pattern';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { employeeContactScope, employeeScope } from '../../policy/scope';
import { businessToday } from '../business-time/business-time';

export interface ListEmployeesOptions extends PageRequest {
  db: Db;
  actor: Actor;
  q?: string;
  teamId?: number;
  role?: EmployeeRole;
}

const isCurrent = sql`(${teamMemberships.validTo} is null or ${teamMemberships.validTo} >= ${businessToday})`;

/**
 * An employee with department and current teams (aggregated in SQL), plus whether this actor
 * may see the phone and e-mail — decided by the policy, applied by the presenter.
 */
export function selectEmployees(db: Db, actor: Actor) {
  const contact = employeeContactScope(actor);
  return db
    .select({
      id: employees.id,
      externalId: employees.externalId,
      name: employees.name,
      role: employees.role,
      trade: employees.trade,
      active: employees.active,
      email: employees.email,
      phone: employees.phone,
      department: { id: departments.id, name: departments.name },
      teams: sql<
        { id: number; name: string }[]
      >`coalesce((select json_agg(json_build_object('id', ${teams.id}, 'name', ${teams.name}) order by ${teams.name})
        from ${teamMemberships} join ${teams} on ${teams.id} = ${teamMemberships.teamId}
        where ${teamMemberships.employeeId} = ${employees.id} and ${isCurrent}), '[]'::json)`,
      contactVisible: sql<boolean>`coalesce(${contact ?? sql`true`}, false)`,
    })
    .from(employees)
    .leftJoin(departments, eq(departments.id, employees.departmentId));
}

export type EmployeeRow = Awaited<ReturnType<ReturnType<typeof selectEmployees>['execute']>>[number];

export async function listEmployees({ db, actor, q, teamId, role, ...page }: ListEmployeesOptions) {
  authorize(actor, 'masterdata.read');
  const conditions: (SQL | undefined)[] = [employeeScope(actor)];
  if (q)
    conditions.push(
      or(ilike(employees.name, containsPattern(q)), ilike(employees.externalId, containsPattern(q))),
    );
  if (role) conditions.push(eq(employees.role, role));
  if (teamId) {
    conditions.push(
      exists(
        sql`(select 1 from ${teamMemberships} where ${teamMemberships.employeeId} = ${employees.id} and ${teamMemberships.teamId} = ${teamId} and ${isCurrent})`,
      ),
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    selectEmployees(db, actor)
      .where(where)
      .orderBy(asc(employees.name), asc(employees.id))
      .limit(page.pageSize)
      .offset(offsetOf(page)),
    db.select({ n: count() }).from(employees).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
