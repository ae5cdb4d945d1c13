import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { refused } from '../errors';

/** Everyone may choose the language of their own staff app (Dutch first, English second). */
export async function changeOwnLocale({ db, actor, locale }: { db: Db; actor: Actor; locale: 'nl' | 'en' }) {
  if (actor.kind !== 'user') throw refused('An API key has no profile; /me is for signed-in users.');
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, actor.userId));
}
