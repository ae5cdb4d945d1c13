import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Journey, SuppressionReason } from '../../db/schema';
import { rowsOf } from '../ingest/upsert-sql';
import type { Mailer, Tx } from '../messages/mailer';
import { readOrganisationSettings } from '../organisation/get-organisation-settings';
import { getPublishedVersion } from '../questionnaires/get-published-version';
import { inQuietHours } from './quiet-hours';
import { emailUsableSql, mobileUsableSql, suppressionReasonSql } from './suppression-sql';
import { deriveSurveyToken, hashSurveyToken, newTokenNonce } from './survey-token';
import {
  enqueueWritten,
  type OutboxRef,
  type SendChannel,
  tryDispatchLock,
  writeInvitationMessages,
} from './write-invitation-messages';

export interface DispatchOptions {
  db: Db;
  mailer: Mailer;
  secret: string;
  publicUrl: string;
  /** the moment to act as (tests); default the clock */
  now?: Date;
  batchSize?: number;
}

export interface DispatchResult {
  sent: number;
  suppressed: number;
  /** why nothing was attempted: quiet hours, or another dispatcher holds the lock */
  skipped?: 'quiet_hours' | 'locked';
}

interface DueRow {
  id: number;
  journey: Journey;
  completed_at: string | Date | null;
  expiry_days: number;
  tenant_id: number | null;
  tenant_name: string | null;
  email: string | null;
  mobile: string | null;
  email_ok: boolean;
  mobile_ok: boolean;
  preferred_channel: string | null;
  reason: SuppressionReason | null;
}

/**
 * Sends every due scheduled invitation, batch by batch. Each batch is one transaction under the
 * dispatcher's advisory lock: claim due rows (FOR UPDATE SKIP LOCKED), judge them again (job cancelled
 * since, opted out, no contact, quarantine, open invitation), set token hash, version, channel,
 * sentAt and expiresAt, and write the outbox messages — all or nothing; the messages are enqueued
 * after commit. A crash mid-batch leaves the batch scheduled, and the next run sends it once. Never
 * in the quiet hours: then it does nothing and the 08:00 run sends.
 */
export async function dispatchDueInvitations(opts: DispatchOptions): Promise<DispatchResult> {
  const now = opts.now ?? new Date();
  const batchSize = opts.batchSize ?? 200;
  const total: DispatchResult = { sent: 0, suppressed: 0 };
  if (inQuietHours(now)) return { ...total, skipped: 'quiet_hours' };
  const organisation = await readOrganisationSettings(opts.db);
  for (;;) {
    const batch = await opts.db.transaction(async (tx) => {
      if (!(await tryDispatchLock(tx))) return null;
      return dispatchBatch(tx, { ...opts, now, batchSize, organisation });
    });
    if (!batch) return total.sent || total.suppressed ? total : { ...total, skipped: 'locked' };
    await enqueueWritten(opts.mailer, batch.written);
    total.sent += batch.sent;
    total.suppressed += batch.suppressed;
    // a short batch was the last; a batch that changed nothing (no published version) would repeat forever
    if (batch.claimed < batchSize || batch.sent + batch.suppressed === 0) return total;
  }
}

