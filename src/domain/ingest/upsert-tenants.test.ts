import { readFileSync } from 'node:fs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, invitations, tenants } from '../../db/schema';
import { fromProjectRoot } from '../../lib/project-root';
import { systemActor } from '../../policy/actor';
import { testBackend } from '../../test/database';
import { erpCalls } from '../../test/erp-calls';
import { buildJob, buildTenant, buildUnit } from '../../test/factories';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';
import { buildSentInvitation } from '../../test/survey-factories';
import { importFile } from '../imports/run-import';
import { unsubscribeTenant } from '../responses/unsubscribe-tenant';
import { eraseTenantData } from '../tenants/erase-tenant-data';
import { exportTenantData } from '../tenants/export-tenant-data';
import { rowsOf, type Tx } from './upsert-sql';

let h: TestHarness;
let admin: Record<string, string>;
let erp: ReturnType<typeof erpCalls>;
beforeAll(async () => {
  h = await startHarness();
  admin = { cookie: (await signedInAs(h, 'admin')).cookie, origin: 'http://localhost:3000' };
  erp = erpCalls(h, admin);
  // scheduling wakes the dispatcher after commit; no worker runs here
  h.ctx.jobs = { send: async () => 'id' };
});
afterAll(async () => h?.close());

const rowOf = async (externalId: string) =>
  (await h.ctx.db.select().from(tenants).where(eq(tenants.externalId, externalId)))[0]!;

/**
 * A transaction on a connection of its own that runs `write` and then stays open, holding the rows
 * it locked, until `commit` (PostgreSQL only: PGlite has one connection).
 */
async function heldTransaction(write: (tx: Tx) => Promise<unknown>) {
  let holding!: () => void;
  const held = new Promise<void>((resolve) => {
    holding = resolve;
  });
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const done = h.ctx.db.transaction(async (tx) => {
    await write(tx);
    holding();
    await released;
  });
  await Promise.race([held, done]);
  const commit = async () => {
    release();
    await done;
  };
  stillHeld.push(commit);
  return { commit };
}
// a test that fails while a transaction is held ends it, so that the database can close
const stillHeld: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const commit of stillHeld.splice(0)) await commit().catch(() => {});
});
/** Whether, within 5 s, a statement whose text is LIKE `pattern` waits for a lock another transaction holds. */
async function waitsForALock(pattern: string) {
  const waiting = async () => {
    const [row] = await rowsOf<{ n: number }>(
      h.ctx.db,
      sql`SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE ${pattern}`,
    );
    return row!.n > 0;
  };
  for (let i = 0; i < 200 && !(await waiting()); i++) await new Promise((r) => setTimeout(r, 25));
  return waiting();
}

const importTenants = (lines: string[]) =>
  importFile({
    db: h.ctx.db,
    actor: systemActor('test'),
    kind: 'tenants',
    fileName: 'huurders.csv',
    bytes: Buffer.from(['huurder;vhe;naam;email;mobiel;voorkeurskanaal;uitgeschreven', ...lines].join('\n')),
  });
const optOutAudits = async (tenantId: number) =>
  h.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'tenant.opted_out'), eq(auditLog.subjectId, String(tenantId))));
/** the tenant's link, as the invitation e-mail carries it */
async function surveyLinkOf(externalId: string) {
  const tenant = await rowOf(externalId);
  const job = await buildJob(h.ctx.db, { tenantId: tenant.id, unitId: tenant.unitId });
  return (await buildSentInvitation(h.ctx.db, h.ctx.secret, job)).token;
}

/** Karel Jansen as the ERP sends him, living in `home`, with everything it has on him */
const karel = (externalId: string, home: { externalId: string }) => ({
  externalId,
  unitExternalId: home.externalId,
  name: 'Karel Jansen',
  email: 'k.jansen@example.invalid',
  mobile: '06-12345678',
  preferredChannel: 'both',
  optedOut: false,
});
const erase = (tenantId: number, externalId: string) =>
  eraseTenantData({ db: h.ctx.db, actor: systemActor('test'), tenantId, confirm: externalId });

