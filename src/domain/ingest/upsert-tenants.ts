import { sql } from 'drizzle-orm';
import type { IngestKind } from './ingest-kind';
import { type TTenantRow, ZTenantRow } from './row-schemas';
import { asJson, upsertResolved, writeInChunks } from './upsert-sql';

/**
 * Tenants by external id. Opting out records the moment; opting in again clears it. A tenant who
 * opted out themselves stays opted out, and an erased tenant stays erased (see docs/SURVEYS.md,
 * Opting out and Erasure).
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
      // An erased tenant (AVG) keeps the row the erasure left — no name, no contact data, opted out —
      // whatever the ERP sends; only the home follows the ERP, as it holds nothing of the person.
      // A tenant who opted out themselves (self_opted_out_at, unsubscribe-tenant) stays opted out, with
      // its moment: the ERP sends `optedOut: false` as its default, which is no wish of the tenant's.
      const resolved = sql`
        SELECT r.external_id, coalesce(u.id, t.unit_id) AS unit_id,
          CASE WHEN t.erased_at IS NULL THEN r.name ELSE t.name END AS name,
          CASE WHEN t.erased_at IS NULL THEN coalesce(r.email, t.email) END AS email,
          CASE WHEN t.erased_at IS NULL THEN coalesce(r.mobile, t.mobile) END AS mobile,
          CASE WHEN t.erased_at IS NULL THEN coalesce(r.channel, t.preferred_channel, 'email')
               ELSE t.preferred_channel END AS preferred_channel,
          t.erased_at IS NOT NULL OR t.self_opted_out_at IS NOT NULL
            OR coalesce(r.opted_out, t.opted_out, false) AS opted_out,
          CASE WHEN t.erased_at IS NOT NULL OR t.self_opted_out_at IS NOT NULL THEN t.opted_out_at
               WHEN NOT coalesce(r.opted_out, t.opted_out, false) THEN NULL
               WHEN t.opted_out THEN t.opted_out_at ELSE now() END AS opted_out_at
        FROM json_to_recordset(${json}::json) AS r(external_id text, unit text, name text, email text, mobile text,
          channel text, opted_out boolean)
        LEFT JOIN tenants t ON t.external_id = r.external_id
        LEFT JOIN units u ON u.external_id = r.unit`;
      const counts = await upsertResolved(tx, {
        table: 'tenants',
        key: 'external_id',
        columns: [
          'external_id',
          'unit_id',
          'name',
          'email',
          'mobile',
          'preferred_channel',
          'opted_out',
          'opted_out_at',
        ],
        resolved,
      });
      // The SELECT above reads the rows as they were when the statement began. A tenant's opt-out
      // committed after that (its transaction held the row, so our update waited for it and then
      // wrote over it) would be undone by the ERP's `optedOut: false`. The rows we wrote are locked
      // by us now, so this second statement, which sees everything committed, puts such an opt-out
      // back; a later unsubscribe waits for our commit and then finds the ERP's values.
      await tx.execute(sql`
        UPDATE tenants t SET opted_out = true, opted_out_at = t.self_opted_out_at
        FROM json_to_recordset(${json}::json) AS r(external_id text)
        WHERE t.external_id = r.external_id AND t.self_opted_out_at IS NOT NULL AND NOT t.opted_out`);
      return counts;
    });
  },
};
