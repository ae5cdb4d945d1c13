import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loginAttempts, users } from '../db/schema';
import { signedInAs, startHarness, TEST_PASSWORD, type TestHarness } from '../test/harness';
import { LOGIN_ATTEMPTS, loginAttemptKey } from './login-attempts';

// a file of its own: a fresh database, so the counts start empty
let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  vi.useRealTimers();
});

// every attempt from an address of its own: better-auth's per-address limit never comes into it
let address = 0;
const attempt = (email: string, password: unknown) =>
  h.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: 'http://localhost:3000' },
    payload: { email, password },
    remoteAddress: `198.51.${Math.floor(++address / 250)}.${(address % 250) + 1}`,
  });
const failTimes = async (email: string, times: number) => {
  for (let i = 1; i <= times; i++)
    expect((await attempt(email, `wrong password ${i}`)).statusCode, `attempt ${i}`).toBe(401);
};
const { max, windowSeconds } = LOGIN_ATTEMPTS;

describe('password attempts per account', () => {
  it(`refuses the attempt after ${max} wrong passwords from as many addresses, even with the right password`, async () => {
    const { email } = await signedInAs(h, 'employee');
    const other = await signedInAs(h, 'employee');
    await failTimes(email, max);
    const refused = await attempt(email, TEST_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ message: 'Too many requests. Please try again later.' });
    const retryAfter = Number(refused.headers['x-retry-after']);
    expect(retryAfter).toBeGreaterThan(windowSeconds - 60);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
    expect(refused.headers['set-cookie']).toBeUndefined();
    // the same address in other letters is the same account
    expect((await attempt(email.toUpperCase(), TEST_PASSWORD)).statusCode).toBe(429);
    // another account is not affected
    expect((await attempt(other.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers an address without an account the same way, and stores only a keyed hash of it', async () => {
    const nobody = 'niemand@test.achtplus.invalid';
    await failTimes(nobody, max);
    const refused = await attempt(nobody, 'nog een gok');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ message: 'Too many requests. Please try again later.' });
    const rows = await h.ctx.db.select().from(loginAttempts);
    expect(rows.some((r) => r.key === loginAttemptKey(h.ctx.secret, nobody))).toBe(true);
    // keyed: hashing a list of likely addresses finds nothing
    const plain = createHash('sha256').update(nobody).digest('hex');
    expect(rows.some((r) => r.key === plain)).toBe(false);
    expect(JSON.stringify(rows)).not.toContain('niemand');
  });

  it('lets the right password in again once the window has passed', async () => {
    const { email } = await signedInAs(h, 'team_leader');
    await failTimes(email, max);
    expect((await attempt(email, TEST_PASSWORD)).statusCode).toBe(429);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + (windowSeconds - 5) * 1000 });
    expect((await attempt(email, TEST_PASSWORD)).statusCode).toBe(429);
    vi.setSystemTime(Date.now() + 10_000);
    expect((await attempt(email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('starts counting again after a successful sign-in', async () => {
    const { email } = await signedInAs(h, 'employee');
    await failTimes(email, max - 1);
    expect((await attempt(email, TEST_PASSWORD)).statusCode).toBe(200);
    await failTimes(email, max);
    expect((await attempt(email, TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('does not count a refused request or a disabled account as a guess', async () => {
    const { email, userId } = await signedInAs(h, 'employee');
    await failTimes(email, max - 1);
    expect((await attempt(email, 1234567890)).statusCode).toBe(400);
    await h.ctx.db.update(users).set({ disabled: true }).where(eq(users.id, userId));
    expect((await attempt(email, TEST_PASSWORD)).statusCode).toBe(403);
    await h.ctx.db.update(users).set({ disabled: false }).where(eq(users.id, userId));
    expect((await attempt(email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('holds the bound for attempts arriving at the same moment', async () => {
    const { email } = await signedInAs(h, 'employee');
    const answers = await Promise.all(
      Array.from({ length: max + 10 }, (_, i) => attempt(email, `gelijktijdig ${i}`)),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(max);
    expect(codes.filter((c) => c === 429)).toHaveLength(10);
  });
});
