import { sql } from 'drizzle-orm';
import type { IngestKind } from './ingest-kind';
import { type TTeamRow, ZTeamRow } from './row-schemas';
import { asJson, upsertResolved } from './upsert-sql';

/** Regional teams by code. Leaders are employees: import teams, then employees, then teams again with leaders. */
export const teamIngest: IngestKind<TTeamRow> = {
  name: 'teams',
  schema: ZTeamRow,
  keyField: 'code',
  permission: 'masterdata.write',
  references: [
    { field: 'departmentCode', table: 'departments', column: 'code', noun: 'department' },
    { field: 'regionCode', table: 'regions', column: 'code', noun: 'region' },
    { field: 'leaderExternalId', table: 'employees', column: 'external_id', noun: 'employee' },
  ],
  async write(tx, rows) {
    const json = asJson(
      rows.map((r) => ({
        code: r.code,
        name: r.name,
        dep: r.departmentCode,
        reg: r.regionCode,
        leader: r.leaderExternalId,
      })),
    );
    const resolved = sql`
      SELECT r.code, r.name, d.id AS department_id, coalesce(g.id, t.region_id) AS region_id,
        coalesce(e.id, t.leader_employee_id) AS leader_employee_id
      FROM json_to_recordset(${json}::json) AS r(code text, name text, dep text, reg text, leader text)
      JOIN departments d ON d.code = r.dep
      LEFT JOIN teams t ON t.code = r.code
      LEFT JOIN regions g ON g.code = r.reg
      LEFT JOIN employees e ON e.external_id = r.leader`;
    return upsertResolved(tx, {
      table: 'teams',
      key: 'code',
      columns: ['code', 'name', 'department_id', 'region_id', 'leader_employee_id'],
      resolved,
    });
  },
};
