import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { employees, teamMemberships, teams } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { teamRosterScope, teamScope } from '../../policy/scope';
import { selectTeams } from './list-teams';

/** One team with everyone who belonged to it over time; `null` when absent or out of scope. */
export async function getTeam({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  authorize(actor, 'masterdata.read');
  const [team] = await selectTeams(db).where(and(eq(teams.id, id), teamScope(actor)));
  if (!team) return null;
  const members = await db
    .select({
      id: employees.id,
      name: employees.name,
      role: employees.role,
      validFrom: teamMemberships.validFrom,
      validTo: teamMemberships.validTo,
    })
    .from(teamMemberships)
    .innerJoin(employees, eq(employees.id, teamMemberships.employeeId))
    .where(and(eq(teamMemberships.teamId, id), teamRosterScope(actor)))
    .orderBy(desc(teamMemberships.validFrom), asc(employees.name));
  return { ...team, members };
}
