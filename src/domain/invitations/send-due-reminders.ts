import { sql } from 'drizzle-orm';
import type { Journey } from '../../db/schema';
import { rowsOf } from '../ingest/upsert-sql';
import { readOrganisationSettings } from '../organisation/get-organisation-settings';
import type { DispatchOptions, DispatchResult } from './dispatch-due-invitations';
import { inQuietHours } from './quiet-hours';
import { emailUsableSql, mobileUsableSql } from './suppression-sql';
import {
  enqueueWritten,
  type SendChannel,
  tryDispatchLock,
  writeInvitationMessages,
} from './write-invitation-messages';

interface ReminderRow {
  id: number;
  token_nonce: string;
  channel: SendChannel;
  journey: Journey;
  completed_at: string | Date | null;
  expires_at: string | Date;
  tenant_name: string;
  email: string | null;
  mobile: string | null;
}

/**
 * The one reminder: reminderDays after sending, when still unanswered, not expired, not undeliverable
 * (its messages all failed), the tenant not opted out and still reachable on the channel used; never
 * in the quiet hours. Same link as the invitation (derived again from nonce and secret). remindedAt
 * and the outbox rows are written in one transaction under the dispatcher's lock, so a reminder goes
 * out once.
 */
export async function sendDueReminders(
  opts: DispatchOptions,
): Promise<Pick<DispatchResult, 'sent' | 'skipped'>> {
  const nowDate = opts.now ?? new Date();
  const batchSize = opts.batchSize ?? 200;
  if (inQuietHours(nowDate)) return { sent: 0, skipped: 'quiet_hours' };
  const organisation = await readOrganisationSettings(opts.db);
  const now = sql`${nowDate.toISOString()}::timestamptz`;
  let sent = 0;
  for (;;) {
    const batch = await opts.db.transaction(async (tx) => {
      if (!(await tryDispatchLock(tx))) return null;
      const due = await rowsOf<ReminderRow>(
        tx,
        sql`SELECT i.id, i.token_nonce, i.channel, i.journey, j.completed_at, i.expires_at,
            t.name AS tenant_name, t.email, t.mobile
          FROM invitations i
          JOIN survey_settings s ON s.journey = i.journey
          JOIN tenants t ON t.id = i.tenant_id
          JOIN jobs j ON j.id = i.job_id
          WHERE i.status = 'sent' AND i.reminded_at IS NULL AND i.answered_at IS NULL AND i.undeliverable_at IS NULL
            AND i.expires_at > ${now} AND i.sent_at <= ${now} - s.reminder_days * interval '1 day'
            AND s.enabled AND NOT t.opted_out AND i.token_nonce IS NOT NULL
            AND ((i.channel IN ('email', 'both') AND ${emailUsableSql}) OR (i.channel IN ('sms', 'both') AND ${mobileUsableSql}))
          ORDER BY i.sent_at, i.id LIMIT ${batchSize}
          FOR UPDATE OF i SKIP LOCKED`,
      );
      const written = [];
      for (const row of due) {
        written.push(
          ...(await writeInvitationMessages(tx, {
            ...opts,
            organisation,
            reminder: true,
            recipient: {
              invitationId: row.id,
              nonce: row.token_nonce,
              channel: row.channel,
              journey: row.journey,
              completedAt: row.completed_at ? new Date(row.completed_at) : null,
              expiresAt: new Date(row.expires_at),
              tenantName: row.tenant_name,
              email: row.email,
              mobile: row.mobile,
            },
          })),
        );
      }
      if (due.length)
        await tx.execute(sql`UPDATE invitations SET reminded_at = ${now}
          WHERE id IN (SELECT (json_array_elements_text(${JSON.stringify(due.map((r) => r.id))}::json))::int)`);
      return { claimed: due.length, written };
    });
    if (!batch) return { sent, skipped: sent ? undefined : 'locked' };
    await enqueueWritten(opts.mailer, batch.written);
    sent += batch.claimed;
    if (batch.claimed < batchSize) return { sent };
  }
}
