import { demoSignInRefusal } from '../../auth/demo-sign-in';
import type { TConfig } from '../../config';
import type { Db } from '../../db/client';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../demo/logins';
import { readOrganisationSettings } from './get-organisation-settings';
import { readInstallKind } from './install-kind';

/**
 * What the login page shows before anyone signs in. `demo` says the install is the demo (the staff
 * app marks every page); the demo logins and their password appear only where they would be
 * accepted (demo-sign-in.ts): never on a real install, nor on a demo reached at a real address.
 */
export async function getLoginInfo({
  db,
  config,
  clientIp,
}: {
  db: Db;
  config: Pick<TConfig, 'publicUrl'>;
  clientIp?: string;
}) {
  const [settings, kind] = await Promise.all([readOrganisationSettings(db), readInstallKind(db)]);
  const demo = kind === 'demo';
  const refusal = demo ? demoSignInRefusal(kind, config, clientIp) : null;
  const publish = demo && !refusal;
  return {
    organisation: { name: settings.name, logoUrl: settings.logoUrl, primaryColor: settings.primaryColor },
    demo,
    demoLogins: publish ? DEMO_LOGINS.map((l) => ({ email: l.email, label: l.label })) : [],
    ...(publish ? { demoPassword: DEMO_PASSWORD } : {}),
    ...(refusal ? { demoSignInRefused: refusal } : {}),
  };
}
