import { sql } from 'drizzle-orm';
import type { IngestKind } from './ingest-kind';
import { type TTenantRow, ZTenantRow } from './row-schemas';
import { asJson, upsertResolved, writeInChunks } from './upsert-sql';

const columns = ['unit_id', 'name', 'email', 'mobile', 'preferred_channel', 'opted_out', 'opted_out_at'];

// What an existing row becomes (a column not named here: the ERP's value), from `excluded` (the ERP's
// row, resolved below) and `tenants`, the row itself. An erased tenant (AVG) keeps the row the erasure left — no name, no contact data, opted
// out — whatever the ERP sends; only the home follows the ERP, as it holds nothing of the person. A
// tenant who opted out themselves (self_opted_out_at, unsubscribe-tenant) stays opted out, with its
// moment: the ERP sends `optedOut: false` as its default, which is no wish of the tenant's. An opt-out
// the ERP repeats keeps its moment.
//
// These read `tenants`, not the statement's snapshot, on purpose: when an erasure or unsubscribe holds
// the row, ON CONFLICT DO UPDATE waits for it and then evaluates SET and WHERE against the row's
// latest committed version (PostgreSQL, Read Committed), so what they committed meanwhile is kept.
// erased_at is never cleared; self_opted_out_at only by an admin's audited opt-in (opt-tenant-back-in.ts),
// which an upsert waiting for the row then sees as the row's latest version, as above.
const erased = 'tenants.erased_at IS NOT NULL';
const keepsOptOut = `(${erased} OR tenants.self_opted_out_at IS NOT NULL)`;
const existingBecomes: Record<string, string> = {
  name: `CASE WHEN ${erased} THEN tenants.name ELSE excluded.name END`,
  email: `CASE WHEN ${erased} THEN tenants.email ELSE excluded.email END`,
  mobile: `CASE WHEN ${erased} THEN tenants.mobile ELSE excluded.mobile END`,
  preferred_channel: `CASE WHEN ${erased} THEN tenants.preferred_channel ELSE excluded.preferred_channel END`,
  opted_out: `${keepsOptOut} OR excluded.opted_out`,
  opted_out_at: `CASE WHEN ${keepsOptOut} OR (excluded.opted_out AND tenants.opted_out) THEN tenants.opted_out_at
                      ELSE excluded.opted_out_at END`,
};

/**
 * Tenants by external id. Opting out records the moment; opting in again clears it. A tenant who
 * opted out themselves stays opted out, and an erased tenant stays erased (see docs/SURVEYS.md,
 * Opting out and Erasure), also when that happened while this upsert waited for the row.
 */
export const tenantIngest: IngestKind<TTenantRow> = {
  name: 'tenants',
  schema: ZTenantRow,
  keyField: 'externalId',
  permission: 'masterdata.write',
  references: [{ field: 'unitExternalId', table: 'units', column: 'external_id', noun: 'unit' }],
  write(tx, rows, onProgress) {
    return writeInChunks(rows, onProgress, async (chunk) => {
      const json = asJson(
        chunk.map((r) => ({
          external_id: r.externalId,
          unit: r.unitExternalId,
          name: r.name,
          email: r.email,
          mobile: r.mobile,
          channel: r.preferredChannel,
          opted_out: r.optedOut,
        })),
      );
      // The ERP's row, what it leaves out taken from the row as this statement first sees it (only
      // the ERP changes these, apart from what `existingBecomes` keeps); a new tenant is stored so.
      return upsertResolved(tx, {
        table: 'tenants',
        key: 'external_id',
        columns: ['external_id', ...columns],
        updateAs: existingBecomes,
        resolved: sql`
          SELECT r.external_id, coalesce(u.id, t.unit_id) AS unit_id, r.name,
            coalesce(r.email, t.email) AS email, coalesce(r.mobile, t.mobile) AS mobile,
            coalesce(r.channel, t.preferred_channel, 'email') AS preferred_channel,
            coalesce(r.opted_out, t.opted_out, false) AS opted_out,
            CASE WHEN coalesce(r.opted_out, t.opted_out, false) THEN now() END AS opted_out_at
          FROM json_to_recordset(${json}::json) AS r(external_id text, unit text, name text, email text,
            mobile text, channel text, opted_out boolean)
          LEFT JOIN tenants t ON t.external_id = r.external_id
          LEFT JOIN units u ON u.external_id = r.unit`,
      });
    });
  },
};
