import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations, jobs, tenants } from '../../db/schema';
import { systemActor } from '../../policy/actor';
import { buildUnit } from '../../test/factories';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';
import { importFile } from '../imports/run-import';
import { eraseTenantData } from '../tenants/erase-tenant-data';

let h: TestHarness;
let admin: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
  admin = { cookie: (await signedInAs(h, 'admin')).cookie, origin: 'http://localhost:3000' };
  // scheduling wakes the dispatcher after commit; no worker runs here
  h.ctx.jobs = { send: async () => 'id' };
});
afterAll(async () => h?.close());

const post = async (url: string, payload: object) => {
  const res = await h.app.inject({ method: 'POST', url, payload, headers: admin });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const rowOf = async (externalId: string) =>
  (await h.ctx.db.select().from(tenants).where(eq(tenants.externalId, externalId)))[0]!;

describe('the ERP re-sends an erased tenant', () => {
  it('through the batch API and the CSV import: no name, contact data or opt-in comes back; the home follows the ERP', async () => {
    const home = await buildUnit(h.ctx.db);
    const newHome = await buildUnit(h.ctx.db);
    const tenant = {
      externalId: 'ERASE-T1',
      unitExternalId: home.externalId,
      name: 'Karel Jansen',
      email: 'k.jansen@example.invalid',
      mobile: '06-12345678',
      preferredChannel: 'both',
      optedOut: false,
    };
    await post('/api/v1/tenants', { tenants: [tenant] });
    const stored = await rowOf('ERASE-T1');
    expect(stored).toMatchObject({ name: 'Karel Jansen', optedOut: false, erasedAt: null });

    await eraseTenantData({
      db: h.ctx.db,
      actor: systemActor('test'),
      tenantId: stored.id,
      confirm: 'ERASE-T1',
    });
    const erased = await rowOf('ERASE-T1');
    expect(erased.erasedAt).toBeInstanceOf(Date);
    const asErased = {
      id: stored.id,
      name: 'Gewiste huurder',
      email: null,
      mobile: null,
      preferredChannel: 'none',
      optedOut: true,
      optedOutAt: erased.optedOutAt,
      erasedAt: erased.erasedAt,
    };

    // the same row as before the erasure, explicitly opted in again
    expect(await post('/api/v1/tenants', { tenants: [tenant] })).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
    expect(await rowOf('ERASE-T1')).toEqual({ ...asErased, externalId: 'ERASE-T1', unitId: home.id });

    // the home is the ERP's, not the person's: a move is stored
    expect(
      await post('/api/v1/tenants', { tenants: [{ ...tenant, unitExternalId: newHome.externalId }] }),
    ).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await rowOf('ERASE-T1')).toMatchObject({ ...asErased, unitId: newHome.id });

    const csv = [
      'huurder;vhe;naam;email;mobiel;voorkeurskanaal;uitgeschreven',
      `ERASE-T1;${newHome.externalId};K. Jansen;karel@example.invalid;0612345678;sms;nee`,
      `ERASE-T2;${home.externalId};Els Pieters;els@example.invalid;;;nee`,
    ].join('\n');
    const run = await importFile({
      db: h.ctx.db,
      actor: systemActor('test'),
      kind: 'tenants',
      fileName: 'huurders.csv',
      bytes: Buffer.from(csv),
    });
    expect(run, JSON.stringify(run.problems)).toMatchObject({ status: 'done', inserted: 1, unchanged: 1 });
    expect(await rowOf('ERASE-T1')).toMatchObject({ ...asErased, unitId: newHome.id });
    // a tenant never erased is stored as sent
    expect(await rowOf('ERASE-T2')).toMatchObject({
      name: 'Els Pieters',
      email: 'els@example.invalid',
      optedOut: false,
      erasedAt: null,
    });

    // a job completed for them afterwards invites nobody
    await post('/api/v1/jobs', {
      jobs: [
        {
          externalId: 'ERASE-J1',
          journey: 'repair',
          status: 'completed',
          completedAt: new Date(Date.now() - 3_600_000).toISOString(),
          tenantExternalId: 'ERASE-T1',
        },
      ],
    });
    const [invitation] = await h.ctx.db
      .select({ status: invitations.status, reason: invitations.suppressionReason })
      .from(invitations)
      .innerJoin(jobs, eq(jobs.id, invitations.jobId))
      .where(eq(jobs.externalId, 'ERASE-J1'));
    expect(invitation).toEqual({ status: 'suppressed', reason: 'opted_out' });
  });
});
