import { sql } from 'drizzle-orm';
import type { IngestKind } from './ingest-kind';
import { type TComplexRow, ZComplexRow } from './row-schemas';
import { asJson, upsertResolved } from './upsert-sql';

/** Complexes by external id, with the planned-maintenance team responsible for them. */
export const complexIngest: IngestKind<TComplexRow> = {
  name: 'complexes',
  schema: ZComplexRow,
  keyField: 'externalId',
  permission: 'masterdata.write',
  references: [{ field: 'teamCode', table: 'teams', column: 'code', noun: 'team' }],
  async write(tx, rows) {
    const json = asJson(
      rows.map((r) => ({ external_id: r.externalId, name: r.name, city: r.city, team: r.teamCode })),
    );
    const resolved = sql`
      SELECT r.external_id, r.name, r.city, coalesce(t.id, x.team_id) AS team_id
      FROM json_to_recordset(${json}::json) AS r(external_id text, name text, city text, team text)
      LEFT JOIN complexes x ON x.external_id = r.external_id
      LEFT JOIN teams t ON t.code = r.team`;
    return upsertResolved(tx, {
      table: 'complexes',
      key: 'external_id',
      columns: ['external_id', 'name', 'city', 'team_id'],
      resolved,
    });
  },
};