describe('the ERP re-sends an erased tenant', () => {
  it('through the batch API and the CSV import: no name, contact data or opt-in comes back; the home follows the ERP', async () => {
    const home = await buildUnit(h.ctx.db);
    const newHome = await buildUnit(h.ctx.db);
    const tenant = karel('ERASE-T1', home);
    await erp.post('/api/v1/tenants', { tenants: [tenant] });
    const stored = await rowOf('ERASE-T1');
    expect(stored).toMatchObject({ name: 'Karel Jansen', optedOut: false, erasedAt: null });

    await erase(stored.id, 'ERASE-T1');
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
      selfOptedOutAt: null,
    };

    // the same row as before the erasure, explicitly opted in again
    expect(await erp.post('/api/v1/tenants', { tenants: [tenant] })).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
    expect(await rowOf('ERASE-T1')).toEqual({ ...asErased, externalId: 'ERASE-T1', unitId: home.id });

    // the home is the ERP's, not the person's: a move is stored
    expect(
      await erp.post('/api/v1/tenants', { tenants: [{ ...tenant, unitExternalId: newHome.externalId }] }),
    ).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await rowOf('ERASE-T1')).toMatchObject({ ...asErased, unitId: newHome.id });

    const run = await importTenants([
      `ERASE-T1;${newHome.externalId};K. Jansen;karel@example.invalid;0612345678;sms;nee`,
      `ERASE-T2;${home.externalId};Els Pieters;els@example.invalid;;;nee`,
    ]);
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
    await erp.completedJob('ERASE-J1', 'ERASE-T1');
    expect(await erp.invitationOf('ERASE-J1')).toEqual({ status: 'suppressed', reason: 'opted_out' });
  });

  // Needs connections of its own: the erasure holds the row while the upsert's statement begins.
  it.skipIf(testBackend === 'pglite')(
    'an erasure committed while the upsert waits for the row is not undone',
    async () => {
      const home = await buildUnit(h.ctx.db);
      const newHome = await buildUnit(h.ctx.db);
      const tenant = karel('ERASE-T3', home);
      await erp.post('/api/v1/tenants', { tenants: [tenant] });
      const stored = await rowOf('ERASE-T3');
      await surveyLinkOf('ERASE-T3');

      // The erasure itself, stopped after it locked the tenant's row: another transaction holds the
      // tenant's invitation, which the erasure locks next.
      const holdingTheInvitation = await heldTransaction((tx) =>
        tx.select().from(invitations).where(eq(invitations.tenantId, stored.id)).for('update'),
      );
      const erasing = erase(stored.id, 'ERASE-T3');
      expect(await waitsForALock('%from "invitations"%for update%')).toBe(true);
      // the ERP moves them to another home, sending everything it has on them again
      const upserting = erp.post('/api/v1/tenants', {
        tenants: [{ ...tenant, unitExternalId: newHome.externalId }],
      });
      expect(await waitsForALock('%resolved%')).toBe(true);
      await holdingTheInvitation.commit();
      expect(await erasing).toMatchObject({ tenantId: stored.id, invitations: 1 });
      expect(await upserting).toEqual({ inserted: 0, updated: 1, unchanged: 0 });

      const row = await rowOf('ERASE-T3');
      expect(row.erasedAt).toBeInstanceOf(Date);
      expect(row).toEqual({
        ...stored,
        unitId: newHome.id,
        name: 'Gewiste huurder',
        email: null,
        mobile: null,
        preferredChannel: 'none',
        optedOut: true,
        optedOutAt: row.erasedAt,
        erasedAt: row.erasedAt,
      });
    },
  );
});

