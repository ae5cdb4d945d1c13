import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisation } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { DEFAULT_ORGANISATION, type TOrganisationSettings } from './organisation-settings';

/** The single organisation row (id 1), or the defaults while it does not exist yet. */
export async function readOrganisationSettings(db: Db): Promise<TOrganisationSettings> {
  const [row] = await db.select().from(organisation).where(eq(organisation.id, 1));
  if (!row) return { ...DEFAULT_ORGANISATION };
  const { name, logoUrl, primaryColor, accentColor, senderName, senderEmail, timeZone } = row;
  return { name, logoUrl, primaryColor, accentColor, senderName, senderEmail, timeZone };
}

export async function getOrganisationSettings({ db, actor }: { db: Db; actor: Actor }) {
  authorize(actor, 'organisation.read');
  return readOrganisationSettings(db);
}
