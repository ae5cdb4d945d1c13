import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants } from '../../db/schema';
import { unsubscribeTenant } from '../../domain/responses/unsubscribe-tenant';
import { eraseTenantData } from '../../domain/tenants/erase-tenant-data';
import { systemActor } from '../../policy/actor';
import { buildJob, buildTenant, buildUnit } from '../../test/factories';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';
import { buildSentInvitation } from '../../test/survey-factories';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const rowOf = async (id: number) => (await h.ctx.db.select().from(tenants).where(eq(tenants.id, id)))[0]!;

describe('GET /api/v1/tenants', () => {
  it('says whether a tenant opted out themselves or was erased, and since when', async () => {
    const home = await buildUnit(h.ctx.db);
    const inHome = { unitId: home.id };
    const plain = await buildTenant(h.ctx.db, { ...inHome, name: 'Karin Plas' });
    const byErp = await buildTenant(h.ctx.db, {
      ...inHome,
      name: 'Lotte Erp',
      optedOut: true,
      optedOutAt: new Date('2026-02-01T09:00:00Z'),
    });
    const asked = await buildTenant(h.ctx.db, { ...inHome, name: 'Mees Vraag' });
    const job = await buildJob(h.ctx.db, { tenantId: asked.id, unitId: home.id });
    const { token } = await buildSentInvitation(h.ctx.db, h.ctx.secret, job);
    await unsubscribeTenant({ db: h.ctx.db, token });
    const gone = await buildTenant(h.ctx.db, { ...inHome, name: 'Noor Gewist' });
    await eraseTenantData({
      db: h.ctx.db,
      actor: systemActor('test'),
      tenantId: gone.id,
      confirm: gone.externalId,
    });
    const [askedNow, goneNow] = [await rowOf(asked.id), await rowOf(gone.id)];
    expect(askedNow.selfOptedOutAt).toBeInstanceOf(Date);
    expect(goneNow.erasedAt).toBeInstanceOf(Date);

    for (const role of ['admin', 'contact_centre', 'quality'] as const) {
      const headers = { cookie: (await signedInAs(h, role)).cookie, origin: 'http://localhost:3000' };
      const res = await h.app.inject({ method: 'GET', url: `/api/v1/tenants?unitId=${home.id}`, headers });
      expect(res.statusCode, res.body).toBe(200);
      // by name: the erased tenant's is the erasure's ('Gewiste huurder'), so it comes first
      // what the reader may do with each tenant travels with it: only an admin handles AVG requests
      const admin = role === 'admin';
      expect(res.json().items, role).toEqual([
        {
          id: gone.id,
          externalId: gone.externalId,
          name: 'Gewiste huurder',
          email: null,
          mobile: null,
          preferredChannel: 'none',
          optedOut: true,
          selfOptedOutAt: null,
          erasedAt: goneNow.erasedAt!.toISOString(),
          can: { exportData: admin, erase: false, optBackIn: false },
        },
        expect.objectContaining({
          id: plain.id,
          optedOut: false,
          selfOptedOutAt: null,
          erasedAt: null,
          can: { exportData: admin, erase: admin, optBackIn: false },
        }),
        expect.objectContaining({
          id: byErp.id,
          optedOut: true,
          selfOptedOutAt: null,
          erasedAt: null,
          can: { exportData: admin, erase: admin, optBackIn: false },
        }),
        expect.objectContaining({
          id: asked.id,
          email: asked.email,
          optedOut: true,
          selfOptedOutAt: askedNow.selfOptedOutAt!.toISOString(),
          erasedAt: null,
          can: { exportData: admin, erase: admin, optBackIn: admin },
        }),
      ]);
    }
  });
});
