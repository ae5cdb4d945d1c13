import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { invitations, type jobs, responseAnswers, responses, units } from '../db/schema';
import { deriveSurveyToken, hashSurveyToken, newTokenNonce } from '../domain/invitations/survey-token';
import { getPublishedVersion } from '../domain/questionnaires/get-published-version';
import { buildJob, buildTeam, buildTenant, buildUnit } from './factories';

type Job = typeof jobs.$inferSelect;
type InvitationInsert = Partial<typeof invitations.$inferInsert>;

/** A scheduled invitation for a job, as the scheduler leaves it once the job is completed. */
export async function buildScheduledInvitation(
  db: Db,
  job: Job,
  sendAfter: Date,
  overrides: InvitationInsert = {},
) {
  const [row] = await db
    .insert(invitations)
    .values({
      jobId: job.id,
      tenantId: job.tenantId,
      journey: job.journey,
      status: 'scheduled',
      sendAfter,
      ...overrides,
    })
    .returning();
  return row!;
}

/**
 * A sent invitation for a job, as the dispatcher leaves it: token derived from the secret, only its
 * hash stored, the journey's published questionnaire version, expiring in 14 days. Returns the token.
 */
export async function buildSentInvitation(
  db: Db,
  secret: string,
  job: Job,
  overrides: InvitationInsert = {},
) {
  const version = await getPublishedVersion({ db, journey: job.journey });
  if (!version) throw new Error(`no published questionnaire for ${job.journey}`);
  const nonce = newTokenNonce();
  const now = Date.now();
  const row = await buildScheduledInvitation(db, job, new Date(now - 60_000), {
    status: 'sent',
    channel: 'email',
    questionnaireVersionId: version.versionId,
    tokenNonce: nonce,
    sentAt: new Date(now - 60_000),
    expiresAt: new Date(now + 14 * 86_400_000),
    ...overrides,
  });
  const token = deriveSurveyToken(secret, row.id, nonce);
  await db
    .update(invitations)
    .set({ tokenHash: hashSurveyToken(token) })
    .where(eq(invitations.id, row.id));
  return { invitation: { ...row, tokenHash: hashSurveyToken(token) }, token };
}

/** A sent invitation for a new completed job of a new tenant, in a team and a home of their own. */
export async function buildSentInvitationForNewJob(db: Db, secret: string) {
  const team = await buildTeam(db);
  const unit = await buildUnit(db);
  const tenant = await buildTenant(db, { unitId: unit.id });
  const job = await buildJob(db, { teamId: team.id, unitId: unit.id, tenantId: tenant.id });
  return { job, ...(await buildSentInvitation(db, secret, job)) };
}

/**
 * A submitted response written directly (for reading tests; the tenant's path is submitResponse):
 * attribution copied from the job, a grade, an NPS and optionally a comment.
 */
export async function buildResponse(
  db: Db,
  job: Job,
  opts: {
    invitationId?: number;
    grade?: number;
    nps?: number;
    comment?: string;
    consent?: boolean;
    submittedAt?: Date;
  } = {},
) {
  const version = await getPublishedVersion({ db, journey: job.journey });
  if (!version) throw new Error(`no published questionnaire for ${job.journey}`);
  const [unit] = job.unitId
    ? await db.select({ complexId: units.complexId }).from(units).where(eq(units.id, job.unitId))
    : [];
  const grade = opts.grade ?? 8;
  const nps = opts.nps ?? 9;
  const consent = opts.consent ?? false;
  const [row] = await db
    .insert(responses)
    .values({
      invitationId: opts.invitationId ?? null,
      jobId: job.id,
      questionnaireVersionId: version.versionId,
      journey: job.journey,
      departmentId: job.departmentId,
      teamId: job.teamId,
      technicianId: job.technicianId,
      contractorId: job.contractorId,
      trade: job.trade,
      unitId: job.unitId,
      complexId: unit?.complexId ?? null,
      completedAt: job.completedAt,
      submittedAt: opts.submittedAt ?? new Date(),
      consent,
      tenantId: consent ? job.tenantId : null,
      grade,
      nps,
    })
    .returning();
  const answers: (typeof responseAnswers.$inferInsert)[] = [
    { responseId: row!.id, questionKey: 'grade', questionType: 'grade', numericValue: grade },
    { responseId: row!.id, questionKey: 'nps', questionType: 'nps', numericValue: nps },
    { responseId: row!.id, questionKey: 'consent', questionType: 'consent', numericValue: consent ? 1 : 0 },
  ];
  if (opts.comment)
    answers.push({
      responseId: row!.id,
      questionKey: 'comment',
      questionType: 'comment',
      textValue: opts.comment,
    });
  await db.insert(responseAnswers).values(answers);
  return row!;
}
