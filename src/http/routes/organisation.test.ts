import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, userRoles } from '../../db/schema';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
const origin = 'http://localhost:3000';
const settings = {
  name: 'Woonstichting De Linde',
  logoUrl: 'https://cdn.example.nl/linde.svg',
  primaryColor: '#225533',
  accentColor: '#AA7700',
  senderName: 'De Linde klantenservice',
  senderEmail: 'klant@delinde.example.nl',
  timeZone: 'Europe/Amsterdam',
};

describe('organisation settings', () => {
  it('answers 401 without credentials', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/organisation' })).statusCode).toBe(401);
  });

  it.each(userRoles)('lets a %s read them (defaults before the first save)', async (role) => {
    const { cookie } = await signedInAs(h, role);
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/organisation', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().timeZone).toBe('Europe/Amsterdam');
  });

  it.each(userRoles.filter((r) => r !== 'admin'))('refuses a %s to change them', async (role) => {
    const { cookie } = await signedInAs(h, role);
    const res = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation',
      headers: { cookie, origin },
      payload: settings,
    });
    expect(res.statusCode).toBe(403);
  });

  it('lets an admin save them, audited, and shows them on the login page', async () => {
    const { cookie } = await signedInAs(h, 'admin');
    const res = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation',
      headers: { cookie, origin },
      payload: settings,
    });
    expect(res.statusCode).toBe(200);
    const read = await h.app.inject({ method: 'GET', url: '/api/v1/organisation', headers: { cookie } });
    expect(read.json()).toEqual(settings);
    const info = (await h.app.inject({ method: 'GET', url: '/api/public/login-info' })).json();
    expect(info.organisation).toEqual({
      name: settings.name,
      logoUrl: settings.logoUrl,
      primaryColor: '#225533',
    });
    const audit = await h.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'organisation.updated'));
    expect(audit).toHaveLength(1);
    // saving the same again is no change worth recording
    await h.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation',
      headers: { cookie, origin },
      payload: settings,
    });
    expect(
      await h.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'organisation.updated')),
    ).toHaveLength(1);
  });

  it.each([
    ['primaryColor', 'blue'],
    ['accentColor', '#12345'],
    ['senderEmail', 'not-an-address'],
    ['timeZone', 'Mars/Olympus_Mons'],
    ['logoUrl', 'javascript:alert(1)'],
    ['name', ''],
  ])('answers 400 naming %s when it is wrong', async (field, value) => {
    const { cookie } = await signedInAs(h, 'admin');
    const res = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation',
      headers: { cookie, origin },
      payload: { ...settings, [field]: value },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { field: string }) => i.field)).toContain(`body.${field}`);
  });
});
