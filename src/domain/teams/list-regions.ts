import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { regions } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';

/** The regions teams work in. */
export async function listRegions({ db, actor }: { db: Db; actor: Actor }) {
  authorize(actor, 'masterdata.read');
  return db.select().from(regions).orderBy(asc(regions.name));
}
