import { and, count, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions, type UserRole, users } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { recordAudit } from '../audit/record-audit';
import { badRequest, notFound } from '../errors';
import { checkUserLinks } from './check-user-links';

export interface UpdateUserOptions {
  db: Db;
  actor: Actor;
  id: string;
  changes: {
    name?: string;
    role?: UserRole;
    employeeId?: number | null;
    contractorContactId?: number | null;
    disabled?: boolean;
  };
}

/**
 * An admin changes an account. Role changes and (en|dis)abling are audited with old and new
 * values; disabling ends the account's sessions at once. The last active admin cannot be
 * demoted or disabled, so an install never locks itself out.
 */
export async function updateUser({ db, actor, id, changes }: UpdateUserOptions) {
  authorize(actor, 'user.manage');
  const [before] = await db.select().from(users).where(eq(users.id, id));
  if (!before) throw notFound('No such user');
  await checkUserLinks(db, changes);

  const losesAdmin =
    before.role === 'admin' &&
    !before.disabled &&
    ((changes.role && changes.role !== 'admin') || changes.disabled === true);
  if (losesAdmin) {
    const [others] = await db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, id)));
    if (!others?.n)
      throw badRequest('This is the last active admin: make someone else admin first.', {
        issues: [{ field: changes.disabled ? 'body.disabled' : 'body.role', message: 'last active admin' }],
      });
  }

  const after = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    if (changes.disabled === true) await tx.delete(sessions).where(eq(sessions.userId, id));
    return row!;
  });

  const audit = (action: string, details: Record<string, unknown>) =>
    recordAudit({
      db,
      actor,
      action,
      subjectType: 'user',
      subjectId: id,
      details: { email: before.email, ...details },
    });
  if (after.role !== before.role)
    await audit('user.role_changed', { oldRole: before.role, newRole: after.role });
  if (after.disabled !== before.disabled) await audit(after.disabled ? 'user.disabled' : 'user.enabled', {});
  const linksChanged =
    after.employeeId !== before.employeeId || after.contractorContactId !== before.contractorContactId;
  if (linksChanged) {
    // the links decide which rows the account sees, so they are permission changes too
    await audit('user.links_changed', {
      old: { employeeId: before.employeeId, contractorContactId: before.contractorContactId },
      new: { employeeId: after.employeeId, contractorContactId: after.contractorContactId },
    });
  }
  return after;
}
