import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  domainEvents,
  invitations,
  questionnaireVersions,
  responseAnswers,
  responses,
} from '../../db/schema';
import {
  buildComplex,
  buildContractor,
  buildEmployee,
  buildJob,
  buildTeam,
  buildTenant,
  buildUnit,
} from '../../test/factories';
import { startHarness, type TestHarness } from '../../test/harness';
import { buildSentInvitation } from '../../test/survey-factories';
import type { AnswerRow } from '../questionnaires/check-answers';
import { getPublishedVersion } from '../questionnaires/get-published-version';
import type { TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';
import { saveSurveyDraft } from './save-survey-draft';
import type { CheckedSubmission } from './store-submissions';
import { submitResponse } from './submit-response';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

async function sentInvitation(journey: 'repair' | 'planned' | 'vacancy' = 'repair') {
  const db = h.ctx.db;
  const team = await buildTeam(db);
  const technician = await buildEmployee(db, { teamId: team.id });
  const contractor = await buildContractor(db);
  const complex = await buildComplex(db);
  const unit = await buildUnit(db, { complexId: complex.id });
  const tenant = await buildTenant(db, { unitId: unit.id });
  const job = await buildJob(db, {
    teamId: team.id,
    technicianId: technician.id,
    contractorId: contractor.id,
    unitId: unit.id,
    tenantId: tenant.id,
    trade: 'loodgieter',
    journey,
  });
  const { invitation, token } = await buildSentInvitation(db, h.ctx.secret, job);
  return { job, invitation, token, tenant, complex };
}

const responsesOf = (invitationId: number) =>
  h.ctx.db.select().from(responses).where(eq(responses.invitationId, invitationId));

describe('submitResponse', () => {
  it('stores the response with the job attribution, typed answers, an event, and answers the invitation', async () => {
    const { job, invitation, token, complex } = await sentInvitation();
    await saveSurveyDraft({ db: h.ctx.db, survey: h.ctx.survey, token, answers: { grade: '4' } });
    const result = await submitResponse({
      db: h.ctx.db,
      survey: h.ctx.survey,
      token,
      answers: {
        grade: '4',
        what_went_wrong: ' Te laat ',
        nps: '3',
        on_time: '2',
        phase_visit: '5',
        first_time_fix: 'no',
      },
    });
    expect(result.state).toBe('submitted');
    const [response] = await responsesOf(invitation.id);
    expect(response).toMatchObject({
      jobId: job.id,
      journey: 'repair',
      departmentId: job.departmentId,
      teamId: job.teamId,
      technicianId: job.technicianId,
      contractorId: job.contractorId,
      trade: 'loodgieter',
      unitId: job.unitId,
      complexId: complex.id,
      completedAt: job.completedAt,
      grade: 4,
      nps: 3,
      consent: false,
      tenantId: null,
      questionnaireVersionId: invitation.questionnaireVersionId,
    });
    const answers = await h.ctx.db
      .select()
      .from(responseAnswers)
      .where(eq(responseAnswers.responseId, response!.id));
    const byKey = Object.fromEntries(answers.map((a) => [a.questionKey, a]));
    expect(byKey.grade).toMatchObject({ questionType: 'grade', numericValue: 4 });
    expect(byKey.what_went_wrong).toMatchObject({ questionType: 'comment', textValue: 'Te laat' });
    expect(byKey.on_time).toMatchObject({
      questionType: 'statement',
      numericValue: 2,
      technicianInfluenceable: true,
    });
    expect(byKey.phase_visit).toMatchObject({ questionType: 'phase_grade', numericValue: 5, phase: 'visit' });
    expect(byKey.first_time_fix).toMatchObject({ numericValue: 0 });
    const [after] = await h.ctx.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(after).toMatchObject({ status: 'answered', draftAnswers: null });
    expect(after!.answeredAt).toBeInstanceOf(Date);
    const [event] = await h.ctx.db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.subjectId, String(response!.id)));
    expect(event).toMatchObject({ type: 'response.submitted', subjectType: 'response' });
    expect(event!.payload).toEqual({
      responseId: response!.id,
      invitationId: invitation.id,
      jobId: job.id,
      teamId: job.teamId,
      technicianId: job.technicianId,
      contractorId: job.contractorId,
      journey: 'repair',
      grade: 4,
      nps: 3,
    });
  });

  it('links the tenant only with consent', async () => {
    const { invitation, token, tenant } = await sentInvitation();
    await submitResponse({
      db: h.ctx.db,
      survey: h.ctx.survey,
      token,
      answers: { grade: 9, consent: 'yes' },
    });
    expect((await responsesOf(invitation.id))[0]).toMatchObject({ consent: true, tenantId: tenant.id });
  });

  it('stores one response when the same survey is submitted twice, also at the same moment', async () => {
    const { invitation, token } = await sentInvitation();
    const results = await Promise.all(
      [8, 9, 7].map((grade) =>
        submitResponse({ db: h.ctx.db, survey: h.ctx.survey, token, answers: { grade } }),
      ),
    );
    expect(results.map((r) => r.state).sort()).toEqual(['answered', 'answered', 'submitted']);
    expect(await responsesOf(invitation.id)).toHaveLength(1);
    expect(
      (await submitResponse({ db: h.ctx.db, survey: h.ctx.survey, token, answers: { grade: 1 } })).state,
    ).toBe('answered');
    expect(await responsesOf(invitation.id)).toHaveLength(1);
  });

  it('refuses bad answers and stores nothing', async () => {
    const { invitation, token } = await sentInvitation();
    const result = await submitResponse({
      db: h.ctx.db,
      survey: h.ctx.survey,
      token,
      answers: { grade: 11, hacked: 'x' },
    });
    expect(result).toEqual({
      state: 'invalid',
      problems: [
        { questionKey: 'hacked', message: 'unknown question' },
        { questionKey: 'grade', message: 'must be a whole number from 1 to 10' },
      ],
      // what the page needs to show the form again, from the same lookup
      form: expect.objectContaining({ invitationId: invitation.id, locale: 'nl' }),
    });
    expect(await responsesOf(invitation.id)).toHaveLength(0);
    const [after] = await h.ctx.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(after!.status).toBe('sent');
  });

  it('asks a follow-up the page did not show before storing anything', async () => {
    const { invitation, token } = await sentInvitation();
    const result = await submitResponse({
      db: h.ctx.db,
      survey: h.ctx.survey,
      token,
      answers: { grade: 3 },
      shown: ['grade', 'nps'],
    });
    expect(result).toEqual({
      state: 'revealed',
      keys: ['what_went_wrong'],
      form: expect.objectContaining({ invitationId: invitation.id }),
    });
    expect(await responsesOf(invitation.id)).toHaveLength(0);
    // the answers so far are kept as the draft while the page asks the follow-up
    const [kept] = await h.ctx.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(kept!.draftAnswers).toEqual({ grade: 3 });
    const again = await submitResponse({
      db: h.ctx.db,
      survey: h.ctx.survey,
      token,
      answers: { grade: 3 },
      shown: ['grade', 'what_went_wrong', 'nps'],
    });
    expect(again.state).toBe('submitted');
  });

  it('treats an expired or unknown link as unknown', async () => {
    const { job } = await sentInvitation();
    const other = await buildJob(h.ctx.db, { unitId: job.unitId, tenantId: job.tenantId });
    const { token } = await buildSentInvitation(h.ctx.db, h.ctx.secret, other, {
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(
      (await submitResponse({ db: h.ctx.db, survey: h.ctx.survey, token, answers: { grade: 8 } })).state,
    ).toBe('unknown');
    const unknown = 'A'.repeat(32);
    expect(
      (await submitResponse({ db: h.ctx.db, survey: h.ctx.survey, token: unknown, answers: { grade: 8 } }))
        .state,
    ).toBe('unknown');
    expect(
      (await submitResponse({ db: h.ctx.db, survey: h.ctx.survey, token: 'short', answers: { grade: 8 } }))
        .state,
    ).toBe('unknown');
  });

  it("stores every answer in the questionnaire's order, text exactly as typed and choices as a list", async () => {
    const { invitation, token } = await sentInvitation('vacancy');
    const comment = `Prima'); DROP TABLE responses; -- \\ $$ "quotes" ’t 🙂\nnieuwe regel`;
    const result = await submitResponse({
      db: h.ctx.db,
      survey: h.ctx.survey,
      token,
      answers: { comment, tidy: '2', improvements: ['paintwork', 'cleaning'], grade: '6' },
    });
    expect(result.state).toBe('submitted');
    const [response] = await responsesOf(invitation.id);
    const stored = await h.ctx.db
      .select()
      .from(responseAnswers)
      .where(eq(responseAnswers.responseId, response!.id))
      .orderBy(asc(responseAnswers.id));
    expect(stored.map((a) => a.questionKey)).toEqual(['grade', 'improvements', 'tidy', 'comment']);
    expect(stored[1]!.choiceValues).toEqual(['paintwork', 'cleaning']);
    expect(stored[3]!.textValue).toBe(comment);
  });

  it('stores the answers with the version the invitation asks, whichever versions were used before', async () => {
    const repair = await sentInvitation('repair');
    expect(
      (
        await submitResponse({
          db: h.ctx.db,
          survey: h.ctx.survey,
          token: repair.token,
          answers: { grade: '8' },
        })
      ).state,
    ).toBe('submitted');
    // the same answers also fit the repair questionnaire, which this process knows now
    const planned = await sentInvitation('planned');
    const result = await submitResponse({
      db: h.ctx.db,
      survey: h.ctx.survey,
      token: planned.token,
      answers: { grade: '7', nps: '6' },
    });
    expect(result.state).toBe('submitted');
    const [response] = await responsesOf(planned.invitation.id);
    const plannedVersion = await getPublishedVersion({ db: h.ctx.db, journey: 'planned' });
    expect(response).toMatchObject({ questionnaireVersionId: plannedVersion!.versionId, grade: 7, nps: 6 });
    expect(planned.invitation.questionnaireVersionId).toBe(plannedVersion!.versionId);
  });

  it('checks answers against a version as it is now published, not as this process read it before', async () => {
    const first = await sentInvitation('vacancy');
    await submitResponse({
      db: h.ctx.db,
      survey: h.ctx.survey,
      token: first.token,
      answers: { grade: '8', comment: 'goed' },
    });
    const versionId = first.invitation.questionnaireVersionId!;
    const [before] = await h.ctx.db
      .select()
      .from(questionnaireVersions)
      .where(eq(questionnaireVersions.id, versionId));
    // as after emptying and seeding the database again: the same id, published anew, without 'comment'
    const definition = before!.definition as TQuestionnaireDefinition;
    await h.ctx.db
      .update(questionnaireVersions)
      .set({
        definition: { questions: definition.questions.filter((q) => q.key !== 'comment') },
        publishedAt: sql`${questionnaireVersions.publishedAt} + interval '1 second'`,
      })
      .where(eq(questionnaireVersions.id, versionId));
    try {
      const { invitation, token } = await sentInvitation('vacancy');
      const result = await submitResponse({
        db: h.ctx.db,
        survey: h.ctx.survey,
        token,
        answers: { grade: '8', comment: 'goed' },
      });
      expect(result).toEqual({
        state: 'invalid',
        problems: [{ questionKey: 'comment', message: 'unknown question' }],
        form: expect.objectContaining({ invitationId: invitation.id }),
      });
      expect(await responsesOf(invitation.id)).toHaveLength(0);
      expect(
        (await submitResponse({ db: h.ctx.db, survey: h.ctx.survey, token, answers: { grade: '8' } })).state,
      ).toBe('submitted');
    } finally {
      await h.ctx.db
        .update(questionnaireVersions)
        .set({ definition: before!.definition, publishedAt: before!.publishedAt })
        .where(eq(questionnaireVersions.id, versionId));
    }
  });
});

describe('submissions arriving together (store-submissions)', () => {
  const gradeRow = (questionKey: string, grade: number): AnswerRow => ({
    questionKey,
    questionType: 'grade',
    numericValue: grade,
    textValue: null,
    choiceValues: null,
    phase: null,
    technicianInfluenceable: null,
  });

  it('stores each with its own answers and attribution, several in one statement', async () => {
    const sent = [];
    for (let i = 0; i < 12; i++) sent.push(await sentInvitation());
    const [answeredBefore, ...together] = sent;
    // the version is kept after a first submission: the lookups of the others share one statement,
    // and so do their submissions
    expect(
      (
        await submitResponse({
          db: h.ctx.db,
          survey: h.ctx.survey,
          token: answeredBefore!.token,
          answers: { grade: 7 },
        })
      ).state,
    ).toBe('submitted');

    const results = await Promise.all([
      submitResponse({
        db: h.ctx.db,
        survey: h.ctx.survey,
        token: answeredBefore!.token,
        answers: { grade: 1 },
      }),
      ...together.map((s, i) =>
        submitResponse({
          db: h.ctx.db,
          survey: h.ctx.survey,
          token: s.token,
          answers: { grade: 6 + (i % 5), nps: i },
        }),
      ),
    ]);
    expect(results.map((r) => r.state)).toEqual(['answered', ...together.map(() => 'submitted')]);

    for (const [i, s] of together.entries()) {
      const [response] = await responsesOf(s.invitation.id);
      expect(response, `response of invitation ${i}`).toMatchObject({
        jobId: s.job.id,
        teamId: s.job.teamId,
        technicianId: s.job.technicianId,
        grade: 6 + (i % 5),
        nps: i,
      });
      const answers = await h.ctx.db
        .select({ key: responseAnswers.questionKey, value: responseAnswers.numericValue })
        .from(responseAnswers)
        .where(eq(responseAnswers.responseId, response!.id))
        .orderBy(asc(responseAnswers.id));
      expect(answers).toEqual([
        { key: 'grade', value: 6 + (i % 5) },
        { key: 'nps', value: i },
      ]);
    }
    expect((await responsesOf(answeredBefore!.invitation.id))[0]?.grade).toBe(7);
    // rows written by one statement share its transaction id: all of them were queued in the same
    // event-loop round, so one statement took them all
    const ids = together.map((s) => s.invitation.id);
    const statements = await h.ctx.db.execute(
      sql`SELECT count(DISTINCT xmin::text)::int AS n FROM responses WHERE invitation_id IN ${ids}`,
    );
    expect((statements as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(1);
  });

  it("one submission that cannot be stored does not take the others' with it", async () => {
    const [a, b, c] = [await sentInvitation(), await sentInvitation(), await sentInvitation()];
    const version = await h.ctx.survey.definitions.surveyDefinition(a.invitation.questionnaireVersionId!);
    const checked = (invitationId: number, rows: AnswerRow[]): CheckedSubmission => ({
      invitationId,
      versionId: version!.versionId,
      publishedMs: version!.publishedMs,
      consent: false,
      grade: rows[0]?.numericValue ?? null,
      nps: null,
      rows,
    });
    const store = (submission: CheckedSubmission) => h.ctx.survey.submissions.store(submission);
    const results = await Promise.allSettled([
      store(checked(a.invitation.id, [gradeRow('grade', 8)])),
      // a question without a key breaks the answers' NOT NULL: this statement must fail
      store(checked(b.invitation.id, [gradeRow(null as unknown as string, 3)])),
      store(checked(c.invitation.id, [gradeRow('grade', 9)])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await responsesOf(a.invitation.id))[0]?.grade).toBe(8);
    expect((await responsesOf(c.invitation.id))[0]?.grade).toBe(9);
    expect(await responsesOf(b.invitation.id)).toHaveLength(0);
    const [stillOpen] = await h.ctx.db.select().from(invitations).where(eq(invitations.id, b.invitation.id));
    expect(stillOpen?.status).toBe('sent');
  });
});
