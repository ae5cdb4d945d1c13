import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { auditLog, outboxMessages } from '../db/schema';
import { signedInAs, startHarness, TEST_PASSWORD, type TestHarness } from '../test/harness';
import { createAuth } from './auth';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
const origin = 'http://localhost:3000';
// better-auth rate-limits per client address and path: each test signs in from its own address
let address = 0;
const from = () => `10.9.0.${++address}`;

const post = (
  url: string,
  payload: object,
  headers: Record<string, string> = { origin },
  remoteAddress = from(),
) => h.app.inject({ method: 'POST', url, headers, payload, remoteAddress });
const signIn = (email: string, password: string) => post('/api/auth/sign-in/email', { email, password });
const cookieOf = (res: { headers: Record<string, unknown> }) =>
  ([] as string[])
    .concat((res.headers['set-cookie'] as string | string[] | undefined) ?? [])
    .map((c) => c.split(';')[0])
    .join('; ');
const latestMessage = async (kind: string, recipient: string) => {
  const rows = await h.ctx.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.kind, kind), eq(outboxMessages.recipient, recipient)));
  return rows.at(-1);
};
const me = (cookie: string) => h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });

describe('password sign-in', () => {
  it('is audited with the address it came from', async () => {
    const { email, userId } = await signedInAs(h, 'employee');
    const res = await post(
      '/api/auth/sign-in/email',
      { email, password: TEST_PASSWORD },
      { origin },
      '10.9.9.9',
    );
    expect(res.statusCode).toBe(200);
    const rows = await h.ctx.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'auth.signed_in'),
          eq(auditLog.subjectId, userId),
          eq(auditLog.ip, '10.9.9.9'),
        ),
      );
    expect(rows).toHaveLength(1);
  });

  it('sets an httpOnly, SameSite=Lax session cookie (not Secure on plain http)', async () => {
    const { email } = await signedInAs(h, 'employee');
    const res = await signIn(email, TEST_PASSWORD);
    const session = ([] as string[])
      .concat(res.headers['set-cookie'] as string[])
      .find((c) => c.startsWith('achtplus.session_token='));
    expect(session).toBeDefined();
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).not.toMatch(/;\s*Secure/i);
  });

  it('sets a Secure cookie when PUBLIC_URL is https', async () => {
    const config = loadConfig({
      PUBLIC_URL: 'https://feedback.example.nl',
      SESSION_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://unused@localhost/x',
    });
    const auth = createAuth({ db: h.ctx.db, config, secret: 'x'.repeat(40), mailer: h.ctx.mailer });
    const { email } = await signedInAs(h, 'employee');
    const { headers } = await auth.api.signInEmail({
      body: { email, password: TEST_PASSWORD },
      returnHeaders: true,
    });
    const session = headers.getSetCookie().find((c) => c.includes('session_token='));
    expect(session).toMatch(/^__Secure-achtplus\.session_token=/);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
  });
});

