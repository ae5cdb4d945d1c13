import { ApiError } from '../../lib/api';
import type { SignInText } from './texts';

/** What the login page says when a sign-in is refused, and the server's words when they help. */
export interface LoginRefusal {
  key: SignInText;
  /** the server's own explanation (it names the addresses and PUBLIC_URL), shown under the text */
  detail?: string;
}

// better-auth's codes for a refused origin, and ours (src/auth/origins.ts, src/auth/demo-sign-in.ts)
const ORIGIN_CODES = new Set(['ORIGIN_NOT_ALLOWED', 'INVALID_ORIGIN', 'MISSING_OR_NULL_ORIGIN']);
const DEMO_REFUSED = 'DEMO_SIGN_IN_REFUSED';

/**
 * A 403 is not always a wrong password: an origin the server does not answer at (opened at
 * 127.0.0.1 while PUBLIC_URL says localhost) or a demo account where it may not sign in say so.
 */
export function loginRefusal(err: unknown, tooMany: SignInText): LoginRefusal {
  if (!(err instanceof ApiError)) return { key: 'failed' };
  if (err.status === 429) return { key: tooMany };
  const code = (err.body as { code?: unknown } | null)?.code;
  const detail = typeof err.message === 'string' && err.message ? err.message : undefined;
  if (err.status === 403 && typeof code === 'string' && ORIGIN_CODES.has(code))
    return { key: 'originRefused', detail };
  if (err.status === 403 && code === DEMO_REFUSED) return { key: 'demoRefused', detail };
  if (err.status === 401 || err.status === 403) return { key: 'wrong' };
  return { key: 'failed' };
}
