import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jobs, type SuppressionReason } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { jobScope } from '../../policy/scope';
import { recordAudit } from '../audit/record-audit';
import { conflict, notFound } from '../errors';
import { rowsOf } from '../ingest/upsert-sql';
import { type DispatchWakeup, NO_DISPATCH_WAKEUP } from './dispatch-wakeup';
import { outOfQuietHours } from './quiet-hours';
import { suppressionReasonSql } from './suppression-sql';

const refusals: Record<SuppressionReason | 'too_old', string> = {
  opted_out: 'the tenant opted out of surveys since',
  no_contact: 'the tenant has no usable e-mail address or mobile number for their channel',
  quarantine: 'the tenant was invited for another job within the quarantine period since',
  open_invitation: 'the tenant has another open invitation since',
  cancelled: 'the job was cancelled',
  journey_disabled: 'surveys of this journey are switched off',
  too_old: 'the job was completed longer ago than the journey surveys',
};

/**
 * An admin sends an undeliverable invitation (every message failed) again: it goes back to
 * `scheduled`, due now (or at 08:00 in the quiet hours), and the dispatcher sends it as any other —
 * judging suppression again, with a fresh link, expiry and reminder, to the tenant's contact data as
 * it is now. Refused (with the reason) when the dispatcher would suppress it anyway. One conditional UPDATE is the transition, so two admins clicking at once, or one
 * clicking twice, send it once: the second finds it no longer undeliverable and is refused.
 */
export async function resendInvitation(opts: {
  db: Db;
  actor: Actor;
  jobId: number;
  /** the AppContext's: the dispatcher runs at once instead of at the next minute */
  dispatchWakeup?: DispatchWakeup;
}) {
  const { db, actor, jobId, dispatchWakeup = NO_DISPATCH_WAKEUP } = opts;
  authorize(actor, 'invitation.resend');
  const [job] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.id, jobId), jobScope(actor)));
  if (!job) throw notFound('Job not found');

  const reason = suppressionReasonSql({
    now: sql`now()`,
    tenantId: sql`i.tenant_id`,
    selfId: sql`i.id`,
    scheduledCountsAsOpen: true,
  });
  const [judged] = await rowsOf<{
    id: number;
    undeliverable: boolean;
    reason: SuppressionReason | 'too_old' | null;
    resent: boolean;
    send_after: string | Date | null;
  }>(
    db,
    sql`WITH target AS (
        SELECT i.id, i.undeliverable_at IS NOT NULL AND i.status IN ('sent', 'expired') AND i.answered_at IS NULL
            AS undeliverable,
          CASE WHEN j.status = 'cancelled' THEN 'cancelled'
            WHEN j.completed_at <= now() - s.expiry_days * interval '1 day' THEN 'too_old'
            ELSE ${reason} END AS reason
        FROM invitations i
        JOIN jobs j ON j.id = i.job_id
        JOIN survey_settings s ON s.journey = i.journey
        LEFT JOIN tenants t ON t.id = i.tenant_id
        WHERE i.job_id = ${jobId}
      ), resent AS (
        UPDATE invitations i SET status = 'scheduled', send_after = ${outOfQuietHours(sql`now()`)},
          -- it reached nobody: no sending, expiry or reminder of the first try counts any more
          undeliverable_at = NULL, resent_at = now(), sent_at = NULL, expires_at = NULL, reminded_at = NULL
        FROM target
        WHERE i.id = target.id AND target.undeliverable AND target.reason IS NULL
          AND i.undeliverable_at IS NOT NULL AND i.status IN ('sent', 'expired') AND i.answered_at IS NULL
        RETURNING i.id, i.send_after
      )
      SELECT target.id, target.undeliverable, target.reason, resent.id IS NOT NULL AS resent, resent.send_after
      FROM target LEFT JOIN resent ON resent.id = target.id`,
  );
  if (!judged) throw notFound('This job has no invitation');
  if (!judged.resent) {
    if (judged.undeliverable && judged.reason)
      throw conflict(`The invitation cannot be sent again: ${refusals[judged.reason]}`);
    throw conflict(
      'The invitation is not undeliverable (it was delivered, answered, or is already being sent again)',
    );
  }
  const sendAfter = new Date(judged.send_after!);
  await recordAudit({
    db,
    actor,
    action: 'invitation.resend',
    subjectType: 'invitation',
    subjectId: judged.id,
  });
  await dispatchWakeup.wake(sendAfter);
  return { invitationId: judged.id, sendAfter };
}
