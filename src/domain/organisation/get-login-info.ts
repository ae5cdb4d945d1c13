import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../demo/seed-if-empty';
import { readOrganisationSettings } from './get-organisation-settings';

const DEMO_ADMIN_EMAIL = 'admin@demo.achtplus.nl';

/**
 * What the login page shows before anyone signs in. The demo logins appear only on a demo install
 * (the demo admin account exists), never on a real corporation's.
 */
export async function getLoginInfo({ db }: { db: Db }) {
  const settings = await readOrganisationSettings(db);
  const [demoAdmin] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ADMIN_EMAIL));
  const demo = Boolean(demoAdmin);
  return {
    organisation: { name: settings.name, logoUrl: settings.logoUrl, primaryColor: settings.primaryColor },
    demo,
    demoLogins: demo ? DEMO_LOGINS.map((l) => ({ email: l.email, label: l.label })) : [],
    ...(demo ? { demoPassword: DEMO_PASSWORD } : {}),
  };
}
