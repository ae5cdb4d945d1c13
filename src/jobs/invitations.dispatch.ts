import { z } from 'zod';
import { dispatchDueInvitations } from '../domain/invitations/dispatch-due-invitations';
import { DISPATCH_JOB } from '../domain/invitations/dispatch-wakeup';
import { expireInvitations } from '../domain/invitations/expire-invitations';
import { sendDueReminders } from '../domain/invitations/send-due-reminders';
import type { JobDefinition } from './definitions';

const ZNoPayload = z.object({});

/**
 * Every minute, and at each scheduled invitation's sendAfter (enqueued after the scheduling commit):
 * send due invitations, then due reminders, then mark passed links expired. Idempotent — every step
 * claims its rows in SQL under one advisory lock — so cron runs, wake-up runs and several workers
 * overlapping never send twice.
 */
export const invitationsDispatch: JobDefinition<typeof ZNoPayload> = {
  id: DISPATCH_JOB,
  payload: ZNoPayload,
  cron: '* * * * *',
  async handler(ctx) {
    const opts = { db: ctx.db, mailer: ctx.mailer, secret: ctx.secret, publicUrl: ctx.config.publicUrl };
    await dispatchDueInvitations(opts);
    await sendDueReminders(opts);
    await expireInvitations({ db: ctx.db });
  },
};
