import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { targetMetrics } from '../../contracts/metrics';
import { journeys } from './jobs';

/** A rollup's period: the Monday of an ISO week, or the first day of a month, in Europe/Amsterdam. */
export const rollupGrains = ['week', 'month'] as const;

/**
 * What the dashboards read most, summed per week and per month of submission (business time) and
 * per attribution: one row per grain × period × journey × department × team × technician ×
 * contractor × trade (NULLs equal). A response is added once, by the rollup processor, which marks
 * it `responses.rolled_up`; the figures add the responses not yet rolled up straight from the
 * table, so they are exact at every moment (src/domain/metrics/response-sums.ts).
 */
const attribution = {
  grain: text({ enum: rollupGrains }).notNull(),
  periodStart: date({ mode: 'string' }).notNull(),
  journey: text({ enum: journeys }).notNull(),
  departmentId: integer(),
  teamId: integer(),
  technicianId: integer(),
  contractorId: integer(),
  trade: text(),
};

export const responseRollups = pgTable(
  'response_rollups',
  {
    ...attribution,
    responses: integer().notNull(),
    gradeN: integer().notNull(),
    gradeSum: integer().notNull(),
    gradeSumSq: integer().notNull(),
    /** grades of 8 or more, 6 or more, 5 or less */
    grade8Plus: integer().notNull(),
    grade6Plus: integer().notNull(),
    grade5OrLess: integer().notNull(),
    npsN: integer().notNull(),
    npsPromoters: integer().notNull(),
    npsDetractors: integer().notNull(),
  },
  (t) => [
    unique('response_rollups_key')
      .on(
        t.grain,
        t.periodStart,
        t.journey,
        t.departmentId,
        t.teamId,
        t.technicianId,
        t.contractorId,
        t.trade,
      )
      .nullsNotDistinct(),
  ],
);

/** Numeric answers summed per question, with the same attribution as response_rollups. */
export const answerRollups = pgTable(
  'answer_rollups',
  {
    ...attribution,
    questionKey: text().notNull(),
    questionType: text().notNull(),
    phase: text(),
    technicianInfluenceable: boolean(),
    n: integer().notNull(),
    sum: integer().notNull(),
    sumSq: integer().notNull(),
  },
  (t) => [
    unique('answer_rollups_key')
      .on(
        t.grain,
        t.periodStart,
        t.journey,
        t.departmentId,
        t.teamId,
        t.technicianId,
        t.contractorId,
        t.trade,
        t.questionKey,
        t.questionType,
        t.phase,
        t.technicianInfluenceable,
      )
      .nullsNotDistinct(),
  ],
);

export { targetMetrics };

/**
 * A satisfaction target for a year: for the organisation (no department, team or contractor), a
 * department, a team or a contractor, per journey. A new value replaces the old one, which stays
 * as history (`replacedAt`); the figures read the one in force.
 */
export const targets = pgTable(
  'targets',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    year: integer().notNull(),
    journey: text({ enum: journeys }).notNull(),
    metric: text({ enum: targetMetrics }).notNull(),
    departmentId: integer(),
    teamId: integer(),
    contractorId: integer(),
    /** a share as 0..1 (eight_plus, dissatisfied), a grade 1..10, an NPS −100..100 */
    value: doublePrecision().notNull(),
    setBy: text().notNull(),
    setAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    replacedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('targets_in_force')
      .on(
        t.year,
        t.journey,
        t.metric,
        sql`coalesce(${t.departmentId}, 0)`,
        sql`coalesce(${t.teamId}, 0)`,
        sql`coalesce(${t.contractorId}, 0)`,
      )
      .where(sql`replaced_at IS NULL`),
  ],
);
