import { sql } from 'drizzle-orm';
import type { IngestKind } from './ingest-kind';
import { type TUnitRow, ZUnitRow } from './row-schemas';
import { asJson, upsertResolved, writeInChunks } from './upsert-sql';

/** Units (homes) by external id; a corporation has tens of thousands, so they go in chunks. */
export const unitIngest: IngestKind<TUnitRow> = {
  name: 'units',
  schema: ZUnitRow,
  keyField: 'externalId',
  permission: 'masterdata.write',
  references: [{ field: 'complexExternalId', table: 'complexes', column: 'external_id', noun: 'complex' }],
  write(tx, rows, onProgress) {
    return writeInChunks(rows, onProgress, async (chunk) => {
      const json = asJson(
        chunk.map((r) => ({
          external_id: r.externalId,
          complex: r.complexExternalId,
          street: r.street,
          house_number: r.houseNumber,
          postcode: r.postcode,
          city: r.city,
          vve: r.ownersAssociation,
          vve_name: r.ownersAssociationName,
        })),
      );
      const resolved = sql`
        SELECT r.external_id, coalesce(c.id, u.complex_id) AS complex_id, r.street, r.house_number, r.postcode, r.city,
          coalesce(r.vve, u.owners_association, false) AS owners_association,
          coalesce(r.vve_name, u.owners_association_name) AS owners_association_name
        FROM json_to_recordset(${json}::json) AS r(external_id text, complex text, street text, house_number text,
          postcode text, city text, vve boolean, vve_name text)
        LEFT JOIN units u ON u.external_id = r.external_id
        LEFT JOIN complexes c ON c.external_id = r.complex`;
      return upsertResolved(tx, {
        table: 'units',
        key: 'external_id',
        columns: [
          'external_id',
          'complex_id',
          'street',
          'house_number',
          'postcode',
          'city',
          'owners_association',
          'owners_association_name',
        ],
        resolved,
      });
    });
  },
};
