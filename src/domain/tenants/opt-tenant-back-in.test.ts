import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, tenants } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { systemActor } from '../../policy/actor';
import { ForbiddenError } from '../../policy/policy';
import { erpCalls } from '../../test/erp-calls';
import { buildJob, buildTenant, buildUnit } from '../../test/factories';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';
import { buildSentInvitation } from '../../test/survey-factories';
import { DomainError } from '../errors';
import { unsubscribeTenant } from '../responses/unsubscribe-tenant';
import { eraseTenantData } from './erase-tenant-data';
import { optTenantBackIn } from './opt-tenant-back-in';

let h: TestHarness;
let admin: Actor;
let adminHeaders: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
  // scheduling wakes the dispatcher after commit; no worker runs here
  h.ctx.jobs = { send: async () => 'id' };
  const user = await signedInAs(h, 'admin');
  adminHeaders = { cookie: user.cookie, origin: 'http://localhost:3000' };
  admin = {
    kind: 'user',
    userId: user.userId,
    name: 'Test admin',
    email: user.email,
    role: 'admin',
    employeeId: null,
    ledTeamIds: [],
    departmentId: null,
    contractorId: null,
    contractorContactId: null,
  };
});
afterAll(async () => h?.close());

const reason = 'telefonisch verzoek huurder 28-11';
const rowOf = async (id: number) => (await h.ctx.db.select().from(tenants).where(eq(tenants.id, id)))[0]!;
const optInAudits = (tenantId: number) =>
  h.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'tenant.opted_in'), eq(auditLog.subjectId, String(tenantId))));
/** a tenant who clicked "no more surveys" in an invitation e-mail */
async function selfOptedOutTenant(overrides: Parameters<typeof buildTenant>[1] = {}) {
  const tenant = await buildTenant(h.ctx.db, overrides);
  const job = await buildJob(h.ctx.db, { tenantId: tenant.id });
  const { token } = await buildSentInvitation(h.ctx.db, h.ctx.secret, job);
  expect(await unsubscribeTenant({ db: h.ctx.db, token })).toMatchObject({ state: 'unsubscribed' });
  const row = await rowOf(tenant.id);
  expect(row.selfOptedOutAt).toBeInstanceOf(Date);
  return row;
}
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a refusal'),
    (err: unknown) => {
      expect(err).toBeInstanceOf(DomainError);
      return err as DomainError;
    },
  );

describe('optTenantBackIn', () => {
  it('undoes the tenant’s own opt-out and audits who did it and why', async () => {
    const tenant = await selfOptedOutTenant();
    const optedIn = await optTenantBackIn({
      db: h.ctx.db,
      actor: admin,
      tenantId: tenant.id,
      reason: `  ${reason} `,
      ip: '192.0.2.1',
    });
    expect(optedIn).toMatchObject({ id: tenant.id, optedOut: false, optedOutAt: null, selfOptedOutAt: null });
    expect(await rowOf(tenant.id)).toEqual({
      ...tenant,
      optedOut: false,
      optedOutAt: null,
      selfOptedOutAt: null,
    });
    const [audit, ...more] = await optInAudits(tenant.id);
    expect(more).toHaveLength(0);
    expect(audit).toMatchObject({
      actorUserId: admin.kind === 'user' ? admin.userId : null,
      subjectType: 'tenant',
      ip: '192.0.2.1',
      details: { reason, selfOptedOutAt: tenant.selfOptedOutAt!.toISOString() },
    });

    // a second request finds nothing to undo, and changes and audits nothing
    const again = await refusal(optTenantBackIn({ db: h.ctx.db, actor: admin, tenantId: tenant.id, reason }));
    expect(again.code).toBe('conflict');
    expect(again.message).toMatch(/not opted out/);
    expect(await optInAudits(tenant.id)).toHaveLength(1);
  });

  it('refuses an empty or too long reason, changing nothing', async () => {
    const tenant = await selfOptedOutTenant();
    for (const bad of ['', '   ', 'x'.repeat(501)]) {
      const err = await refusal(
        optTenantBackIn({ db: h.ctx.db, actor: admin, tenantId: tenant.id, reason: bad }),
      );
      expect(err.code).toBe('invalid_request');
      expect(err.message).toMatch(/^reason:/);
      expect(err.details).toEqual({
        issues: [{ field: 'body.reason', message: 'must be 1 to 500 characters' }],
      });
    }
    expect(await rowOf(tenant.id)).toEqual(tenant);
    expect(await optInAudits(tenant.id)).toHaveLength(0);
    // 500 characters are enough
    await optTenantBackIn({ db: h.ctx.db, actor: admin, tenantId: tenant.id, reason: 'x'.repeat(500) });
    expect((await rowOf(tenant.id)).optedOut).toBe(false);
  });

  it('refuses an erased tenant: an erasure stays', async () => {
    const tenant = await selfOptedOutTenant();
    await eraseTenantData({
      db: h.ctx.db,
      actor: systemActor('test'),
      tenantId: tenant.id,
      confirm: tenant.externalId,
    });
    const erased = await rowOf(tenant.id);
    const err = await refusal(optTenantBackIn({ db: h.ctx.db, actor: admin, tenantId: tenant.id, reason }));
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/erased/);
    expect(await rowOf(tenant.id)).toEqual(erased);
    expect(erased).toMatchObject({ optedOut: true });
    expect(await optInAudits(tenant.id)).toHaveLength(0);
  });

  it('refuses a tenant opted out only by the ERP, and one not opted out; null for an unknown tenant', async () => {
    const byErp = await buildTenant(h.ctx.db, { optedOut: true, optedOutAt: new Date() });
    const err = await refusal(optTenantBackIn({ db: h.ctx.db, actor: admin, tenantId: byErp.id, reason }));
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/ERP/);
    expect(await rowOf(byErp.id)).toEqual(byErp);

    const surveyed = await buildTenant(h.ctx.db);
    expect(
      (await refusal(optTenantBackIn({ db: h.ctx.db, actor: admin, tenantId: surveyed.id, reason }))).code,
    ).toBe('conflict');
    expect(await optTenantBackIn({ db: h.ctx.db, actor: admin, tenantId: 999_999, reason })).toBeNull();
  });

  it('refuses anyone but an admin', async () => {
    const tenant = await selfOptedOutTenant();
    const quality: Actor = { ...admin, role: 'quality' } as Actor;
    await expect(
      optTenantBackIn({ db: h.ctx.db, actor: quality, tenantId: tenant.id, reason }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      optTenantBackIn({
        db: h.ctx.db,
        actor: { kind: 'api_key', apiKeyId: 1, name: 'erp', scopes: ['masterdata:write'] },
        tenantId: tenant.id,
        reason,
      }),
    ).rejects.toThrow(ForbiddenError);
    expect(await rowOf(tenant.id)).toEqual(tenant);
  });
});

