import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs, startHarness, TEST_PASSWORD, type TestHarness } from '../test/harness';
import { SIGN_IN_ATTEMPTS_PER_MINUTE } from './auth';

// a file of its own: the rate-limit table starts empty and no other test shares the buckets
let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const attempt = (
  email: string,
  password: string,
  remoteAddress: string,
  extra: Record<string, string> = {},
) =>
  h.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: 'http://localhost:3000', ...extra },
    payload: { email, password },
    remoteAddress,
  });

// the wrong guesses go to other addresses each: per account, login-attempts.ts stops them after 10
const stranger = (i: number) => `gok-${i}-${Date.now()}@test.achtplus.invalid`;

describe('login rate limiting', () => {
  it('answers 429 once the attempts of a minute are used up, even with the right password', async () => {
    const { email } = await signedInAs(h, 'employee');
    for (let i = 1; i <= SIGN_IN_ATTEMPTS_PER_MINUTE; i++)
      expect((await attempt(stranger(i), `wrong password ${i}`, '192.0.2.10')).statusCode).toBe(401);
    const next = await attempt(stranger(0), 'one more wrong password', '192.0.2.10');
    expect(next.statusCode).toBe(429);
    expect(Number(next.headers['x-retry-after'])).toBeGreaterThan(0);
    expect((await attempt(email, TEST_PASSWORD, '192.0.2.10')).statusCode).toBe(429);
  });

  it('keeps other clients out of that bucket, and a spoofed client-IP header does not reset it', async () => {
    const { email } = await signedInAs(h, 'employee');
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_MINUTE; i++)
      await attempt(stranger(i), 'wrong password', '192.0.2.20');
    expect(
      (await attempt(email, 'wrong password', '192.0.2.20', { 'x-achtplus-client-ip': '203.0.113.1' }))
        .statusCode,
    ).toBe(429);
    // no proxy is trusted by default, so X-Forwarded-For cannot pick a fresh bucket either
    expect(
      (await attempt(email, 'wrong password', '192.0.2.20', { 'x-forwarded-for': '203.0.113.2' })).statusCode,
    ).toBe(429);
    expect((await attempt(email, TEST_PASSWORD, '192.0.2.21')).statusCode).toBe(200);
  });
});
