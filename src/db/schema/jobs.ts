import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

import { type JobStatus, type Journey, jobStatuses, journeys, reportingChannels } from '../../contracts/work';

export { type JobStatus, type Journey, jobStatuses, journeys, reportingChannels };

/**
 * One repair request or maintenance activity. The attribution (department, team, technician,
 * contractor) is stored on the job itself, so history holds when people change teams.
 * The six references (unit, tenant, department, team, technician, contractor) carry no row-level
 * foreign keys: every write (batch API, import) checks them set-based before writing and master data
 * is never deleted, and per-row FK triggers made bulk imports four times slower.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    externalId: text().notNull().unique(),
    journey: text({ enum: journeys }).notNull(),
    trade: text(),
    description: text(),
    unitId: integer(),
    tenantId: integer(),
    departmentId: integer(),
    teamId: integer(),
    technicianId: integer(),
    contractorId: integer(),
    status: text({ enum: jobStatuses }).notNull().default('reported'),
    reportingChannel: text({ enum: reportingChannels }),
    reportedAt: timestamp({ withTimezone: true }),
    appointmentAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.teamId, t.completedAt),
    index().on(t.technicianId, t.completedAt),
    index().on(t.contractorId, t.completedAt),
    index().on(t.departmentId, t.completedAt),
    index().on(t.unitId),
    index().on(t.tenantId),
    // (completed_at, id) read backwards is the default job-list order; reported_at is the other sort
    index().on(t.completedAt, t.id),
    index().on(t.reportedAt.desc().nullsLast(), t.id.desc()),
    // work-order search matches from the start (LIKE 'WO-12%') whatever the database collation
    index('jobs_external_id_pattern_index').on(t.externalId.op('text_pattern_ops')),
  ],
);
