import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';

/** The departments of the corporation; the structure is master data every reader may know. */
export async function listDepartments({ db, actor }: { db: Db; actor: Actor }) {
  authorize(actor, 'masterdata.read');
  return db.select().from(departments).orderBy(asc(departments.name));
}
