import { asc, count, ilike, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { containsPattern } from '../../lib/search-pattern';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';

export interface ListUsersOptions {
  db: Db;
  actor: Actor;
  /** part of a name or e-mail address */
  q?: string;
  page: number;
  pageSize: number;
}

/** Accounts for the admin pages, by name; disabled ones included (they are shown as such). */
export async function listUsers({ db, actor, q, page, pageSize }: ListUsersOptions) {
  authorize(actor, 'user.manage');
  const search = q?.trim()
    ? or(ilike(users.name, containsPattern(q)), ilike(users.email, containsPattern(q)))
    : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(search)
      .orderBy(asc(users.name), asc(users.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(users).where(search),
  ]);
  return { items, page, pageSize, total: total?.n ?? 0 };
}
