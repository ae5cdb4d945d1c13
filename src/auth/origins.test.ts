import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createUser } from '../domain/users/create-user';
import { systemActor } from '../policy/actor';
import { appWithConfig } from '../test/configured-app';
import { openTestDatabase } from '../test/database';
import { TEST_PASSWORD } from '../test/harness';
import { ORIGIN_NOT_ALLOWED } from './origins';

/**
 * Which browser origins may sign in and write: every name of this machine while PUBLIC_URL is not
 * set (people type http://127.0.0.1:3000 as often as http://localhost:3000), only PUBLIC_URL's once
 * it is; a refusal says so and names PUBLIC_URL instead of looking like a wrong password.
 */
let database: Database;
let unset: Awaited<ReturnType<typeof appWithConfig>>;
let configured: Awaited<ReturnType<typeof appWithConfig>>;
const email = 'origins@test.achtplus.invalid';
beforeAll(async () => {
  database = await openTestDatabase();
  unset = await appWithConfig(database, { PORT: '3000' });
  configured = await appWithConfig(database, { PORT: '3000', PUBLIC_URL: 'https://feedback.example.nl' });
  await createUser({
    db: unset.ctx.db,
    actor: systemActor('test'),
    email,
    name: 'Origins',
    role: 'admin',
    password: TEST_PASSWORD,
  });
});
afterAll(async () => {
  await unset?.close();
  await configured?.close();
  await database?.close();
});

// better-auth limits sign-ins per client address: each sign-in comes from its own
let address = 0;
type App = typeof unset;
const signIn = (a: App, origin: string) =>
  a.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin },
    payload: { email, password: TEST_PASSWORD },
    remoteAddress: `10.8.0.${++address}`,
  });
const cookieOf = (res: { headers: Record<string, unknown> }) =>
  ([] as string[])
    .concat((res.headers['set-cookie'] as string | string[] | undefined) ?? [])
    .map((c) => c.split(';')[0])
    .join('; ');
const writeLocale = (a: App, cookie: string, origin: string) =>
  a.app.inject({
    method: 'PATCH',
    url: '/api/v1/me',
    headers: { cookie, origin },
    payload: { locale: 'nl' },
  });

describe('while PUBLIC_URL is not set', () => {
  it.each(['http://127.0.0.1:3000', 'http://localhost:3000', 'http://[::1]:3000'])(
    'signs in and writes from %s',
    async (origin) => {
      const res = await signIn(unset, origin);
      expect(res.statusCode).toBe(200);
      const cookie = cookieOf(res);
      expect(cookie).toContain('achtplus.session_token=');
      expect((await writeLocale(unset, cookie, origin)).statusCode).toBe(200);
    },
  );

  it('refuses another origin, or another port, saying so and naming PUBLIC_URL', async () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1:3001']) {
      const res = await signIn(unset, origin);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe(ORIGIN_NOT_ALLOWED);
      expect(res.json().message).toContain(origin);
      expect(res.json().message).toMatch(/PUBLIC_URL is not set.*http:\/\/127\.0\.0\.1:3000/);
      expect(cookieOf(res)).not.toContain('session_token');
    }
    const cookie = cookieOf(await signIn(unset, 'http://127.0.0.1:3000'));
    const write = await writeLocale(unset, cookie, 'https://evil.example');
    expect(write.statusCode).toBe(403);
    expect(write.json().message).toMatch(/origin https:\/\/evil\.example.*PUBLIC_URL/);
    expect(write.json().details.code).toBe(ORIGIN_NOT_ALLOWED);
  });
});

describe('with PUBLIC_URL set', () => {
  it("accepts only PUBLIC_URL's origin", async () => {
    const res = await signIn(configured, 'https://feedback.example.nl');
    expect(res.statusCode).toBe(200);
    const cookie = cookieOf(res);
    expect((await writeLocale(configured, cookie, 'https://feedback.example.nl')).statusCode).toBe(200);

    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000']) {
      const refused = await signIn(configured, origin);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe(ORIGIN_NOT_ALLOWED);
      expect(refused.json().message).toMatch(/only at https:\/\/feedback\.example\.nl \(PUBLIC_URL\)/);
      const write = await writeLocale(configured, cookie, origin);
      expect(write.statusCode).toBe(403);
      expect(write.json().message).toMatch(/PUBLIC_URL/);
    }
  });
});
