import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { domainEvents, invitations, outboxMessages, responseAnswers, responses } from '../../db/schema';
import { type JobDefinition, jobDefinitions } from '../../jobs/definitions';
import { responsesRetention } from '../../jobs/responses.retention';
import { startWorker } from '../../jobs/worker';
import { buildEmployee, buildJob, buildTeam, buildTenant, buildUnit } from '../../test/factories';
import { startHarness, type TestHarness } from '../../test/harness';
import { buildResponse, buildSentInvitation } from '../../test/survey-factories';
import { unlinkOldResponses } from './unlink-old-responses';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const monthsAgo = (m: number) => new Date(Date.now() - m * 31 * 86_400_000);

/** A tenant at a home with a completed job, a sent invitation and (optionally) a response to it. */
async function surveyed(opts: { answeredMonthsAgo?: number; sentMonthsAgo: number; consent?: boolean }) {
  const db = h.ctx.db;
  const team = await buildTeam(db);
  const technician = await buildEmployee(db, { teamId: team.id });
  const unit = await buildUnit(db, { street: 'Lindelaan' });
  const tenant = await buildTenant(db, { unitId: unit.id, name: 'Anna Visser', mobile: '06-11112222' });
  const job = await buildJob(db, {
    teamId: team.id,
    technicianId: technician.id,
    unitId: unit.id,
    tenantId: tenant.id,
    completedAt: new Date('2022-05-03T13:47:12Z'),
  });
  const sentAt = monthsAgo(opts.sentMonthsAgo);
  const { invitation } = await buildSentInvitation(db, h.ctx.secret, job, {
    sentAt,
    sendAfter: sentAt,
    status: opts.answeredMonthsAgo === undefined ? 'expired' : 'answered',
    draftAnswers: { grade: 7 },
  });
  if (opts.answeredMonthsAgo === undefined) return { tenant, job, invitation };
  const submittedAt = monthsAgo(opts.answeredMonthsAgo);
  await db
    .update(invitations)
    .set({ answeredAt: submittedAt, openedAt: submittedAt })
    .where(eq(invitations.id, invitation.id));
  const response = await buildResponse(db, job, {
    invitationId: invitation.id,
    grade: 4,
    nps: 2,
    consent: opts.consent ?? true,
    submittedAt,
    comment: 'Mevrouw Visser van de Lindelaan 4 belde 06-11112222; de vakman kwam te laat.',
  });
  await db.insert(domainEvents).values({
    type: 'response.submitted',
    subjectType: 'response',
    subjectId: String(response.id),
    payload: { responseId: response.id, invitationId: invitation.id, jobId: job.id, grade: 4 },
  });
  return { tenant, job, invitation, response };
}

const responseOf = async (id: number) =>
  (await h.ctx.db.select().from(responses).where(eq(responses.id, id)))[0]!;
const invitationOf = async (id: number) =>
  (await h.ctx.db.select().from(invitations).where(eq(invitations.id, id)))[0]!;
const answersOf = (id: number) =>
  h.ctx.db
    .select()
    .from(responseAnswers)
    .where(eq(responseAnswers.responseId, id))
    .orderBy(responseAnswers.id);

