import { type SQL, sql } from 'drizzle-orm';

/**
 * The suppression rules as one SQL CASE, shared by the scheduler (at completion) and the dispatcher
 * (again at sending, when things may have changed). Expects the journey's `survey_settings` as `s`
 * and the tenant (LEFT JOIN) as `t`; null = send.
 *
 * Order matters only for the reason recorded: a disabled journey first, then the tenant (missing,
 * opted out, no contact data for the preferred channel), then the tenant's other invitations — of
 * which one that reached nobody (undeliverable: every message failed) counts for neither rule.
 */
export function suppressionReasonSql(opts: {
  now: SQL;
  tenantId: SQL;
  /** the invitation being judged, so it never counts against itself */
  selfId?: SQL;
  /** at scheduling another scheduled invitation blocks; at sending only a sent, still open one does */
  scheduledCountsAsOpen: boolean;
}): SQL {
  const { now, tenantId } = opts;
  // the tenant's other invitations that may have reached them
  const others = sql`${opts.selfId ? sql`AND o.id <> ${opts.selfId}` : sql``} AND o.undeliverable_at IS NULL`;
  const open = opts.scheduledCountsAsOpen
    ? sql`(o.status = 'scheduled' OR (o.status = 'sent' AND o.expires_at > ${now}))`
    : sql`(o.status = 'sent' AND o.expires_at > ${now})`;
  return sql`CASE
    WHEN NOT s.enabled THEN 'journey_disabled'
    WHEN t.id IS NULL THEN 'no_contact'
    WHEN t.opted_out THEN 'opted_out'
    WHEN NOT ${usableContactSql} THEN 'no_contact'
    WHEN EXISTS (SELECT 1 FROM invitations o WHERE o.tenant_id = ${tenantId} ${others}
                 AND o.sent_at >= ${now} - s.quarantine_days * interval '1 day') THEN 'quarantine'
    WHEN EXISTS (SELECT 1 FROM invitations o WHERE o.tenant_id = ${tenantId} ${others} AND ${open}) THEN 'open_invitation'
  END`;
}

export const emailUsableSql = sql`(coalesce(btrim(t.email), '') <> '')`;
export const mobileUsableSql = sql`(coalesce(btrim(t.mobile), '') <> '')`;

/** The tenant can be reached on their preferred channel ('both' needs one of the two; 'none' never). */
export const usableContactSql = sql`(CASE t.preferred_channel
    WHEN 'email' THEN ${emailUsableSql}
    WHEN 'sms' THEN ${mobileUsableSql}
    WHEN 'both' THEN ${emailUsableSql} OR ${mobileUsableSql}
    ELSE false END)`;
