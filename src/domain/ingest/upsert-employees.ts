import { sql } from 'drizzle-orm';
import { businessToday } from '../business-time/business-time';
import type { IngestKind } from './ingest-kind';
import { type TEmployeeRow, ZEmployeeRow } from './row-schemas';
import { asJson, rowsOf, type Tx, upsertResolved } from './upsert-sql';

/**
 * Employees by external id. A teamCode that differs from the current membership closes that
 * membership today and opens one in the new team from today (Europe/Amsterdam): membership over time,
 * so a job keeps the team it had and reports per period stay true.
 */
export const employeeIngest: IngestKind<TEmployeeRow> = {
  name: 'employees',
  schema: ZEmployeeRow,
  keyField: 'externalId',
  permission: 'masterdata.write',
  references: [
    { field: 'departmentCode', table: 'departments', column: 'code', noun: 'department' },
    { field: 'teamCode', table: 'teams', column: 'code', noun: 'team' },
  ],
  async write(tx, rows) {
    const json = asJson(
      rows.map((r) => ({
        external_id: r.externalId,
        name: r.name,
        email: r.email,
        phone: r.phone,
        role: r.role,
        dep: r.departmentCode,
        trade: r.trade,
        team: r.teamCode,
        active: r.active,
      })),
    );
    const resolved = sql`
      SELECT r.external_id, r.name, coalesce(r.email, e.email) AS email, coalesce(r.phone, e.phone) AS phone, r.role,
        coalesce(d.id, td.department_id, e.department_id) AS department_id, coalesce(r.trade, e.trade) AS trade,
        coalesce(r.active, e.active, true) AS active
      FROM json_to_recordset(${json}::json) AS r(external_id text, name text, email text, phone text, role text, dep text,
        trade text, team text, active boolean)
      LEFT JOIN employees e ON e.external_id = r.external_id
      LEFT JOIN departments d ON d.code = r.dep
      LEFT JOIN teams td ON td.code = r.team`;
    const written = await upsertResolved(tx, {
      table: 'employees',
      key: 'external_id',
      columns: ['external_id', 'name', 'email', 'phone', 'role', 'department_id', 'trade', 'active'],
      resolved,
      returnKeys: true,
    });
    const moved = await moveTeams(tx, json);
    const inserted = new Set(written.keys.filter((k) => k.inserted).map((k) => k.key));
    const changed = new Set([...written.keys.filter((k) => !k.inserted).map((k) => k.key), ...moved]);
    for (const k of inserted) changed.delete(k);
    return { inserted: inserted.size, updated: changed.size };
  },
};

/** Closes and opens memberships where the team changed; returns the external ids that moved. */
async function moveTeams(tx: Tx, json: string): Promise<string[]> {
  const today = businessToday;
  const rows = await rowsOf<{ external_id: string }>(
    tx,
    sql`WITH wanted AS (
        SELECT e.id AS employee_id, e.external_id, t.id AS team_id
        FROM json_to_recordset(${json}::json) AS r(external_id text, team text)
        JOIN employees e ON e.external_id = r.external_id
        JOIN teams t ON t.code = r.team
      ), moving AS (
        SELECT w.* FROM wanted w WHERE NOT EXISTS (
          SELECT 1 FROM team_memberships m WHERE m.employee_id = w.employee_id AND m.team_id = w.team_id AND m.valid_to IS NULL)
      ), closed AS (
        UPDATE team_memberships m SET valid_to = ${today}
        FROM moving WHERE m.employee_id = moving.employee_id AND m.valid_to IS NULL RETURNING m.id
      ), opened AS (
        INSERT INTO team_memberships (employee_id, team_id, valid_from)
        SELECT employee_id, team_id, ${today} FROM moving
        ON CONFLICT (employee_id, team_id, valid_from) DO UPDATE SET valid_to = NULL
        RETURNING employee_id
      )
      SELECT external_id FROM moving`, // data-modifying CTEs run whether or not they are read
  );
  return rows.map((r) => r.external_id);
}
