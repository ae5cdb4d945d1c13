import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invitations, jobs, outboxMessages, responses } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { invitationCan } from '../../policy/object-policies';
import { authorize, may } from '../../policy/policy';
import { jobScope, responseScope } from '../../policy/scope';
import { type ResponseDetail, selectResponses, withAnswers } from './response-details';

/**
 * The survey of one job as the job page shows it: the invitation with its messages (never their
 * body or recipient), whether it reached nobody and what the actor may do with it, for staff who may
 * read invitations; and the response for those who may read it within their response scope. A part
 * the actor may not read is `undefined`; a part that does not exist is `null`. The whole is `null`
 * when the job is absent or outside the actor's job scope.
 */
export async function getJobSurvey({ db, actor, jobId }: { db: Db; actor: Actor; jobId: number }) {
  authorize(actor, 'job.read');
  const [job] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.id, jobId), jobScope(actor)));
  if (!job) return null;
  const [invitation, response] = await Promise.all([
    may(actor, 'invitation.read') ? invitationOf(db, actor, jobId) : undefined,
    may(actor, 'response.read') ? responseOf(db, actor, jobId) : undefined,
  ]);
  return { invitation, response };
}

async function invitationOf(db: Db, actor: Actor, jobId: number) {
  const [row] = await db
    .select({
      id: invitations.id,
      status: invitations.status,
      suppressionReason: invitations.suppressionReason,
      channel: invitations.channel,
      sendAfter: invitations.sendAfter,
      sentAt: invitations.sentAt,
      remindedAt: invitations.remindedAt,
      expiresAt: invitations.expiresAt,
      openedAt: invitations.openedAt,
      answeredAt: invitations.answeredAt,
      undeliverableAt: invitations.undeliverableAt,
      resentAt: invitations.resentAt,
    })
    .from(invitations)
    .where(eq(invitations.jobId, jobId));
  if (!row) return null;
  const messages = await db
    .select({
      id: outboxMessages.id,
      channel: outboxMessages.channel,
      kind: outboxMessages.kind,
      status: outboxMessages.status,
      createdAt: outboxMessages.createdAt,
      sentAt: outboxMessages.sentAt,
      lastError: outboxMessages.lastError,
    })
    .from(outboxMessages)
    .where(eq(outboxMessages.invitationId, row.id))
    .orderBy(asc(outboxMessages.createdAt), asc(outboxMessages.id));
  // the dispatcher's cron marks expiry only now and then: a passed expiry counts at once
  const expired =
    row.status === 'expired' ||
    (row.status === 'sent' && row.expiresAt !== null && row.expiresAt.getTime() < Date.now());
  // every message failed: it reached nobody, and an admin may send it again (resend-invitation.ts)
  const undeliverable = row.undeliverableAt !== null && row.answeredAt === null;
  return {
    ...row,
    expired,
    undeliverable,
    can: invitationCan(actor, { undeliverable }),
    messages,
  };
}

async function responseOf(db: Db, actor: Actor, jobId: number): Promise<ResponseDetail | null> {
  const rows = await selectResponses(db, actor)
    .where(and(eq(responses.jobId, jobId), responseScope(actor)))
    .orderBy(desc(responses.submittedAt), desc(responses.id))
    .limit(1);
  const [detail] = await withAnswers(db, rows);
  return detail ?? null;
}

export type JobSurvey = NonNullable<Awaited<ReturnType<typeof getJobSurvey>>>;