describe('the ERP re-sends a tenant who opted out themselves', () => {
  it('through the batch API and the CSV import: contact data follow the ERP, the opt-out and its moment stay', async () => {
    const home = await buildUnit(h.ctx.db);
    const tenant = {
      externalId: 'SELF-T1',
      unitExternalId: home.externalId,
      name: 'Fatima el Amrani',
      email: 'f.elamrani@example.invalid',
      preferredChannel: 'email',
      optedOut: false,
    };
    await erp.post('/api/v1/tenants', { tenants: [tenant] });
    const token = await surveyLinkOf('SELF-T1');
    expect(await unsubscribeTenant({ db: h.ctx.db, token })).toMatchObject({ state: 'unsubscribed' });
    const unsubscribed = await rowOf('SELF-T1');
    expect(unsubscribed.optedOut).toBe(true);
    expect(unsubscribed.selfOptedOutAt).toBeInstanceOf(Date);
    expect(unsubscribed.optedOutAt).toEqual(unsubscribed.selfOptedOutAt);
    const optedOut = {
      optedOut: true,
      optedOutAt: unsubscribed.optedOutAt,
      selfOptedOutAt: unsubscribed.selfOptedOutAt,
    };

    // the ERP's usual `optedOut: false`: nothing to write
    expect(await erp.post('/api/v1/tenants', { tenants: [tenant] })).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
    expect(await rowOf('SELF-T1')).toEqual(unsubscribed);

    // a new e-mail address is stored; the opt-out stays
    expect(
      await erp.post('/api/v1/tenants', { tenants: [{ ...tenant, email: 'fatima@example.invalid' }] }),
    ).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await rowOf('SELF-T1')).toMatchObject({ ...optedOut, email: 'fatima@example.invalid' });

    // the import's 'nee' likewise
    const run = await importTenants([
      `SELF-T1;${home.externalId};Fatima el Amrani;fatima@example.invalid;0687654321;;nee`,
    ]);
    expect(run, JSON.stringify(run.problems)).toMatchObject({ status: 'done', updated: 1 });
    expect(await rowOf('SELF-T1')).toMatchObject({ ...optedOut, mobile: '0687654321' });

    // the ERP opting them out too changes nothing
    expect(await erp.post('/api/v1/tenants', { tenants: [{ ...tenant, optedOut: true }] })).toMatchObject({
      updated: 1, // the e-mail address goes back to the one sent
    });
    expect(await rowOf('SELF-T1')).toMatchObject(optedOut);

    // asking again changes nothing either: no second audit entry, the first moment stays
    await unsubscribeTenant({ db: h.ctx.db, token });
    expect(await rowOf('SELF-T1')).toMatchObject(optedOut);
    expect(await optOutAudits(unsubscribed.id)).toHaveLength(1);

    // no survey reaches them
    await erp.completedJob('SELF-J1', 'SELF-T1');
    expect(await erp.invitationOf('SELF-J1')).toEqual({ status: 'suppressed', reason: 'opted_out' });

    // their data export says they asked, and when
    const doc = await exportTenantData({
      db: h.ctx.db,
      actor: systemActor('test'),
      tenantId: unsubscribed.id,
    });
    expect(doc!.tenant).toMatchObject({
      optedOut: true,
      optedOutAt: unsubscribed.optedOutAt!.toISOString(),
      selfOptedOutAt: unsubscribed.selfOptedOutAt!.toISOString(),
    });
  });

  it('also when the ERP had opted them out before: the ERP cannot opt them in again', async () => {
    const home = await buildUnit(h.ctx.db);
    const tenant = {
      externalId: 'SELF-T2',
      unitExternalId: home.externalId,
      name: 'Jan de Wit',
      email: 'jdw@example.invalid',
    };
    await erp.post('/api/v1/tenants', { tenants: [{ ...tenant, optedOut: true }] });
    const byErp = await rowOf('SELF-T2');
    expect(byErp).toMatchObject({ optedOut: true, selfOptedOutAt: null });
    expect(byErp.optedOutAt).toBeInstanceOf(Date);

    await unsubscribeTenant({ db: h.ctx.db, token: await surveyLinkOf('SELF-T2') });
    const asked = await rowOf('SELF-T2');
    // opted out since the ERP said so; the tenant's own wish is recorded and audited
    expect(asked).toMatchObject({ optedOut: true, optedOutAt: byErp.optedOutAt });
    expect(asked.selfOptedOutAt).toBeInstanceOf(Date);
    expect(await optOutAudits(asked.id)).toHaveLength(1);

    expect(await erp.post('/api/v1/tenants', { tenants: [{ ...tenant, optedOut: false }] })).toMatchObject({
      unchanged: 1,
    });
    const run = await importTenants([`SELF-T2;${home.externalId};Jan de Wit;jdw@example.invalid;;;nee`]);
    expect(run, JSON.stringify(run.problems)).toMatchObject({ status: 'done', unchanged: 1 });
    expect(await rowOf('SELF-T2')).toEqual(asked);
  });

  it('a tenant opted out only by the ERP is opted in again by the ERP', async () => {
    const home = await buildUnit(h.ctx.db);
    const tenant = {
      externalId: 'ERP-T3',
      unitExternalId: home.externalId,
      name: 'Piet Bakker',
      email: 'pb@example.invalid',
    };
    await erp.post('/api/v1/tenants', { tenants: [{ ...tenant, optedOut: true }] });
    expect(await rowOf('ERP-T3')).toMatchObject({ optedOut: true, selfOptedOutAt: null });
    const run = await importTenants([`ERP-T3;${home.externalId};Piet Bakker;pb@example.invalid;;;nee`]);
    expect(run, JSON.stringify(run.problems)).toMatchObject({ status: 'done', updated: 1 });
    expect(await rowOf('ERP-T3')).toMatchObject({ optedOut: false, optedOutAt: null, selfOptedOutAt: null });
    await erp.completedJob('ERP-J3', 'ERP-T3');
    expect((await erp.invitationOf('ERP-J3'))?.status).toBe('scheduled');
  });

  // Needs a second connection: the unsubscribe holds the row while the upsert's statement begins.
  it.skipIf(testBackend === 'pglite')(
    'an opt-out committed while the upsert waits for the row is not undone',
    async () => {
      const home = await buildUnit(h.ctx.db);
      const tenant = {
        externalId: 'SELF-T4',
        unitExternalId: home.externalId,
        name: 'Els Visser',
        optedOut: false,
      };
      await erp.post('/api/v1/tenants', { tenants: [tenant] });

      // what unsubscribe-tenant writes, kept open until the upsert waits for it
      const unsubscribing = await heldTransaction((tx) =>
        tx
          .update(tenants)
          .set({ optedOut: true, optedOutAt: sql`now()`, selfOptedOutAt: sql`now()` })
          .where(eq(tenants.externalId, 'SELF-T4')),
      );
      const upserting = erp.post('/api/v1/tenants', { tenants: [tenant] });
      expect(await waitsForALock('%resolved%')).toBe(true);
      await unsubscribing.commit();
      await upserting;

      const row = await rowOf('SELF-T4');
      expect(row.selfOptedOutAt).toBeInstanceOf(Date);
      expect(row).toMatchObject({ optedOut: true, optedOutAt: row.selfOptedOutAt });
    },
  );
});

