import type { BetterAuthPlugin } from 'better-auth';
import type { TConfig } from '../config';

/** The code a refused origin answers with, at /api/auth and /api/v1 alike, for the login page to recognise. */
export const ORIGIN_NOT_ALLOWED = 'ORIGIN_NOT_ALLOWED';

type OriginConfig = Pick<TConfig, 'PUBLIC_URL' | 'allowedOrigins'>;

/** The origin of an Origin or Referer header, or null when there is none or it is not a URL. */
export function originOf(claimed: string | undefined): string | null {
  if (!claimed || claimed === 'null' || !URL.canParse(claimed)) return null;
  return new URL(claimed).origin;
}

export const isAllowedOrigin = (config: OriginConfig, claimed: string | undefined) => {
  const origin = originOf(claimed);
  return origin !== null && config.allowedOrigins.includes(origin);
};

/**
 * Says why a browser's request was refused and what to do, naming PUBLIC_URL: the usual cause is a
 * server opened at another address than the one it was told it has.
 */
export function originRefusal(config: OriginConfig, claimed: string | undefined): string {
  const where = config.PUBLIC_URL
    ? `this install answers only at ${config.allowedOrigins[0]} (PUBLIC_URL)`
    : `while PUBLIC_URL is not set, this install answers only at ${config.allowedOrigins.join(', ')}`;
  const from = originOf(claimed);
  const what = from ? `origin ${from}` : 'a signed-in write must carry an Origin header';
  return `Cross-site request refused (${what}): ${where}. Open that address, or set PUBLIC_URL to the address people use.`;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * better-auth refuses a foreign origin with a bare "Invalid origin", which the login page could only
 * show as a failed sign-in. This plugin refuses it first, saying which origin came and which are
 * expected. A write without Origin or Referer is left to better-auth's own rules (non-browser clients).
 */
export function originRefusalPlugin(config: OriginConfig): BetterAuthPlugin {
  return {
    id: 'achtplus-origin-refusal',
    async onRequest(request) {
      if (SAFE_METHODS.has(request.method)) return;
      const claimed = request.headers.get('origin') ?? request.headers.get('referer') ?? undefined;
      if (!originOf(claimed) || isAllowedOrigin(config, claimed)) return;
      const body = { code: ORIGIN_NOT_ALLOWED, message: originRefusal(config, claimed) };
      return { response: Response.json(body, { status: 403 }) };
    },
  };
}
