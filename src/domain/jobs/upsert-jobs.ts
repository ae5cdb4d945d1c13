import { sql } from 'drizzle-orm';
import { copyInTransaction, type Db } from '../../db/client';
import type { Actor } from '../../policy/actor';
import type { IngestKind } from '../ingest/ingest-kind';
import { ingestRows } from '../ingest/ingest-rows';
import { type TJobRow, ZJobRow } from '../ingest/row-schemas';
import { upsertResolved } from '../ingest/upsert-sql';
import { scheduleInvitations } from '../invitations/schedule-invitations';

const CHUNK = 25_000;
const columns = [
  'external_id',
  'journey',
  'trade',
  'description',
  'unit_id',
  'tenant_id',
  'department_id',
  'team_id',
  'technician_id',
  'contractor_id',
  'status',
  'reporting_channel',
  'reported_at',
  'appointment_at',
  'completed_at',
  'cancelled_at',
];

/**
 * Jobs from the ERP, upserted by external id. History holds: a field the row leaves out keeps its
 * stored value, so a later update never rewrites the team or technician a job was done by.
 * The department follows the team. Without a status, completed/cancelled timestamps imply one; a
 * completion without a time is stamped now. Jobs that are completed get their survey invitation
 * scheduled in the same transaction (scheduleInvitations), and the dispatcher is woken after commit.
 */
export const jobIngest: IngestKind<TJobRow> = {
  name: 'jobs',
  schema: ZJobRow,
  keyField: 'externalId',
  permission: 'job.write',
  references: [
    { field: 'unitExternalId', table: 'units', column: 'external_id', noun: 'unit' },
    { field: 'tenantExternalId', table: 'tenants', column: 'external_id', noun: 'tenant' },
    { field: 'teamCode', table: 'teams', column: 'code', noun: 'team' },
    { field: 'technicianExternalId', table: 'employees', column: 'external_id', noun: 'technician' },
    { field: 'contractorExternalId', table: 'contractors', column: 'external_id', noun: 'contractor' },
  ],
  async write(tx, rows, onProgress) {
    if (!rows.length) return { inserted: 0, updated: 0 };
    // rows go in by COPY to a staging table on the transaction's connection, then set-based in chunks
    await tx.execute(sql.raw('DROP TABLE IF EXISTS pg_temp.job_stage'));
    await tx.execute(
      sql.raw(
        `CREATE TEMP TABLE job_stage (n integer, ${stageColumns.map((c) => `${c} ${c.endsWith('_at') ? 'timestamptz' : 'text'}`).join(', ')}) ON COMMIT DROP`,
      ),
    );
    await copyInTransaction(tx, 'job_stage', ['n', ...stageColumns], toCsv(rows));
    let inserted = 0;
    let updated = 0;
    for (let start = 0; start < rows.length; start += CHUNK) {
      const end = Math.min(start + CHUNK, rows.length);
      const resolved = sql`
        SELECT r.external_id,
          r.journey,
          coalesce(r.trade, j.trade) AS trade,
          coalesce(r.description, j.description) AS description,
          coalesce(u.id, j.unit_id) AS unit_id,
          coalesce(tn.id, j.tenant_id) AS tenant_id,
          coalesce(t.department_id, j.department_id) AS department_id,
          coalesce(t.id, j.team_id) AS team_id,
          coalesce(e.id, j.technician_id) AS technician_id,
          coalesce(c.id, j.contractor_id) AS contractor_id,
          coalesce(r.status, CASE WHEN r.completed_at IS NOT NULL THEN 'completed' WHEN r.cancelled_at IS NOT NULL THEN 'cancelled' END,
                   j.status, CASE WHEN r.appointment_at IS NOT NULL THEN 'planned' ELSE 'reported' END) AS status,
          coalesce(r.reporting_channel, j.reporting_channel) AS reporting_channel,
          coalesce(r.reported_at, j.reported_at) AS reported_at,
          coalesce(r.appointment_at, j.appointment_at) AS appointment_at,
          coalesce(r.completed_at, j.completed_at, CASE WHEN r.status = 'completed' THEN now() END) AS completed_at,
          coalesce(r.cancelled_at, j.cancelled_at) AS cancelled_at
        FROM job_stage r
        LEFT JOIN jobs j ON j.external_id = r.external_id
        LEFT JOIN units u ON u.external_id = r.unit
        LEFT JOIN tenants tn ON tn.external_id = r.tenant
        LEFT JOIN teams t ON t.code = r.team
        LEFT JOIN employees e ON e.external_id = r.technician
        LEFT JOIN contractors c ON c.external_id = r.contractor
        WHERE r.n >= ${start} AND r.n < ${end}`;
      const counts = await upsertResolved(tx, {
        table: 'jobs',
        key: 'external_id',
        columns,
        resolved,
        touch: 'updated_at = now()',
      });
      inserted += counts.inserted;
      updated += counts.updated;
      onProgress?.(end);
    }
    // a job that became completed gets its survey invitation in this same transaction
    const invited = await scheduleInvitations(
      tx,
      sql`SELECT j.id FROM job_stage r JOIN jobs j ON j.external_id = r.external_id`,
    );
    return {
      inserted,
      updated,
      afterCommit: (after) => after.dispatchWakeup.wake(invited.firstSendAfter),
    };
  },
};

/** The staging table's columns after `n` (the row's place in the batch), in the order toCsv writes them. */
const stageColumns = [
  'external_id',
  'journey',
  'trade',
  'description',
  'unit',
  'tenant',
  'team',
  'technician',
  'contractor',
  'status',
  'reporting_channel',
  'reported_at',
  'appointment_at',
  'completed_at',
  'cancelled_at',
];

/** CSV for COPY: an unquoted empty cell is NULL (left out), every text is quoted. */
function toCsv(rows: TJobRow[]): string {
  let csv = '';
  for (let n = 0; n < rows.length; n++) {
    const r = rows[n]!;
    csv += `${n},${text(r.externalId)},${text(r.journey)},${text(r.trade)},${text(r.description)},${text(r.unitExternalId)},${text(r.tenantExternalId)},${text(r.teamCode)},${text(r.technicianExternalId)},${text(r.contractorExternalId)},${text(r.status)},${text(r.reportingChannel)},${time(r.reportedAt)},${time(r.appointmentAt)},${time(r.completedAt)},${time(r.cancelledAt)}\n`;
  }
  return csv;
}
const text = (v: string | undefined) =>
  v === undefined ? '' : v.indexOf('"') === -1 ? `"${v}"` : `"${v.replace(/"/g, '""')}"`;
const time = (v: Date | undefined) => (v === undefined ? '' : v.toISOString());

export interface UpsertJobsOptions {
  db: Db;
  actor: Actor;
  rows: TJobRow[];
  onProgress?: (done: number) => void;
}

/** Upserts a batch of jobs: all or nothing; `{inserted, updated, unchanged}`. */
export async function upsertJobs({ db, actor, rows, onProgress }: UpsertJobsOptions) {
  return ingestRows({ db, actor, kind: jobIngest, rows, onProgress });
}