async function dispatchBatch(
  tx: Tx,
  opts: DispatchOptions & {
    now: Date;
    batchSize: number;
    organisation: Awaited<ReturnType<typeof readOrganisationSettings>>;
  },
) {
  const now = sql`${opts.now.toISOString()}::timestamptz`;
  const reason = suppressionReasonSql({
    now,
    tenantId: sql`i.tenant_id`,
    selfId: sql`i.id`,
    scheduledCountsAsOpen: false,
  });
  const due = await rowsOf<DueRow>(
    tx,
    sql`WITH due AS (
        SELECT id FROM invitations WHERE status = 'scheduled' AND send_after <= ${now}
        ORDER BY send_after, id LIMIT ${opts.batchSize} FOR UPDATE SKIP LOCKED
      )
      SELECT i.id, i.journey, j.completed_at, s.expiry_days, i.tenant_id, t.name AS tenant_name,
        t.email, t.mobile, t.preferred_channel, ${emailUsableSql} AS email_ok, ${mobileUsableSql} AS mobile_ok,
        CASE WHEN j.status = 'cancelled' THEN 'cancelled' ELSE ${reason} END AS reason
      FROM due d
      JOIN invitations i ON i.id = d.id
      JOIN jobs j ON j.id = i.job_id
      JOIN survey_settings s ON s.journey = i.journey
      LEFT JOIN tenants t ON t.id = i.tenant_id
      ORDER BY i.send_after, i.id`,
  );
  const suppressed: Array<{ id: number; reason: SuppressionReason }> = [];
  const toSend: Array<{ row: DueRow; channel: SendChannel }> = [];
  const tenantsThisBatch = new Set<number>();
  for (const row of due) {
    // two scheduled invitations of one tenant (scheduled by concurrent batches) never both go out
    const reason = row.reason ?? (tenantsThisBatch.has(row.tenant_id!) ? 'open_invitation' : null);
    if (reason) suppressed.push({ id: row.id, reason });
    else {
      tenantsThisBatch.add(row.tenant_id!);
      toSend.push({ row, channel: channelFor(row) });
    }
  }
  const versions = new Map<Journey, number | null>();
  const sent: Array<{
    id: number;
    token_hash: string;
    nonce: string;
    version_id: number;
    channel: SendChannel;
    expires_at: string;
  }> = [];
  const written: OutboxRef[] = [];
  for (const { row, channel } of toSend) {
    if (!versions.has(row.journey))
      versions.set(
        row.journey,
        (await getPublishedVersion({ db: tx as Db, journey: row.journey }))?.versionId ?? null,
      );
    const versionId = versions.get(row.journey);
    if (!versionId) {
      // nothing to ask: it stays scheduled until a version is published (never happens with the defaults)
      console.error(
        `[invitations] no published questionnaire for ${row.journey}; invitation ${row.id} waits`,
      );
      continue;
    }
    const nonce = newTokenNonce();
    const expiresAt = new Date(opts.now.getTime() + row.expiry_days * 86_400_000);
    sent.push({
      id: row.id,
      token_hash: hashSurveyToken(deriveSurveyToken(opts.secret, row.id, nonce)),
      nonce,
      version_id: versionId,
      channel,
      expires_at: expiresAt.toISOString(),
    });
    written.push(
      ...(await writeInvitationMessages(tx, {
        ...opts,
        recipient: {
          invitationId: row.id,
          nonce,
          channel,
          journey: row.journey,
          completedAt: row.completed_at ? new Date(row.completed_at) : null,
          expiresAt,
          tenantName: row.tenant_name ?? '',
          email: row.email,
          mobile: row.mobile,
        },
        reminder: false,
      })),
    );
  }
  if (sent.length)
    await tx.execute(sql`UPDATE invitations i SET status = 'sent', token_hash = r.token_hash, token_nonce = r.nonce,
        questionnaire_version_id = r.version_id, channel = r.channel, sent_at = ${now}, expires_at = r.expires_at
      FROM json_to_recordset(${JSON.stringify(sent)}::json)
        AS r(id integer, token_hash text, nonce text, version_id integer, channel text, expires_at timestamptz)
      WHERE i.id = r.id AND i.status = 'scheduled'`);
  if (suppressed.length)
    await tx.execute(sql`UPDATE invitations i SET status = 'suppressed', suppression_reason = r.reason
      FROM json_to_recordset(${JSON.stringify(suppressed)}::json) AS r(id integer, reason text)
      WHERE i.id = r.id AND i.status = 'scheduled'`);
  return { claimed: due.length, sent: sent.length, suppressed: suppressed.length, written };
}

/** The tenant's preference, narrowed to what can actually be reached ('both' with one address is that one). */
function channelFor(row: DueRow): SendChannel {
  if (row.preferred_channel === 'both')
    return row.email_ok && row.mobile_ok ? 'both' : row.email_ok ? 'email' : 'sms';
  return row.preferred_channel === 'sms' ? 'sms' : 'email';
}