describe('migration 0003 (tenant_self_opt_out)', () => {
  it('finds the tenants who unsubscribed before through the audit log and opts them out again', async () => {
    const backfill = readFileSync(fromProjectRoot('drizzle/0003_tenant_self_opt_out.sql'), 'utf8').split(
      '--> statement-breakpoint',
    )[1]!;
    const asked = new Date('2026-03-02T10:00:00Z');
    const later = new Date('2026-05-01T10:00:00Z');
    // as the rows were before the column existed (buildTenant leaves selfOptedOutAt empty)
    const reOptedIn = await buildTenant(h.ctx.db, { optedOut: false });
    const stillOut = await buildTenant(h.ctx.db, { optedOut: true, optedOutAt: asked });
    const byAdmin = await buildTenant(h.ctx.db, { optedOut: false });
    const erased = await buildTenant(h.ctx.db, { optedOut: true, optedOutAt: asked, erasedAt: later });
    const neverAsked = await buildTenant(h.ctx.db, { optedOut: false });
    const audit = (tenantId: number, at: Date, actorUserId: string | null = null) => ({
      action: 'tenant.opted_out',
      subjectType: 'tenant',
      subjectId: String(tenantId),
      at,
      actorUserId,
      details: { via: 'survey link' },
    });
    await h.ctx.db
      .insert(auditLog)
      .values([
        audit(reOptedIn.id, later),
        audit(reOptedIn.id, asked),
        audit(stillOut.id, asked),
        audit(byAdmin.id, asked, 'some-user'),
        audit(erased.id, asked),
      ]);

    await h.ctx.db.execute(sql.raw(backfill));

    const ids = [reOptedIn, stillOut, byAdmin, erased, neverAsked].map((t) => t.id);
    const rows = new Map(
      (await h.ctx.db.select().from(tenants).where(inArray(tenants.id, ids))).map((r) => [r.id, r]),
    );
    expect(rows.get(reOptedIn.id)).toMatchObject({
      optedOut: true,
      optedOutAt: asked,
      selfOptedOutAt: asked,
    });
    expect(rows.get(stillOut.id)).toMatchObject({ optedOut: true, optedOutAt: asked, selfOptedOutAt: asked });
    for (const untouched of [byAdmin, erased, neverAsked]) expect(rows.get(untouched.id)).toEqual(untouched);
  });
});
