import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  domainEvents,
  invitations,
  jobs,
  questionnaireVersions,
  responseAnswers,
  responses,
  units,
} from '../../db/schema';
import { hashSurveyToken, SURVEY_TOKEN_PATTERN } from '../invitations/survey-token';
import { type AnswerProblem, type AnswerRow, checkAnswers } from '../questionnaires/check-answers';
import { conditionMet, type TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';
import { isOpen } from './open-survey';
import { draftValues } from './save-survey-draft';

export type SubmittedResponse =
  | { state: 'unknown' }
  | { state: 'answered' }
  | { state: 'invalid'; problems: AnswerProblem[] }
  | { state: 'revealed'; keys: string[] }
  | { state: 'submitted'; responseId: number };

/**
 * The tenant's one final submission, in one transaction: the invitation row is locked, so of two
 * submissions at once exactly one stores a response and the other finds it answered (the unique
 * index responses_one_per_invitation backs this). The response copies its attribution from the
 * job, carries the tenant only with consent, and a `response.submitted` event tells what comes
 * next. A refused answer stores nothing.
 *
 * `shown` lists the questions the page showed. A follow-up question that the answers now call
 * for but the tenant never saw (a page without JavaScript shows "what went wrong?" only after a
 * round-trip) answers `revealed` instead, so the page can ask it before anything is stored.
 */
export async function submitResponse({
  db,
  token,
  answers,
  shown,
}: {
  db: Db;
  token: string;
  answers: Record<string, unknown>;
  shown?: string[];
}): Promise<SubmittedResponse> {
  if (!SURVEY_TOKEN_PATTERN.test(token)) return { state: 'unknown' };
  return db.transaction(async (tx) => {
    // one read: the invitation (locked), the version it asks and the job it is about
    const [found] = await tx
      .select({
        invitation: invitations,
        definition: questionnaireVersions.definition,
        job: jobs,
        complexId: units.complexId,
      })
      .from(invitations)
      .leftJoin(questionnaireVersions, eq(questionnaireVersions.id, invitations.questionnaireVersionId))
      .leftJoin(jobs, eq(jobs.id, invitations.jobId))
      .leftJoin(units, eq(units.id, jobs.unitId))
      .where(eq(invitations.tokenHash, hashSurveyToken(token)))
      .for('update', { of: invitations });
    const invitation = found?.invitation;
    if (!invitation?.questionnaireVersionId || !found?.definition) return { state: 'unknown' as const };
    if (invitation.status === 'answered') return { state: 'answered' as const };
    if (!isOpen(invitation)) return { state: 'unknown' as const };
    const definition = found.definition as TQuestionnaireDefinition;
    const checked = checkAnswers(definition, answers);
    if (!checked.ok) return { state: 'invalid' as const, problems: checked.problems };
    const revealed = shown ? unseenFollowUps(definition, checked.rows, shown) : [];
    if (revealed.length) return { state: 'revealed' as const, keys: revealed };

    const job = found.job ? { job: found.job, complexId: found.complexId } : undefined;
    const rows = checked.rows;
    const consent = numberOf(rows, 'consent') === 1;
    const grade = numberOf(rows, 'grade');
    const nps = numberOf(rows, 'nps');
    const attribution = {
      journey: invitation.journey,
      departmentId: job?.job.departmentId ?? null,
      teamId: job?.job.teamId ?? null,
      technicianId: job?.job.technicianId ?? null,
      contractorId: job?.job.contractorId ?? null,
      trade: job?.job.trade ?? null,
      unitId: job?.job.unitId ?? null,
      complexId: job?.complexId ?? null,
      completedAt: job?.job.completedAt ?? null,
    };
    const [response] = await tx
      .insert(responses)
      .values({
        invitationId: invitation.id,
        jobId: invitation.jobId,
        questionnaireVersionId: invitation.questionnaireVersionId,
        ...attribution,
        locale: invitation.locale ?? 'nl',
        consent,
        tenantId: consent ? invitation.tenantId : null,
        grade,
        nps,
      })
      .returning({ id: responses.id });
    const responseId = response!.id;
    if (rows.length) await tx.insert(responseAnswers).values(rows.map((row) => ({ ...row, responseId })));
    await tx
      .update(invitations)
      .set({ status: 'answered', answeredAt: new Date(), draftAnswers: null, draftSavedAt: null })
      .where(eq(invitations.id, invitation.id));
    await tx.insert(domainEvents).values({
      type: 'response.submitted',
      subjectType: 'response',
      subjectId: String(responseId),
      payload: {
        responseId,
        invitationId: invitation.id,
        jobId: invitation.jobId,
        teamId: attribution.teamId,
        technicianId: attribution.technicianId,
        contractorId: attribution.contractorId,
        journey: attribution.journey,
        grade,
        nps,
      },
    });
    return { state: 'submitted' as const, responseId };
  });
}

/** Conditional questions the answers call for, left unanswered, that the page did not show. */
function unseenFollowUps(definition: TQuestionnaireDefinition, rows: AnswerRow[], shown: string[]) {
  const answered = new Map(Object.entries(draftValues(definition, rows)));
  return definition.questions
    .filter((q) => q.condition && !shown.includes(q.key) && !answered.has(q.key))
    .filter((q) => conditionMet(q.condition, answered))
    .map((q) => q.key);
}

/** The first answer of a question type as a number (grade, NPS, consent as 1/0). */
function numberOf(rows: AnswerRow[], type: AnswerRow['questionType']) {
  return rows.find((r) => r.questionType === type)?.numericValue ?? null;
}
