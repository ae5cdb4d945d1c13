import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { type Actor, systemActor } from '../../policy/actor';
import { ForbiddenError } from '../../policy/policy';
import { startHarness, type TestHarness } from '../../test/harness';
import { buildTenantWithHistory } from '../../test/tenant-with-history';
import { exportTenantData } from './export-tenant-data';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const admin = systemActor('test');

describe('exportTenantData', () => {
  it('gives the tenant record, homes, jobs, invitations, messages and responses — also without consent — and nobody else’s', async () => {
    const t = await buildTenantWithHistory(h.ctx.db, h.ctx.secret);
    const doc = (await exportTenantData({ db: h.ctx.db, actor: admin, tenantId: t.tenant.id }))!;

    expect(doc.format).toBe('achtplus.tenant-data/1');
    expect(doc.tenant).toMatchObject({
      id: t.tenant.id,
      externalId: t.tenant.externalId,
      name: t.tenant.name,
      email: t.tenant.email,
      mobile: '06-12345678',
    });
    expect(doc.units.map((u) => u.id)).toEqual([t.unit.id]);
    expect(doc.jobs.map((j) => j.externalId).sort()).toEqual(
      [t.jobs.answered, t.jobs.open, t.jobs.scheduled].map((j) => j.externalId).sort(),
    );
    expect(doc.jobs[0]!.completedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(doc.invitations.map((i) => [i.id, i.status])).toEqual([
      [t.invitations.answered.id, 'answered'],
      [t.invitations.open.id, 'sent'],
      [t.invitations.scheduled.id, 'scheduled'],
    ]);
    expect(doc.invitations[1]!.draftAnswers).toEqual({ grade: 9 });

    const messageIds = doc.messages.map((m) => m.id);
    expect(messageIds).toEqual(
      [t.messages.invitation, t.messages.sms, t.messages.queued, t.messages.unlinked].map((m) => m.id),
    );
    expect(messageIds).not.toContain(t.messages.housemate.id);
    expect(messageIds).not.toContain(t.messages.stranger.id);

    // the response without consent is theirs to see
    expect(doc.responses).toHaveLength(1);
    expect(doc.responses[0]).toMatchObject({ id: t.response.id, consent: false, grade: 5 });
    expect(doc.responses[0]!.answers.find((a) => a.questionKey === 'comment')!.textValue).toContain(
      t.tenant.name,
    );

    const [audit] = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'tenant-data.exported'), eq(auditLog.subjectId, String(t.tenant.id))));
    expect(audit!.details).toMatchObject({ responses: 1, messages: 4, invitations: 3, jobs: 3 });
    expect(JSON.stringify(audit!.details)).not.toContain(t.tenant.email!);
  });

  it('answers null for an unknown tenant and refuses anyone but an admin', async () => {
    expect(await exportTenantData({ db: h.ctx.db, actor: admin, tenantId: 999_999 })).toBeNull();
    const quality: Actor = {
      kind: 'user',
      userId: 'u',
      name: 'Kwaliteit',
      email: 'kwaliteit@example.invalid',
      role: 'quality',
      employeeId: null,
      ledTeamIds: [],
      departmentId: null,
      contractorId: null,
      contractorContactId: null,
    };
    await expect(exportTenantData({ db: h.ctx.db, actor: quality, tenantId: 1 })).rejects.toThrow(
      ForbiddenError,
    );
  });
});