describe('foreign origins at /api/auth', () => {
  it('refuses a cookie-carrying sign-in or sign-out from another origin', async () => {
    const { email, cookie } = await signedInAs(h, 'employee');
    const signInRes = await post(
      '/api/auth/sign-in/email',
      { email, password: TEST_PASSWORD },
      { origin: 'https://evil.example', cookie },
    );
    expect(signInRes.statusCode).toBe(403);
    const signOut = await post('/api/auth/sign-out', {}, { origin: 'https://evil.example', cookie });
    expect(signOut.statusCode).toBe(403);
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it('refuses a cross-site form sign-in (Fetch Metadata) and a foreign magic-link callback', async () => {
    const { email } = await signedInAs(h, 'employee');
    const crossSite = await post(
      '/api/auth/sign-in/email',
      { email, password: TEST_PASSWORD },
      {
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'cors',
        'sec-fetch-dest': 'empty',
      },
    );
    expect(crossSite.statusCode).toBe(403);
    const callback = await post('/api/auth/sign-in/magic-link', {
      email,
      callbackURL: 'https://evil.example/steal',
    });
    expect(callback.statusCode).toBe(403);
  });

  it('signs out from the own origin', async () => {
    const { cookie } = await signedInAs(h, 'employee');
    expect((await post('/api/auth/sign-out', {}, { origin, cookie })).statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

describe('magic link', () => {
  it('lands in the outbox as not sent, and following it signs in (once)', async () => {
    const admin = await signedInAs(h, 'admin');
    const email = `vakman-${Date.now()}@test.achtplus.invalid`;
    // a magic-link-only account: no password
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie, origin },
      payload: { email, name: 'Kees Vakman', role: 'employee' },
    });
    expect(created.statusCode).toBe(201);
    expect((await post('/api/auth/sign-in/magic-link', { email, callbackURL: '/' })).statusCode).toBe(200);
    const message = await latestMessage('magic_link', email);
    expect(message?.status).toBe('not_sent');
    const link = new URL(message!.bodyText.match(/https?:\/\/\S+/)![0]);
    expect(link.origin).toBe(origin);
    const follow = await h.app.inject({
      method: 'GET',
      url: link.pathname + link.search,
      remoteAddress: from(),
    });
    expect(follow.statusCode).toBe(302);
    const cookie = cookieOf(follow);
    expect(cookie).toContain('achtplus.session_token=');
    const who = await me(cookie);
    expect(who.statusCode).toBe(200);
    expect(who.json().email).toBe(email);
    const again = await h.app.inject({
      method: 'GET',
      url: link.pathname + link.search,
      remoteAddress: from(),
    });
    expect(cookieOf(again)).not.toContain('achtplus.session_token=');
  });

  it('sends nothing for an unknown address (no sign-up)', async () => {
    const res = await post('/api/auth/sign-in/magic-link', {
      email: 'nobody@test.achtplus.invalid',
      callbackURL: '/',
    });
    // the same answer as for a known address (no probing), but no message for a stranger
    expect(res.statusCode).toBe(200);
    expect(await latestMessage('magic_link', 'nobody@test.achtplus.invalid')).toBeUndefined();
  });
});

describe('own account', () => {
  it('cannot be renamed or re-addressed through better-auth: admins manage accounts', async () => {
    const { cookie } = await signedInAs(h, 'employee');
    const rename = await post(
      '/api/auth/update-user',
      { name: '<img src=x onerror=alert(1)>' },
      { origin, cookie },
    );
    expect(rename.statusCode).toBe(404);
    const email = await post(
      '/api/auth/change-email',
      { newEmail: 'elders@test.achtplus.invalid' },
      { origin, cookie },
    );
    expect(email.statusCode).toBe(404);
    expect((await me(cookie)).json().name).toBe('Test employee');
  });
});

describe('password reset ends sessions', () => {
  it('signs out the sessions that existed before the reset', async () => {
    const { email, cookie } = await signedInAs(h, 'employee');
    expect((await me(cookie)).statusCode).toBe(200);
    await post('/api/auth/request-password-reset', { email, redirectTo: '/wachtwoord' });
    const token = (await latestMessage('password_reset', email))!.bodyText.match(
      /reset-password\/([^?\s]+)/,
    )?.[1];
    expect(
      (await post('/api/auth/reset-password', { newPassword: 'weer een nieuw wachtwoord', token }))
        .statusCode,
    ).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

describe('password reset', () => {
  it('request → outbox → reset; the new password works and the old one does not', async () => {
    const { email } = await signedInAs(h, 'team_leader');
    expect(
      (await post('/api/auth/request-password-reset', { email, redirectTo: '/wachtwoord' })).statusCode,
    ).toBe(200);
    const message = await latestMessage('password_reset', email);
    expect(message?.status).toBe('not_sent');
    const token = message!.bodyText.match(/reset-password\/([^?\s]+)/)?.[1];
    expect(token).toBeTruthy();
    const newPassword = 'een heel nieuw wachtwoord';
    expect((await post('/api/auth/reset-password', { newPassword, token })).statusCode).toBe(200);
    expect((await signIn(email, newPassword)).statusCode).toBe(200);
    expect((await signIn(email, TEST_PASSWORD)).statusCode).toBe(401);
    // the token is spent
    expect(
      (await post('/api/auth/reset-password', { newPassword: 'nog een ander wachtwoord', token })).statusCode,
    ).toBe(400);
  });
});
