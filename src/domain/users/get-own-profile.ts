import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { abilitiesOf } from '../../policy/policy';
import { refused } from '../errors';

/** Who the signed-in person is and what the staff app may offer them. */
export async function getOwnProfile({ db, actor }: { db: Db; actor: Actor }) {
  if (actor.kind !== 'user') throw refused('An API key has no profile; /me is for signed-in users.');
  const [user] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, actor.userId));
  return {
    id: actor.userId,
    name: actor.name,
    email: actor.email,
    role: actor.role,
    locale: user?.locale ?? 'nl',
    employeeId: actor.employeeId,
    contractorId: actor.contractorId,
    contractorContactId: actor.contractorContactId,
    ledTeamIds: actor.ledTeamIds,
    abilities: abilitiesOf(actor),
  };
}