describe('the ERP after an opt-in', () => {
  let erp: ReturnType<typeof erpCalls>;
  beforeAll(() => {
    erp = erpCalls(h, adminHeaders);
  });

  it('treats the tenant as any other: surveys reach them, and the ERP may opt them out and in again', async () => {
    const home = await buildUnit(h.ctx.db);
    const erpTenant = {
      externalId: 'BACK-T1',
      unitExternalId: home.externalId,
      name: 'Fatima el Amrani',
      email: 'f.elamrani@example.invalid',
      optedOut: false,
    };
    await erp.post('/api/v1/tenants', { tenants: [erpTenant] });
    const [created] = await h.ctx.db.select().from(tenants).where(eq(tenants.externalId, 'BACK-T1'));
    // an e-mail of two months ago, its survey expired: the tenant is out of quarantine
    const job = await buildJob(h.ctx.db, { tenantId: created!.id });
    const day = 86_400_000;
    const { token } = await buildSentInvitation(h.ctx.db, h.ctx.secret, job, {
      status: 'expired',
      sentAt: new Date(Date.now() - 60 * day),
      expiresAt: new Date(Date.now() - 46 * day),
    });
    await unsubscribeTenant({ db: h.ctx.db, token });
    await erp.completedJob('BACK-J0', 'BACK-T1');
    expect(await erp.invitationOf('BACK-J0')).toEqual({ status: 'suppressed', reason: 'opted_out' });
    await optTenantBackIn({ db: h.ctx.db, actor: admin, tenantId: created!.id, reason });
    const optedIn = await rowOf(created!.id);
    expect(optedIn).toMatchObject({ optedOut: false, optedOutAt: null, selfOptedOutAt: null });

    // the ERP's usual `optedOut: false` changes nothing; a completed job brings a survey again
    expect(await erp.post('/api/v1/tenants', { tenants: [erpTenant] })).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
    await erp.completedJob('BACK-J1', 'BACK-T1');
    expect(await erp.invitationOf('BACK-J1')).toEqual({ status: 'scheduled', reason: null });

    // the ERP opts them out, and in again: its own opt-out, which it may undo
    await erp.post('/api/v1/tenants', { tenants: [{ ...erpTenant, optedOut: true }] });
    const byErp = await rowOf(created!.id);
    expect(byErp).toMatchObject({ optedOut: true, selfOptedOutAt: null });
    expect(byErp.optedOutAt).toBeInstanceOf(Date);
    await erp.post('/api/v1/tenants', { tenants: [erpTenant] });
    expect(await rowOf(created!.id)).toMatchObject({ optedOut: false, optedOutAt: null });

    // and the tenant may opt out again themselves, which lasts as before
    await unsubscribeTenant({ db: h.ctx.db, token });
    await erp.post('/api/v1/tenants', { tenants: [erpTenant] });
    const again = await rowOf(created!.id);
    expect(again).toMatchObject({ optedOut: true });
    expect(again.selfOptedOutAt).toBeInstanceOf(Date);
  });
});
