import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, type UserRole } from '../../db/schema';
import { createApiKey } from '../../domain/api-keys/create-api-key';
import { systemActor } from '../../policy/actor';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const ORIGIN = { origin: 'http://localhost:3000' };
const valid = { enabled: true, delayMinutes: 60, reminderDays: 4, expiryDays: 21, quarantineDays: 45 };
const as = async (role: UserRole) => ({ cookie: (await signedInAs(h, role)).cookie, ...ORIGIN });
const put = (headers: Record<string, string>, journey: string, payload: unknown) =>
  h.app.inject({
    method: 'PUT',
    url: `/api/v1/survey-settings/${journey}`,
    headers,
    payload: payload as object,
  });
const get = (headers: Record<string, string>) =>
  h.app.inject({ method: 'GET', url: '/api/v1/survey-settings', headers });

describe('survey settings API', () => {
  it('lists every journey with the defaults', async () => {
    const res = await get(await as('quality'));
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual(
      ['repair', 'planned', 'vacancy'].map((journey) => ({
        journey,
        enabled: true,
        delayMinutes: 120,
        reminderDays: 3,
        expiryDays: 14,
        quarantineDays: 30,
      })),
    );
  });

  it('an admin replaces a journey’s settings; audited with before and after', async () => {
    const admin = await as('admin');
    const res = await put(admin, 'planned', valid);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ journey: 'planned', ...valid });
    const listed = (await get(admin)).json().items.find((i: { journey: string }) => i.journey === 'planned');
    expect(listed).toEqual({ journey: 'planned', ...valid });
    const [audit] = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'survey-settings.updated'), eq(auditLog.subjectId, 'planned')));
    expect(audit!.details).toMatchObject({ before: { delayMinutes: 120 }, after: valid });
  });

  it.each([
    [{ ...valid, delayMinutes: 10_081 }, 'body.delayMinutes'],
    [{ ...valid, delayMinutes: -1 }, 'body.delayMinutes'],
    [{ ...valid, reminderDays: 0 }, 'body.reminderDays'],
    [{ ...valid, reminderDays: 21 }, 'body.reminderDays'],
    [{ ...valid, expiryDays: 91 }, 'body.expiryDays'],
    [{ ...valid, quarantineDays: 366 }, 'body.quarantineDays'],
    [{ ...valid, delayMinutes: 1.5 }, 'body.delayMinutes'],
    [{ ...valid, enabled: 'yes' }, 'body.enabled'],
    [{ enabled: true }, 'body.delayMinutes'],
  ])('refuses %j naming %s, changing nothing', async (payload, field) => {
    const admin = await as('admin');
    const res = await put(admin, 'vacancy', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(res.body).not.toContain(' at ');
    const vacancy = (await get(admin)).json().items.find((i: { journey: string }) => i.journey === 'vacancy');
    expect(vacancy.delayMinutes).toBe(120);
  });

  it('answers 400 for an unknown journey', async () => {
    const res = await put(await as('admin'), 'garden', valid);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].field).toBe('params.journey');
  });

  it.each(['employee', 'team_leader', 'contractor', 'head', 'director', 'contact_centre'] as const)(
    'a %s may neither read nor change them (403)',
    async (role) => {
      const headers = await as(role);
      expect((await get(headers)).statusCode).toBe(403);
      expect((await put(headers, 'repair', { ...valid, delayMinutes: 0 })).statusCode).toBe(403);
      expect((await put(headers, 'repair', { nonsense: true })).statusCode).toBe(403);
    },
  );

  it('an API key may not, and without credentials it is 401', async () => {
    const key = await createApiKey({
      db: h.ctx.db,
      actor: systemActor('test'),
      name: 'erp',
      scopes: ['jobs:write', 'jobs:read', 'masterdata:write'],
    });
    const headers = { authorization: `Bearer ${key.token}` };
    expect((await get(headers)).statusCode).toBe(403);
    expect((await put(headers, 'repair', valid)).statusCode).toBe(403);
    expect((await get({})).statusCode).toBe(401);
  });

  it('offers no way to send or choose an invitation', async () => {
    const admin = await as('admin');
    for (const url of ['/api/v1/invitations', '/api/v1/invitations/send', '/api/v1/jobs/1/invitation']) {
      const res = await h.app.inject({ method: 'POST', url, headers: admin, payload: {} });
      expect(res.statusCode).toBe(404);
    }
  });
});
