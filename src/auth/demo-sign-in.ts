import type { TConfig } from '../config';
import type { Db } from '../db/client';
import type { InstallKind } from '../db/schema';
import { readInstallKind } from '../domain/organisation/install-kind';
import { isLoopbackAddress, isLoopbackUrl } from '../lib/loopback';

/**
 * The demo accounts share a password that the README and the demo's login page publish. They may
 * sign in only where that cannot open a real corporation's data: on an install that is the demo,
 * reached on this machine itself — PUBLIC_URL a loopback address and the browser on this machine.
 * A demo into which someone imported real data and then published under a real address keeps its
 * demo accounts, but they no longer sign in (by password, link or reset: the session is refused).
 */
export const DEMO_ACCOUNT_DOMAIN = 'demo.achtplus.nl';
export const DEMO_SIGN_IN_REFUSED = 'DEMO_SIGN_IN_REFUSED';

export const isDemoAccount = (email: string) =>
  email.trim().toLowerCase().endsWith(`@${DEMO_ACCOUNT_DOMAIN}`);

/**
 * Why a demo account may not sign in here, or null when it may. `clientIp` is the request's
 * address; a sign-in the server makes itself (no request, e.g. in tests) has none.
 */
export function demoSignInRefusal(
  kind: InstallKind | null,
  config: Pick<TConfig, 'publicUrl'>,
  clientIp?: string | null,
): string | null {
  if (kind !== 'demo')
    return 'This install is not the demo: the demo accounts and their published password do not sign in here.';
  if (!isLoopbackUrl(config.publicUrl))
    return `Demo accounts sign in only while PUBLIC_URL is an address of this machine (localhost); it is ${config.publicUrl}. Give people accounts of their own (Beheer → Gebruikers, or npm run cli -- user create).`;
  if (clientIp && !isLoopbackAddress(clientIp))
    return `Demo accounts sign in only from this machine itself (${config.publicUrl}), not over the network.`;
  return null;
}

/** The same, reading what the install is. */
export async function demoSignInRefusalFor(
  db: Db,
  config: Pick<TConfig, 'publicUrl'>,
  clientIp?: string | null,
) {
  return demoSignInRefusal(await readInstallKind(db), config, clientIp);
}
