import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants, userRoles } from '../../db/schema';
import { createApiKey } from '../../domain/api-keys/create-api-key';
import { buildTenantWithHistory } from '../../domain/tenants/tenant-data-fixture';
import { apiKeyScopes, systemActor } from '../../policy/actor';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';

let h: TestHarness;
let t: Awaited<ReturnType<typeof buildTenantWithHistory>>;
let admin: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
  t = await buildTenantWithHistory(h.ctx.db, h.ctx.secret);
  admin = { cookie: (await signedInAs(h, 'admin')).cookie, origin: 'http://localhost:3000' };
});
afterAll(async () => h?.close());

const exportOf = (id: number, headers: Record<string, string>) =>
  h.app.inject({ method: 'GET', url: `/api/v1/tenants/${id}/export`, headers });
const erase = (id: number, headers: Record<string, string>, payload: unknown) =>
  h.app.inject({ method: 'POST', url: `/api/v1/tenants/${id}/erase`, headers, payload: payload as object });

describe('tenant data (AVG/GDPR) over HTTP', () => {
  it.each(userRoles.filter((r) => r !== 'admin'))(
    'refuses a %s both export and erasure (403)',
    async (role) => {
      const headers = { cookie: (await signedInAs(h, role)).cookie, origin: 'http://localhost:3000' };
      expect((await exportOf(t.tenant.id, headers)).statusCode).toBe(403);
      expect((await erase(t.tenant.id, headers, { confirm: t.tenant.externalId })).statusCode).toBe(403);
      // the same for a tenant that does not exist: no probing
      expect((await exportOf(999_999, headers)).statusCode).toBe(403);
    },
  );

  it('refuses an API key with every scope, and answers 401 without credentials', async () => {
    const key = await createApiKey({
      db: h.ctx.db,
      actor: systemActor('test'),
      name: 'erp',
      scopes: [...apiKeyScopes],
    });
    const headers = { authorization: `Bearer ${key.token}` };
    expect((await exportOf(t.tenant.id, headers)).statusCode).toBe(403);
    expect((await erase(t.tenant.id, headers, { confirm: t.tenant.externalId })).statusCode).toBe(403);
    expect((await exportOf(t.tenant.id, {})).statusCode).toBe(401);
  });

  it('gives an admin the export as a download', async () => {
    const res = await exportOf(t.tenant.id, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="huurder-${t.tenant.externalId}.json"`,
    );
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = res.json();
    expect(doc.tenant.name).toBe(t.tenant.name);
    expect(doc.responses).toHaveLength(1);
    expect((await exportOf(999_999, admin)).statusCode).toBe(404);
  });

  it('answers 400 naming confirm when it is missing or wrong, and 404 for an unknown tenant', async () => {
    const missing = await erase(t.tenant.id, admin, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/confirm/);
    const wrong = await erase(t.tenant.id, admin, { confirm: 'iets anders' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues).toEqual([
      { field: 'body.confirm', message: "must equal the tenant's external id" },
    ]);
    expect((await erase(999_999, admin, { confirm: 'x' })).statusCode).toBe(404);
    expect((await erase(0, admin, { confirm: 'x' })).statusCode).toBe(400);
    const [tenant] = await h.ctx.db.select().from(tenants).where(eq(tenants.id, t.tenant.id));
    expect(tenant!.name).toBe(t.tenant.name);
  });

  it('erases for an admin, and again without changing more', async () => {
    const first = await erase(t.tenant.id, admin, { confirm: t.tenant.externalId });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ responses: 1, invitations: 3, messages: 4 });
    const second = await erase(t.tenant.id, admin, { confirm: t.tenant.externalId });
    expect(second.json()).toMatchObject({ responses: 0, invitations: 0, messages: 0 });
    const [tenant] = await h.ctx.db.select().from(tenants).where(eq(tenants.id, t.tenant.id));
    expect(tenant).toMatchObject({ name: 'Gewiste huurder', email: null, optedOut: true });
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/tenants/{id}/export', '/api/v1/tenants/{id}/erase']),
    );
  });
});
