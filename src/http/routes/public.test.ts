import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../demo/logins';
import { markInstallKind } from '../../domain/organisation/install-kind';
import { createUser } from '../../domain/users/create-user';
import { systemActor } from '../../policy/actor';
import { startHarness, type TestHarness } from '../../test/harness';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const loginInfo = async () => {
  const res = await h.app.inject({ method: 'GET', url: '/api/public/login-info' });
  expect(res.statusCode).toBe(200);
  return res.json();
};

describe('GET /api/public/login-info', () => {
  it('answers without credentials, with default branding and no demo logins on a fresh install', async () => {
    const info = await loginInfo();
    expect(info.organisation).toEqual({ name: 'achtplus', logoUrl: null, primaryColor: '#1c5d99' });
    expect(info.demo).toBe(false);
    expect(info.demoLogins).toEqual([]);
    expect(info).not.toHaveProperty('demoPassword');
  });

  it('shows no demo logins for a demo admin account alone: the install must be the demo', async () => {
    await createUser({
      db: h.ctx.db,
      actor: systemActor('test'),
      email: 'admin@demo.achtplus.nl',
      name: 'Demo beheerder',
      role: 'admin',
      password: 'achtplus-demo',
    });
    expect(await loginInfo()).toMatchObject({ demo: false, demoLogins: [] });
  });

  it('shows the demo logins and password on the demo, reached on this machine', async () => {
    await markInstallKind(h.ctx.db, 'demo');
    const info = await loginInfo();
    expect(info.demo).toBe(true);
    expect(info.demoPassword).toBe('achtplus-demo');
    expect(info.demoLogins.map((l: { email: string }) => l.email)).toContain('teamleider@demo.achtplus.nl');
    expect(info.demoLogins).toEqual(DEMO_LOGINS.map((l) => ({ email: l.email, label: l.label })));
  });
});
