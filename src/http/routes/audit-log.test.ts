import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userRoles } from '../../db/schema';
import { recordAudit } from '../../domain/audit/record-audit';
import { systemActor } from '../../policy/actor';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';

let h: TestHarness;
let admin: { cookie: string; userId: string };
beforeAll(async () => {
  h = await startHarness();
  admin = await signedInAs(h, 'admin');
});
afterAll(async () => h?.close());
const origin = 'http://localhost:3000';
const read = (query: string, cookie = admin.cookie) =>
  h.app.inject({ method: 'GET', url: `/api/v1/audit-log${query}`, headers: { cookie } });

describe('GET /api/v1/audit-log', () => {
  it('answers 401 without credentials', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/audit-log' })).statusCode).toBe(401);
  });

  it.each(userRoles.filter((r) => r !== 'admin'))('refuses a %s', async (role) => {
    const { cookie } = await signedInAs(h, role);
    expect((await read('', cookie)).statusCode).toBe(403);
  });

  it('shows sign-ins, newest first, with who did what', async () => {
    const res = await read('?action=auth.signed_in');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBeGreaterThanOrEqual(1);
    expect(items.every((e: { action: string }) => e.action === 'auth.signed_in')).toBe(true);
    expect(items.map((e: { subjectId: string }) => e.subjectId)).toContain(admin.userId);
  });

  it('names the acting user and filters by action, paginated', async () => {
    const { userId } = await signedInAs(h, 'employee');
    await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${userId}`,
      headers: { cookie: admin.cookie, origin },
      payload: { role: 'quality' },
    });
    const [entry] = (await read('?action=user.role_changed')).json().items;
    expect(entry).toMatchObject({
      subjectType: 'user',
      subjectId: userId,
      details: { oldRole: 'employee', newRole: 'quality' },
    });
    expect(entry.actor).toEqual({ kind: 'user', id: admin.userId, name: 'Test admin' });
    expect(entry.at).toMatch(/^\d{4}-\d\d-\d\dT/);

    for (let i = 0; i < 3; i++)
      await recordAudit({ db: h.ctx.db, actor: systemActor('nightly'), action: 'test.page', details: { i } });
    const page2 = (await read('?action=test.page&pageSize=2&page=2')).json();
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0].details.i).toBe(0);
    expect(page2.items[0].actor).toEqual({ kind: 'system', id: null, name: 'nightly' });
  });

  it('answers 400 naming the field for a bad page or time', async () => {
    const res = await read('?page=0&from=yesterday');
    expect(res.statusCode).toBe(400);
    const fields = res.json().issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['querystring.page', 'querystring.from']));
  });
});