describe('unlinkOldResponses (retention)', () => {
  it('RESPONSE_RETENTION_MONTHS defaults to 24 and must be 1–120', () => {
    expect(loadConfig({}).RESPONSE_RETENTION_MONTHS).toBe(24);
    expect(loadConfig({ RESPONSE_RETENTION_MONTHS: '36' }).RESPONSE_RETENTION_MONTHS).toBe(36);
    for (const bad of ['0', '121', '1.5', 'twee'])
      expect(() => loadConfig({ RESPONSE_RETENTION_MONTHS: bad })).toThrow(/RESPONSE_RETENTION_MONTHS/);
  });

  it('unlinks an old response and its invitation, keeps its figures, leaves a recent one alone, and is idempotent', async () => {
    const old = await surveyed({ sentMonthsAgo: 30, answeredMonthsAgo: 30 });
    const recent = await surveyed({ sentMonthsAgo: 2, answeredMonthsAgo: 2 });
    const oldUnanswered = await surveyed({ sentMonthsAgo: 30 });
    const recentUnanswered = await surveyed({ sentMonthsAgo: 1 });
    const before = await responseOf(old.response!.id);
    const recentBefore = await responseOf(recent.response!.id);
    const recentInvitationBefore = await invitationOf(recent.invitation.id);
    const answersBefore = await answersOf(old.response!.id);

    // small batches so the loop runs more than once
    const first = await unlinkOldResponses({ db: h.ctx.db, months: 24, batchSize: 1 });
    expect(first.responses).toBeGreaterThanOrEqual(1);
    expect(first.invitations).toBeGreaterThanOrEqual(1);

    const after = await responseOf(old.response!.id);
    expect(after).toMatchObject({ tenantId: null, invitationId: null, jobId: null, unitId: null });
    expect(after.unlinkedAt).toBeInstanceOf(Date);
    // the figures and the attribution stay
    const figures = (r: typeof before) => ({
      grade: r.grade,
      nps: r.nps,
      consent: r.consent,
      journey: r.journey,
      departmentId: r.departmentId,
      teamId: r.teamId,
      technicianId: r.technicianId,
      contractorId: r.contractorId,
      trade: r.trade,
      complexId: r.complexId,
      submittedAt: r.submittedAt,
      questionnaireVersionId: r.questionnaireVersionId,
    });
    expect(figures(after)).toEqual(figures(before));
    // the job's completion keeps its day in Amsterdam, not the minute that would find the job again
    expect(after.completedAt!.toISOString()).toBe('2022-05-02T22:00:00.000Z');
    const answersAfter = await answersOf(old.response!.id);
    expect(answersAfter.map((a) => [a.questionKey, a.numericValue])).toEqual(
      answersBefore.map((a) => [a.questionKey, a.numericValue]),
    );
    // the comment stays as context, without the tenant's name, street and number
    expect(answersAfter.find((a) => a.questionKey === 'comment')!.textValue).toBe(
      'Mevrouw [naam] van de [straat] 4 belde [telefoon]; de vakman kwam te laat.',
    );

    const invitation = await invitationOf(old.invitation.id);
    expect(invitation).toMatchObject({
      tenantId: null,
      tokenHash: null,
      tokenNonce: null,
      draftAnswers: null,
      status: 'answered',
      jobId: old.job.id,
    });
    expect(invitation.answeredAt!.getTime()).not.toBe(before.submittedAt.getTime());
    const [event] = await h.ctx.db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.subjectId, String(old.response!.id)));
    expect(event!.payload).toEqual({ responseId: old.response!.id, grade: 4 });

    expect(await invitationOf(oldUnanswered.invitation.id)).toMatchObject({
      tenantId: null,
      tokenHash: null,
      draftAnswers: null,
      status: 'expired',
    });

    // recent ones untouched
    expect(await responseOf(recent.response!.id)).toEqual(recentBefore);
    expect(await invitationOf(recent.invitation.id)).toEqual(recentInvitationBefore);
    expect(await invitationOf(recentUnanswered.invitation.id)).toMatchObject({
      tenantId: recentUnanswered.tenant.id,
    });
    expect(
      (await answersOf(recent.response!.id)).find((a) => a.questionKey === 'comment')!.textValue,
    ).toMatch(/Visser/);

    // a second run changes nothing more
    const snapshot = {
      response: await responseOf(old.response!.id),
      answers: await answersOf(old.response!.id),
      invitation: await invitationOf(old.invitation.id),
    };
    expect(await unlinkOldResponses({ db: h.ctx.db, months: 24 })).toEqual({
      responses: 0,
      invitations: 0,
      messages: 0,
    });
    expect({
      response: await responseOf(old.response!.id),
      answers: await answersOf(old.response!.id),
      invitation: await invitationOf(old.invitation.id),
    }).toEqual(snapshot);
  });

  it("clears old survey messages' recipient and text, and no other message", async () => {
    const old = await surveyed({ sentMonthsAgo: 30 });
    const recent = await surveyed({ sentMonthsAgo: 2 });
    const message = (
      invitationId: number | null,
      monthsBack: number,
      status: 'sent' | 'failed' | 'queued' | 'not_sent' = 'sent',
    ) =>
      h.ctx.db
        .insert(outboxMessages)
        .values({
          channel: 'email',
          kind: invitationId ? 'invitation' : 'password_reset',
          recipient: 'anna.visser@example.invalid',
          subject: 'Hoe was de reparatie, Anna Visser?',
          bodyText: 'Beste Anna Visser, ...',
          bodyHtml: '<p>Beste Anna Visser</p>',
          unsubscribeUrl: 'https://achtplus.example/s/x/unsubscribe',
          lastError: status === 'failed' ? '550 anna.visser@example.invalid unknown' : null,
          status,
          invitationId,
          createdAt: monthsAgo(monthsBack),
        })
        .returning()
        .then((rows) => rows[0]!);
    const oldSent = await message(old.invitation.id, 30);
    const oldFailed = await message(old.invitation.id, 30, 'failed');
    const oldQueued = await message(old.invitation.id, 30, 'queued');
    const recentSent = await message(recent.invitation.id, 2);
    const oldStaffMail = await message(null, 30);

    const result = await unlinkOldResponses({ db: h.ctx.db, months: 24, batchSize: 1 });
    expect(result.messages).toBe(2);
    const now = async (id: number) =>
      (await h.ctx.db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]!;
    for (const cleared of [oldSent, oldFailed])
      expect(await now(cleared.id)).toEqual({
        ...cleared,
        recipient: '[gewist]',
        subject: null,
        bodyText: '',
        bodyHtml: null,
        unsubscribeUrl: null,
        lastError: cleared.lastError ? '[gewist]' : null,
      });
    for (const kept of [oldQueued, recentSent, oldStaffMail]) expect(await now(kept.id)).toEqual(kept);
    expect((await unlinkOldResponses({ db: h.ctx.db, months: 24 })).messages).toBe(0);
  });

  it('a shorter period reaches more; a non-consented response is unlinked the same way', async () => {
    const mid = await surveyed({ sentMonthsAgo: 8, answeredMonthsAgo: 8, consent: false });
    expect((await unlinkOldResponses({ db: h.ctx.db, months: 24 })).responses).toBe(0);
    expect((await unlinkOldResponses({ db: h.ctx.db, months: 6 })).responses).toBeGreaterThanOrEqual(1);
    expect(await responseOf(mid.response!.id)).toMatchObject({ jobId: null, invitationId: null, grade: 4 });
    expect(await invitationOf(mid.invitation.id)).toMatchObject({ tenantId: null });
  });

  it('runs nightly as the job responses.retention with the configured period', async () => {
    expect(jobDefinitions).toContain(responsesRetention);
    const old = await surveyed({ sentMonthsAgo: 40, answeredMonthsAgo: 40 });
    await responsesRetention.handler(
      { ...h.ctx, config: { ...h.ctx.config, RESPONSE_RETENTION_MONTHS: 36 } },
      {},
    );
    expect((await responseOf(old.response!.id)).unlinkedAt).toBeInstanceOf(Date);
    // pg-boss takes the queue and its Amsterdam cron
    const boss = await startWorker(h.ctx, {
      work: false,
      definitions: [responsesRetention as JobDefinition],
    });
    try {
      const schedules = await boss.getSchedules();
      expect(schedules.find((s) => s.name === 'responses.retention')).toMatchObject({
        cron: '15 4 * * *',
        timezone: 'Europe/Amsterdam',
      });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
