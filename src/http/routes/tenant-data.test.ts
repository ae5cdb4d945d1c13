import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, tenants, userRoles } from '../../db/schema';
import { createApiKey } from '../../domain/api-keys/create-api-key';
import { apiKeyScopes, systemActor } from '../../policy/actor';
import { buildTenant } from '../../test/factories';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';
import { buildTenantWithHistory } from '../../test/tenant-with-history';

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
const optIn = (id: number, headers: Record<string, string>, payload: unknown) =>
  h.app.inject({ method: 'POST', url: `/api/v1/tenants/${id}/opt-in`, headers, payload: payload as object });
const reason = 'telefonisch verzoek huurder 28-11';
/** a tenant who opted out themselves, as unsubscribe-tenant leaves them */
const selfOptedOut = () => {
  const moment = new Date(Date.now() - 86_400_000);
  return buildTenant(h.ctx.db, { optedOut: true, optedOutAt: moment, selfOptedOutAt: moment });
};
const rowOf = async (id: number) => (await h.ctx.db.select().from(tenants).where(eq(tenants.id, id)))[0]!;

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
      expect.arrayContaining([
        '/api/v1/tenants/{id}/export',
        '/api/v1/tenants/{id}/erase',
        '/api/v1/tenants/{id}/opt-in',
      ]),
    );
    const body = doc.paths['/api/v1/tenants/{id}/opt-in'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['reason']);
    expect(body.properties.reason).toMatchObject({ type: 'string', minLength: 1, maxLength: 500 });
  });
});

describe("undoing a tenant's own opt-out over HTTP", () => {
  it.each(userRoles.filter((r) => r !== 'admin'))('refuses a %s (403), changing nothing', async (role) => {
    const tenant = await selfOptedOut();
    const headers = { cookie: (await signedInAs(h, role)).cookie, origin: 'http://localhost:3000' };
    expect((await optIn(tenant.id, headers, { reason })).statusCode).toBe(403);
    // the same for a tenant that does not exist: no probing
    expect((await optIn(999_999, headers, { reason })).statusCode).toBe(403);
    expect(await rowOf(tenant.id)).toEqual(tenant);
  });

  it('refuses an API key with every scope, and answers 401 without credentials', async () => {
    const tenant = await selfOptedOut();
    const key = await createApiKey({
      db: h.ctx.db,
      actor: systemActor('test'),
      name: 'erp-opt-in',
      scopes: [...apiKeyScopes],
    });
    expect((await optIn(tenant.id, { authorization: `Bearer ${key.token}` }, { reason })).statusCode).toBe(
      403,
    );
    expect((await optIn(tenant.id, {}, { reason })).statusCode).toBe(401);
    expect(await rowOf(tenant.id)).toEqual(tenant);
  });

  it('answers 400 naming reason when it is missing, empty or too long, and 404 for an unknown tenant', async () => {
    const tenant = await selfOptedOut();
    for (const payload of [
      {},
      { reason: '' },
      { reason: '   ' },
      { reason: 'x'.repeat(501) },
      { reason: 7 },
    ]) {
      const res = await optIn(tenant.id, admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toMatch(/^body\.reason: /);
      expect(res.json().issues.map((i: { field: string }) => i.field)).toEqual(['body.reason']);
      expect(res.body).not.toMatch(/at .*\.ts/);
    }
    expect((await optIn(999_999, admin, { reason })).statusCode).toBe(404);
    expect((await optIn(0, admin, { reason })).statusCode).toBe(400);
    expect(await rowOf(tenant.id)).toEqual(tenant);
  });

  it('opts the tenant in for an admin, audited with the reason; a second time answers 409', async () => {
    const tenant = await selfOptedOut();
    const res = await optIn(tenant.id, admin, { reason });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      id: tenant.id,
      externalId: tenant.externalId,
      name: tenant.name,
      email: tenant.email,
      mobile: tenant.mobile,
      preferredChannel: tenant.preferredChannel,
      optedOut: false,
      selfOptedOutAt: null,
      erasedAt: null,
      // nothing left to undo: the page takes the button away
      can: { exportData: true, erase: true, optBackIn: false },
    });
    expect(await rowOf(tenant.id)).toMatchObject({ optedOut: false, optedOutAt: null, selfOptedOutAt: null });
    const audits = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'tenant.opted_in'), eq(auditLog.subjectId, String(tenant.id))));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ reason });
    expect(audits[0]!.actorUserId).toEqual(expect.any(String));

    const again = await optIn(tenant.id, admin, { reason });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      error: 'conflict',
      message: 'This tenant is not opted out: surveys already reach them.',
    });
  });

  it('answers 409 for an erased tenant, changing nothing', async () => {
    const tenant = await selfOptedOut();
    expect((await erase(tenant.id, admin, { confirm: tenant.externalId })).statusCode).toBe(200);
    const before = await rowOf(tenant.id);
    const res = await optIn(tenant.id, admin, { reason });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/erased/);
    expect(await rowOf(tenant.id)).toEqual(before);
  });
});
