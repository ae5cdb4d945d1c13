import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { outboxMessages } from '../db/schema';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../demo/logins';
import { markInstallKind } from '../domain/organisation/install-kind';
import { createUser } from '../domain/users/create-user';
import { systemActor } from '../policy/actor';
import { appWithConfig } from '../test/configured-app';
import { openTestDatabase } from '../test/database';
import { TEST_PASSWORD } from '../test/harness';
import { DEMO_ACCOUNT_DOMAIN, DEMO_SIGN_IN_REFUSED } from './demo-sign-in';

/**
 * The demo's accounts share a published password. It opens a demo on this machine, and nothing else:
 * not a demo published under a real PUBLIC_URL (say, one into which real data was imported), not
 * from another machine, not an install that is no demo.
 */
let database: Database;
type App = Awaited<ReturnType<typeof appWithConfig>>;
let local: App;
let published: App;
const PUBLISHED = 'https://feedback.example.nl';
const admin = DEMO_LOGINS[0].email;

beforeAll(async () => {
  database = await openTestDatabase();
  local = await appWithConfig(database, { PORT: '3000' });
  published = await appWithConfig(database, { PUBLIC_URL: PUBLISHED });
  // the demo's accounts as the seeding makes them, without its 200,000 jobs
  for (const login of DEMO_LOGINS)
    await createUser({
      db: local.ctx.db,
      actor: systemActor('test'),
      email: login.email,
      name: login.label,
      role: login.role,
      password: DEMO_PASSWORD,
    });
  await markInstallKind(local.ctx.db, 'demo');
}, 60_000);
afterAll(async () => {
  await local?.close();
  await published?.close();
  await database?.close();
});

// better-auth limits sign-ins per address: 127.0.0.0/8 is all this machine, so each gets its own
let n = 0;
const loopback = () => `127.0.${Math.floor(++n / 250)}.${(n % 250) + 1}`;
const elsewhere = () => `10.7.${Math.floor(++n / 250)}.${(n % 250) + 1}`;
const signIn = (a: App, email: string, password: string, remoteAddress = loopback()) =>
  a.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: a.ctx.config.allowedOrigins[0]! },
    payload: { email, password },
    remoteAddress,
  });
const sessionCookie = (res: { headers: Record<string, unknown> }) =>
  ([] as string[])
    .concat((res.headers['set-cookie'] as string | string[] | undefined) ?? [])
    .find((c) => c.includes('session_token=') && !/Max-Age=0/i.test(c));
const loginInfo = async (a: App, remoteAddress = loopback()) =>
  (await a.app.inject({ method: 'GET', url: '/api/public/login-info', remoteAddress })).json();

describe('a demo on this machine', () => {
  it('lets the demo accounts sign in with the published password and publishes it', async () => {
    const res = await signIn(local, admin, DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res)).toBeDefined();
    const info = await loginInfo(local);
    expect(info).toMatchObject({ demo: true, demoPassword: DEMO_PASSWORD });
    expect(info.demoLogins.map((l: { email: string }) => l.email)).toEqual(DEMO_LOGINS.map((l) => l.email));
  });

  it('refuses them from another machine, and does not show them there', async () => {
    const res = await signIn(local, admin, DEMO_PASSWORD, elsewhere());
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: DEMO_SIGN_IN_REFUSED, message: /from this machine itself/ });
    expect(sessionCookie(res)).toBeUndefined();
    const info = await loginInfo(local, elsewhere());
    expect(info).toMatchObject({ demo: true, demoLogins: [] });
    expect(info).not.toHaveProperty('demoPassword');
  });
});

describe('a demo published under a real PUBLIC_URL', () => {
  it.each(DEMO_LOGINS.map((l) => l.email))('never accepts the published password of %s', async (email) => {
    for (const from of [loopback(), elsewhere()]) {
      const res = await signIn(published, email, DEMO_PASSWORD, from);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: DEMO_SIGN_IN_REFUSED, message: /PUBLIC_URL/ });
      expect(sessionCookie(res)).toBeUndefined();
    }
    // nor when the server signs in itself, without a request
    await expect(
      published.ctx.auth.api.signInEmail({ body: { email, password: DEMO_PASSWORD } }),
    ).rejects.toMatchObject({ body: { code: DEMO_SIGN_IN_REFUSED } });
  });

  it('publishes neither the logins nor the password, but says it is the demo', async () => {
    const info = await loginInfo(published);
    expect(info).toMatchObject({
      demo: true,
      demoLogins: [],
      demoSignInRefused: expect.stringMatching(/PUBLIC_URL/),
    });
    expect(info).not.toHaveProperty('demoPassword');
    expect(JSON.stringify(info)).not.toContain(DEMO_PASSWORD);
  });

  it('gives no session through a sign-in link or a password reset either', async () => {
    const followMagicLink = async (a: App) => {
      await a.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/magic-link',
        headers: { origin: a.ctx.config.allowedOrigins[0]! },
        payload: { email: admin, callbackURL: '/' },
        remoteAddress: loopback(),
      });
      const [magic] = await a.ctx.db
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.kind, 'magic_link'), eq(outboxMessages.recipient, admin)))
        .orderBy(desc(outboxMessages.id));
      const link = new URL(magic!.bodyText.match(/https?:\/\/\S+/)![0]);
      return a.app.inject({ method: 'GET', url: link.pathname + link.search, remoteAddress: loopback() });
    };
    expect(sessionCookie(await followMagicLink(published))).toBeUndefined();
    // the same link on the demo at this machine does sign in: the refusal above is the rule's
    expect(sessionCookie(await followMagicLink(local))).toBeDefined();

    await published.ctx.auth.api.requestPasswordReset({
      body: { email: admin, redirectTo: '/reset-password' },
    });
    const [resetMail] = await published.ctx.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'password_reset'), eq(outboxMessages.recipient, admin)))
      .orderBy(desc(outboxMessages.id));
    const token = resetMail!.bodyText.match(/reset-password\/([^?\s]+)/)![1];
    const newPassword = 'een eigen wachtwoord voor de demo';
    const reset = await published.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: { origin: PUBLISHED },
      payload: { newPassword, token },
    });
    expect(reset.statusCode).toBe(200);
    expect((await signIn(published, admin, newPassword)).statusCode).toBe(403);
    // the reset did take: on this machine the new password signs in
    expect((await signIn(local, admin, newPassword)).statusCode).toBe(200);
  });

  it("lets the corporation's own accounts sign in", async () => {
    const email = 'beheer@corporatie.example';
    await createUser({
      db: published.ctx.db,
      actor: systemActor('test'),
      email,
      name: 'Eigen beheerder',
      role: 'admin',
      password: TEST_PASSWORD,
    });
    expect((await signIn(published, email, TEST_PASSWORD, elsewhere())).statusCode).toBe(200);
  });
});

describe('an install that is not the demo', () => {
  it('refuses the demo accounts even on this machine, and shows no demo', async () => {
    await markInstallKind(local.ctx.db, 'real');
    try {
      const res = await signIn(local, DEMO_LOGINS[1].email, DEMO_PASSWORD);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: DEMO_SIGN_IN_REFUSED, message: /not the demo/ });
      const info = await loginInfo(local);
      expect(info).toMatchObject({ demo: false, demoLogins: [] });
      expect(info).not.toHaveProperty('demoPassword');
    } finally {
      await markInstallKind(local.ctx.db, 'demo');
    }
  });

  it('knows every demo login as a demo account', () => {
    for (const l of DEMO_LOGINS) expect(l.email.endsWith(`@${DEMO_ACCOUNT_DOMAIN}`)).toBe(true);
  });
});
