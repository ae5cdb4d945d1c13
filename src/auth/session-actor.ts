import { fromNodeHeaders } from 'better-auth/node';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { contractorContacts, employees, teams, users } from '../db/schema';
import type { UserActor } from '../policy/actor';

/** The signed-in user behind a session cookie, as an Actor the policy understands. */
export async function resolveSessionActor(
  request: FastifyRequest,
  ctx: AppContext,
): Promise<UserActor | null> {
  const session = await ctx.auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  if (!session) return null;
  return loadUserActor(ctx.db, session.user.id);
}

export async function loadUserActor(db: Db, userId: string): Promise<UserActor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabled) return null;
  let departmentId: number | null = null;
  let ledTeamIds: number[] = [];
  if (user.employeeId) {
    const [employee] = await db
      .select({ departmentId: employees.departmentId })
      .from(employees)
      .where(eq(employees.id, user.employeeId));
    departmentId = employee?.departmentId ?? null;
    ledTeamIds = (
      await db.select({ id: teams.id }).from(teams).where(eq(teams.leaderEmployeeId, user.employeeId))
    ).map((t) => t.id);
  }
  let contractorId: number | null = null;
  if (user.contractorContactId) {
    const [contact] = await db
      .select({ contractorId: contractorContacts.contractorId })
      .from(contractorContacts)
      .where(eq(contractorContacts.id, user.contractorContactId));
    contractorId = contact?.contractorId ?? null;
  }
  return {
    kind: 'user',
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    employeeId: user.employeeId,
    ledTeamIds,
    departmentId,
    contractorId,
    contractorContactId: user.contractorContactId,
  };
}
