import { sql } from 'drizzle-orm';
import type { IngestKind } from './ingest-kind';
import { type TContractorRow, ZContractorRow } from './row-schemas';
import { asJson, rowsOf, type Tx, upsertResolved } from './upsert-sql';

/**
 * Contractors (comakers) by external id, with their contact persons. Contacts are matched by e-mail
 * within the contractor and never deleted here: a contact may be linked to a login.
 */
export const contractorIngest: IngestKind<TContractorRow> = {
  name: 'contractors',
  schema: ZContractorRow,
  keyField: 'externalId',
  permission: 'masterdata.write',
  references: [{ field: 'pilotTeamCode', table: 'teams', column: 'code', noun: 'team' }],
  async write(tx, rows) {
    const json = asJson(
      rows.map((r) => ({
        external_id: r.externalId,
        name: r.name,
        category: r.category,
        trade: r.trade,
        pilot: r.pilotTeamCode,
      })),
    );
    const resolved = sql`
      SELECT r.external_id, r.name, r.category, coalesce(r.trade, c.trade) AS trade,
        coalesce(t.id, c.pilot_team_id) AS pilot_team_id
      FROM json_to_recordset(${json}::json) AS r(external_id text, name text, category text, trade text, pilot text)
      LEFT JOIN contractors c ON c.external_id = r.external_id
      LEFT JOIN teams t ON t.code = r.pilot`;
    const written = await upsertResolved(tx, {
      table: 'contractors',
      key: 'external_id',
      columns: ['external_id', 'name', 'category', 'trade', 'pilot_team_id'],
      resolved,
      returnKeys: true,
    });
    const contacts = rows.flatMap((r) => (r.contacts ?? []).map((c) => ({ contractor: r.externalId, ...c })));
    const touched = contacts.length ? await upsertContacts(tx, asJson(contacts)) : [];
    const inserted = new Set(written.keys.filter((k) => k.inserted).map((k) => k.key));
    const changed = new Set([...written.keys.filter((k) => !k.inserted).map((k) => k.key), ...touched]);
    for (const k of inserted) changed.delete(k);
    return { inserted: inserted.size, updated: changed.size };
  },
};

async function upsertContacts(tx: Tx, json: string): Promise<string[]> {
  const rows = await rowsOf<{ external_id: string }>(
    tx,
    sql`WITH given AS (
        SELECT DISTINCT ON (k.id, lower(r.email)) k.id AS contractor_id, k.external_id, r.name, r.email, r.phone
        FROM json_to_recordset(${json}::json) AS r(contractor text, name text, email text, phone text)
        JOIN contractors k ON k.external_id = r.contractor
      ), changed AS (
        UPDATE contractor_contacts cc SET name = g.name, phone = coalesce(g.phone, cc.phone)
        FROM given g
        WHERE cc.contractor_id = g.contractor_id AND lower(cc.email) = lower(g.email)
          AND (cc.name, cc.phone) IS DISTINCT FROM (g.name, coalesce(g.phone, cc.phone))
        RETURNING g.external_id
      ), added AS (
        INSERT INTO contractor_contacts (contractor_id, name, email, phone)
        SELECT g.contractor_id, g.name, g.email, g.phone FROM given g
        WHERE NOT EXISTS (SELECT 1 FROM contractor_contacts x WHERE x.contractor_id = g.contractor_id AND lower(x.email) = lower(g.email))
        RETURNING (SELECT external_id FROM contractors WHERE id = contractor_id) AS external_id
      )
      SELECT external_id FROM changed UNION SELECT external_id FROM added`,
  );
  return rows.map((r) => r.external_id);
}
