import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  invitations,
  jobs,
  outboxMessages,
  responseAnswers,
  responses,
  tenants,
} from '../../db/schema';
import { systemActor } from '../../policy/actor';
import { startHarness, type TestHarness } from '../../test/harness';
import { buildTenantWithHistory } from '../../test/tenant-with-history';
import { DomainError } from '../errors';
import { eraseTenantData } from './erase-tenant-data';
import { exportTenantData } from './export-tenant-data';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const admin = systemActor('test');
const one = async <T>(rows: Promise<T[]>) => (await rows)[0]!;

describe('eraseTenantData', () => {
  it('erases the tenant’s personal data in one go, keeps the figures and the housemate’s data, and a second erase changes nothing', async () => {
    const t = await buildTenantWithHistory(h.ctx.db, h.ctx.secret);
    const db = h.ctx.db;
    const result = await eraseTenantData({
      db,
      actor: admin,
      tenantId: t.tenant.id,
      confirm: t.tenant.externalId,
    });
    expect(result).toEqual({
      tenantId: t.tenant.id,
      externalId: t.tenant.externalId,
      responses: 1,
      invitations: 3,
      messages: 4,
    });

    expect(await one(db.select().from(tenants).where(eq(tenants.id, t.tenant.id)))).toMatchObject({
      externalId: t.tenant.externalId,
      name: 'Gewiste huurder',
      email: null,
      mobile: null,
      preferredChannel: 'none',
      optedOut: true,
      unitId: t.unit.id,
      erasedAt: expect.any(Date),
    });
    // jobs keep their tenant: the ERP owns that link; it now points at a row without personal data
    expect((await one(db.select().from(jobs).where(eq(jobs.id, t.jobs.answered.id)))).tenantId).toBe(
      t.tenant.id,
    );

    const response = await one(db.select().from(responses).where(eq(responses.id, t.response.id)));
    expect(response).toMatchObject({
      tenantId: null,
      invitationId: null,
      jobId: null,
      unitId: null,
      grade: 5,
    });
    expect(response.teamId).toBe(t.jobs.answered.teamId);
    expect(response.unlinkedAt).toBeInstanceOf(Date);
    const comment = await one(
      db
        .select()
        .from(responseAnswers)
        .where(eq(responseAnswers.responseId, t.response.id))
        .orderBy(sql`id desc`),
    );
    expect(comment.textValue).toBe('Ik, [naam], wacht nog steeds.');

    const invitationRows = await db
      .select()
      .from(invitations)
      .where(
        inArray(invitations.id, [
          t.invitations.answered.id,
          t.invitations.open.id,
          t.invitations.scheduled.id,
        ]),
      )
      .orderBy(invitations.id);
    for (const i of invitationRows)
      expect(i).toMatchObject({ tenantId: null, tokenHash: null, tokenNonce: null, draftAnswers: null });
    expect(invitationRows.map((i) => [i.status, i.suppressionReason])).toEqual([
      ['answered', null],
      ['expired', null],
      ['suppressed', 'opted_out'],
    ]);
    expect(invitationRows[1]!.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now());

    const message = (id: number) => one(db.select().from(outboxMessages).where(eq(outboxMessages.id, id)));
    for (const m of [t.messages.invitation, t.messages.sms, t.messages.queued, t.messages.unlinked])
      expect(await message(m.id)).toMatchObject({
        recipient: '[gewist]',
        subject: null,
        bodyText: '',
        bodyHtml: null,
        unsubscribeUrl: null,
      });
    expect(await message(t.messages.queued.id)).toMatchObject({
      status: 'failed',
      lastError: 'recipient erased (AVG)',
    });
    expect(await message(t.messages.invitation.id)).toMatchObject({ status: 'sent', lastError: null });
    // the housemate sharing the address keeps their message and response
    expect(await message(t.messages.housemate.id)).toMatchObject({
      recipient: t.tenant.email,
      bodyText: 'Beste Els, …',
    });
    expect(await message(t.messages.stranger.id)).toMatchObject({
      recipient: 'iemand.anders@example.invalid',
    });
    expect(
      await one(db.select().from(responses).where(eq(responses.id, t.housemateResponse.id))),
    ).toMatchObject({
      tenantId: t.housemate.id,
      unlinkedAt: null,
    });

    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'tenant-data.erased'));
    expect(audit).toMatchObject({ subjectType: 'tenant', subjectId: String(t.tenant.id) });
    expect(JSON.stringify(audit)).not.toMatch(/Jansen|fam\.jansen|12345678/);

    // nothing of theirs is left to export
    const after = (await exportTenantData({ db, actor: admin, tenantId: t.tenant.id }))!;
    expect(after.tenant.name).toBe('Gewiste huurder');
    expect([after.invitations, after.messages, after.responses]).toEqual([[], [], []]);

    // a second erase finds nothing more, and keeps the moment of the first
    const erasedAt = (await one(db.select().from(tenants).where(eq(tenants.id, t.tenant.id)))).erasedAt;
    const snapshot = await db.select().from(outboxMessages).orderBy(outboxMessages.id);
    expect(
      await eraseTenantData({ db, actor: admin, tenantId: t.tenant.id, confirm: t.tenant.externalId }),
    ).toMatchObject({ responses: 0, invitations: 0, messages: 0 });
    expect(await db.select().from(outboxMessages).orderBy(outboxMessages.id)).toEqual(snapshot);
    expect((await one(db.select().from(tenants).where(eq(tenants.id, t.tenant.id)))).erasedAt).toEqual(
      erasedAt,
    );
  });

  it('refuses a wrong confirmation, naming the field, and writes nothing', async () => {
    const t = await buildTenantWithHistory(h.ctx.db, h.ctx.secret);
    const err = await eraseTenantData({
      db: h.ctx.db,
      actor: admin,
      tenantId: t.tenant.id,
      confirm: 'HUU-verkeerd',
    }).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe('invalid_request');
    expect(err.message).toMatch(/confirm/);
    expect((await one(h.ctx.db.select().from(tenants).where(eq(tenants.id, t.tenant.id)))).name).toBe(
      t.tenant.name,
    );
    expect(await eraseTenantData({ db: h.ctx.db, actor: admin, tenantId: 999_999, confirm: 'x' })).toBeNull();
  });

  it('leaves everything as it was when the erasure fails halfway', async () => {
    const t = await buildTenantWithHistory(h.ctx.db, h.ctx.secret);
    const db = h.ctx.db;
    // the last step (the tenant row) fails after responses, invitations and messages were changed
    await h.ctx.database.executeSql(`
      CREATE FUNCTION refuse_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'disk full'; END $$;
      CREATE TRIGGER refuse_erasure BEFORE UPDATE ON tenants FOR EACH ROW
        WHEN (NEW.name = 'Gewiste huurder') EXECUTE FUNCTION refuse_erasure();`);
    try {
      const before = {
        response: await one(db.select().from(responses).where(eq(responses.id, t.response.id))),
        answers: await db.select().from(responseAnswers).where(eq(responseAnswers.responseId, t.response.id)),
        invitations: await db.select().from(invitations).where(eq(invitations.tenantId, t.tenant.id)),
        messages: await db.select().from(outboxMessages).orderBy(outboxMessages.id),
      };
      const err = await eraseTenantData({
        db,
        actor: admin,
        tenantId: t.tenant.id,
        confirm: t.tenant.externalId,
      }).then(
        () => null,
        (e) => e,
      );
      expect(String(err?.cause?.message ?? err)).toMatch(/disk full/);
      expect({
        response: await one(db.select().from(responses).where(eq(responses.id, t.response.id))),
        answers: await db.select().from(responseAnswers).where(eq(responseAnswers.responseId, t.response.id)),
        invitations: await db.select().from(invitations).where(eq(invitations.tenantId, t.tenant.id)),
        messages: await db.select().from(outboxMessages).orderBy(outboxMessages.id),
      }).toEqual(before);
      expect(
        await db
          .select()
          .from(auditLog)
          .where(eq(auditLog.subjectId, String(t.tenant.id))),
      ).toEqual([]);
    } finally {
      await h.ctx.database.executeSql(
        'DROP TRIGGER refuse_erasure ON tenants; DROP FUNCTION refuse_erasure();',
      );
    }
  });
});
