import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { departments, teamMemberships, teams } from '../../db/schema';
import { systemActor } from '../../policy/actor';
import { businessToday } from '../business-time/business-time';
import { emptySums, type ResponseFigures, responseFigures } from './figures';
import type { MetricRequest } from './metric-request';
import { responseSums } from './sums';

export interface Comparison {
  level: 'team' | 'department' | 'organisation';
  id: number | null;
  name: string;
  figures: ResponseFigures;
}

/**
 * The aggregates an actor sees beside its own figures (never another person's rows): a technician
 * the own team and department, a team leader and a head the department, and everyone on staff the
 * organisation; a contractor none. The same period, journey and trade as the figures they sit by.
 */
export async function comparisonsFor(req: MetricRequest): Promise<Comparison[]> {
  const { db, actor, filters } = req;
  if (actor.kind !== 'user' || actor.role === 'contractor') return [];
  const wanted: Array<Omit<Comparison, 'figures'>> = [];
  if (actor.role === 'employee' && actor.employeeId) {
    const own = await db
      .select({ id: teams.id, name: teams.name })
      .from(teamMemberships)
      .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
      .where(
        and(
          eq(teamMemberships.employeeId, actor.employeeId),
          lte(teamMemberships.validFrom, sql`${businessToday}`),
          or(isNull(teamMemberships.validTo), gte(teamMemberships.validTo, sql`${businessToday}`)),
        ),
      );
    for (const t of own) wanted.push({ level: 'team', id: t.id, name: t.name });
  }
  if (['employee', 'team_leader', 'head'].includes(actor.role) && actor.departmentId) {
    const [d] = await db
      .select({ name: departments.name })
      .from(departments)
      .where(eq(departments.id, actor.departmentId));
    if (d) wanted.push({ level: 'department', id: actor.departmentId, name: d.name });
  }
  wanted.push({ level: 'organisation', id: null, name: 'organisation' });
  const system = systemActor('dashboard comparison');
  const shared = { journey: filters.journey, trade: filters.trade };
  return Promise.all(
    wanted.map(async (w) => {
      const narrowed =
        w.level === 'team'
          ? { ...shared, teamId: w.id! }
          : w.level === 'department'
            ? { ...shared, departmentId: w.id! }
            : shared;
      const [sums] = await responseSums({ db, actor: system, period: req.period, filters: narrowed });
      return { ...w, figures: responseFigures(sums ?? emptySums, { minimumN: req.minimumN }) };
    }),
  );
}
