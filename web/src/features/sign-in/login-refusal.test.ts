import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { loginRefusal } from './login-refusal';
import { texts } from './texts';

const nl = texts.nl;

const refused = (status: number, body: unknown) =>
  new ApiError(status, (body as { message?: string }).message ?? 'Forbidden', body);

describe('what the login page says about a refused sign-in', () => {
  it('shows a refused origin as such, with the server naming PUBLIC_URL — not as a wrong password', () => {
    const message =
      'Cross-site request refused (origin http://127.0.0.1:3000): this install answers only at http://localhost:3000 (PUBLIC_URL). Open that address, or set PUBLIC_URL to the address people use.';
    const r = loginRefusal(refused(403, { code: 'ORIGIN_NOT_ALLOWED', message }), 'tooMany');
    expect(r).toEqual({ key: 'originRefused', detail: message });
    expect(nl[r.key]).toMatch(/PUBLIC_URL/);
    expect(nl[r.key]).not.toBe(nl.wrong);
    // better-auth's own refusals of an origin read the same
    for (const code of ['INVALID_ORIGIN', 'MISSING_OR_NULL_ORIGIN'])
      expect(loginRefusal(refused(403, { code, message: 'Invalid origin' }), 'tooMany').key).toBe(
        'originRefused',
      );
  });

  it('says when the demo accounts may not sign in here', () => {
    const body = { code: 'DEMO_SIGN_IN_REFUSED', message: 'Demo accounts sign in only while PUBLIC_URL …' };
    expect(loginRefusal(refused(403, body), 'tooMany')).toEqual({
      key: 'demoRefused',
      detail: body.message,
    });
  });

  it('keeps the wrong-password text for a wrong password, and the waiting text for too many tries', () => {
    expect(loginRefusal(refused(401, { code: 'INVALID_EMAIL_OR_PASSWORD' }), 'tooMany').key).toBe('wrong');
    expect(loginRefusal(refused(403, { code: 'ACCOUNT_DISABLED' }), 'tooMany').key).toBe('wrong');
    expect(loginRefusal(refused(429, {}), 'tooManyPasswords').key).toBe('tooManyPasswords');
    expect(loginRefusal(new Error('offline'), 'tooMany').key).toBe('failed');
  });
});
