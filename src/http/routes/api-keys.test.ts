import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeys, auditLog, userRoles } from '../../db/schema';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';

let h: TestHarness;
let adminCookie: string;
beforeAll(async () => {
  h = await startHarness();
  adminCookie = (await signedInAs(h, 'admin')).cookie;
});
afterAll(async () => h?.close());
const origin = 'http://localhost:3000';

const create = (payload: object, cookie = adminCookie) =>
  h.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: { cookie, origin }, payload });
const useKey = (token: string) =>
  h.app.inject({
    method: 'GET',
    url: '/api/v1/no-such-route',
    headers: { authorization: `Bearer ${token}` },
  });
const usesOf = (id: number) =>
  h.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'api_key.used'), eq(auditLog.subjectId, String(id))));

describe('API keys: who may', () => {
  it('answers 401 without credentials', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/api-keys' })).statusCode).toBe(401);
  });

  it.each(userRoles.filter((r) => r !== 'admin'))('refuses a %s', async (role) => {
    const { cookie } = await signedInAs(h, role);
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { cookie } })).statusCode,
    ).toBe(403);
    expect((await create({ name: 'x', scopes: ['jobs:read'] }, cookie)).statusCode).toBe(403);
    expect(
      (await h.app.inject({ method: 'DELETE', url: '/api/v1/api-keys/1', headers: { cookie, origin } }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses an API key managing API keys', async () => {
    const { token } = (
      await create({
        name: 'erp',
        scopes: ['jobs:read', 'jobs:write', 'masterdata:read', 'masterdata:write'],
      })
    ).json();
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/api-keys',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('API keys by an admin', () => {
  it('shows the token once, stores only its hash, lists without secrets', async () => {
    const res = await create({ name: 'ERP Tobias', scopes: ['jobs:write', 'jobs:read', 'jobs:write'] });
    expect(res.statusCode).toBe(201);
    const key = res.json();
    expect(key.token).toMatch(/^ak_/);
    expect(key.scopes).toEqual(['jobs:write', 'jobs:read']);
    const [row] = await h.ctx.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row?.keyHash).not.toContain(key.token);
    const list = await h.app.inject({
      method: 'GET',
      url: '/api/v1/api-keys',
      headers: { cookie: adminCookie },
    });
    const listed = list.json().items.find((k: { id: number }) => k.id === key.id);
    expect(listed).toMatchObject({ name: 'ERP Tobias', prefix: row?.prefix, revokedAt: null });
    expect(list.body).not.toContain(key.token);
    expect(list.body).not.toContain(row!.keyHash);
    const [created] = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'api_key.created'), eq(auditLog.subjectId, String(key.id))));
    expect(created).toBeDefined();
  });

  it('answers 400 naming the field for an unknown scope or missing name', async () => {
    const res = await create({ name: '', scopes: ['everything'] });
    expect(res.statusCode).toBe(400);
    const fields = res.json().issues.map((i: { field: string }) => i.field);
    expect(fields).toContain('body.name');
    expect(fields).toContain('body.scopes.0');
  });

  it('records key use at most once a minute', async () => {
    const { id, token } = (await create({ name: 'erp', scopes: ['jobs:read'] })).json();
    expect((await useKey(token)).statusCode).toBe(404);
    expect((await useKey(token)).statusCode).toBe(404);
    expect(await usesOf(id)).toHaveLength(1);
    await h.ctx.db
      .update(apiKeys)
      .set({ lastUsedAt: new Date(Date.now() - 61_000) })
      .where(eq(apiKeys.id, id));
    await useKey(token);
    expect(await usesOf(id)).toHaveLength(2);
    const [row] = await h.ctx.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(Date.now() - row!.lastUsedAt!.getTime()).toBeLessThan(10_000);
  });

  it('revokes a key: it answers 401 from then on; revoking twice is fine; unknown is 404', async () => {
    const { id, token } = (await create({ name: 'old erp', scopes: ['jobs:read'] })).json();
    expect((await useKey(token)).statusCode).toBe(404);
    const del = () =>
      h.app.inject({
        method: 'DELETE',
        url: `/api/v1/api-keys/${id}`,
        headers: { cookie: adminCookie, origin },
      });
    expect((await del()).statusCode).toBe(204);
    expect((await useKey(token)).statusCode).toBe(401);
    expect((await del()).statusCode).toBe(204);
    const revoked = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'api_key.revoked'), eq(auditLog.subjectId, String(id))));
    expect(revoked).toHaveLength(1);
    expect(
      (
        await h.app.inject({
          method: 'DELETE',
          url: '/api/v1/api-keys/999999',
          headers: { cookie: adminCookie, origin },
        })
      ).statusCode,
    ).toBe(404);
  });
});
