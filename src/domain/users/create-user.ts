import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../auth/auth';
import type { Db } from '../../db/client';
import { accounts, type UserRole, users } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../errors';
import { checkUserLinks } from './check-user-links';

export interface CreateUserOptions {
  db: Db;
  actor: Actor;
  email: string;
  name: string;
  role: UserRole;
  employeeId?: number | null;
  contractorContactId?: number | null;
  /** without a password the user signs in by magic link */
  password?: string;
  locale?: 'nl' | 'en';
}

/** An account for a member of staff or a contractor's contact person. Sign-up does not exist. */
export async function createUser(opts: CreateUserOptions) {
  authorize(opts.actor, 'user.manage');
  const id = randomUUID();
  const email = opts.email.trim().toLowerCase();
  const [taken] = await opts.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (taken) throw conflict(`A user with e-mail ${email} already exists.`);
  await checkUserLinks(opts.db, opts);
  const passwordHash = opts.password ? await hashPassword(opts.password) : null;
  const user = await opts.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        id,
        email,
        name: opts.name,
        role: opts.role,
        employeeId: opts.employeeId ?? null,
        contractorContactId: opts.contractorContactId ?? null,
        locale: opts.locale ?? 'nl',
        emailVerified: true,
      })
      .returning();
    if (passwordHash) {
      await tx.insert(accounts).values({
        id: randomUUID(),
        accountId: id,
        providerId: 'credential',
        userId: id,
        password: passwordHash,
      });
    }
    return row!;
  });
  await recordAudit({
    db: opts.db,
    actor: opts.actor,
    action: 'user.created',
    subjectType: 'user',
    subjectId: id,
    details: { email, role: opts.role },
  });
  return user;
}
