import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordLink } from '../../auth/password-link';
import { seedDemoIfEmpty } from '../../demo/seed-if-empty';
import { signIn, startHarness, type TestHarness } from '../../test/harness';
import { DomainError } from '../errors';
import { markInstallKind, readInstallKind } from './install-kind';
import { setUpInstall } from './set-up-install';

/** `npm run cli -- setup`: the first admin of a real install, which the demo never enters. */
let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const options = { scale: 0.02, asOf: '2026-05-20' };

describe('setting up a real install', () => {
  it('creates the first admin, who signs in, and marks the install real', async () => {
    const admin = await setUpInstall({
      ctx: h.ctx,
      email: 'Beheer@Corporatie.example',
      name: 'Eerste beheerder',
      password: 'een lang eigen wachtwoord',
    });
    expect(admin).toMatchObject({ email: 'beheer@corporatie.example', role: 'admin' });
    expect(await readInstallKind(h.ctx.db)).toBe('real');
    expect(await signIn(h, 'beheer@corporatie.example', 'een lang eigen wachtwoord')).toContain(
      'session_token=',
    );
  });

  it('is refused a second time', async () => {
    const again = setUpInstall({ ctx: h.ctx, email: 'tweede@corporatie.example', name: 'Tweede' });
    await expect(again).rejects.toBeInstanceOf(DomainError);
    await expect(again).rejects.toMatchObject({ code: 'conflict', message: /already has 1 account/ });
  });

  it('is never seeded with the demo afterwards, whatever SEED_DEMO says', async () => {
    const messages: string[] = [];
    for (const mode of ['auto', 'yes'] as const)
      expect(await seedDemoIfEmpty({ ctx: h.ctx, mode, log: (m) => messages.push(m), options })).toEqual({
        demo: false,
      });
    expect(messages.join()).toMatch(/set up for real use/);
    const { rows } = await h.ctx.database.executeSql(
      `select (select count(*)::int from organisation) as organisations,
              (select count(*)::int from users) as users,
              (select count(*)::int from jobs) as jobs`,
    );
    expect(rows[0]).toEqual({ organisations: 0, users: 1, jobs: 0 });
  });
});

describe('a first admin without a password', () => {
  let other: TestHarness;
  beforeAll(async () => {
    other = await startHarness();
  });
  afterAll(async () => other?.close());

  it('gets a link to choose one, which works once', async () => {
    await setUpInstall({ ctx: other.ctx, email: 'link@corporatie.example', name: 'Met link' });
    const link = new URL(await passwordLink(other.ctx, 'link@corporatie.example'));
    expect(link.origin).toBe(other.ctx.config.publicUrl);
    const token = link.pathname.match(/\/reset-password\/([^/]+)$/)?.[1];
    expect(token).toBeTruthy();
    const choose = (newPassword: string) =>
      other.app.inject({
        method: 'POST',
        url: '/api/auth/reset-password',
        headers: { origin: other.ctx.config.publicUrl },
        payload: { newPassword, token },
      });
    expect((await choose('zelf gekozen wachtwoord')).statusCode).toBe(200);
    expect(await signIn(other, 'link@corporatie.example', 'zelf gekozen wachtwoord')).toContain(
      'session_token=',
    );
    expect((await choose('nog een ander wachtwoord')).statusCode).toBe(400);
  });
});

describe('on the demo', () => {
  let demo: TestHarness;
  beforeAll(async () => {
    demo = await startHarness();
    // what the seeding writes last (seed-if-empty.test.ts checks that it does)
    await markInstallKind(demo.ctx.db, 'demo');
  });
  afterAll(async () => demo?.close());

  it('is refused: a demo does not become a real install', async () => {
    await expect(
      setUpInstall({
        ctx: demo.ctx,
        email: 'x@corporatie.example',
        name: 'X',
        password: 'een lang wachtwoord',
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: /holds the demo/ });
    expect(await readInstallKind(demo.ctx.db)).toBe('demo');
  });
});
