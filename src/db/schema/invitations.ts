import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { invitationChannels } from '../../contracts/surveys';
import { journeys } from './jobs';
import { questionnaireVersions } from './surveys';

/**
 * How invitations go out per journey. Quiet hours (21:00–08:00 Europe/Amsterdam) are fixed by
 * the product; the rest is the corporation's choice.
 */
export const surveySettings = pgTable('survey_settings', {
  journey: text({ enum: journeys }).primaryKey(),
  /** whether completed jobs of this journey are surveyed at all */
  enabled: boolean().notNull().default(true),
  delayMinutes: integer().notNull().default(120),
  reminderDays: integer().notNull().default(3),
  expiryDays: integer().notNull().default(14),
  /** a tenant invited within this many days (any journey) is not invited again */
  quarantineDays: integer().notNull().default(30),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const invitationStatuses = ['scheduled', 'suppressed', 'sent', 'answered', 'expired'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];
export const suppressionReasons = [
  'opted_out',
  'quarantine',
  'no_contact',
  'cancelled',
  'open_invitation',
  'journey_disabled',
] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];
export { invitationChannels };

/**
 * One per job, ever (unique job_id): scheduled when the job is completed, then sent or suppressed
 * with its reason. The link's token is never stored — only its SHA-256 — and is derived again
 * from `tokenNonce` and the install's secret when the reminder needs the same link.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    jobId: integer().notNull(),
    /** cleared by the retention job; the figures keep only the attribution on the response */
    tenantId: integer(),
    journey: text({ enum: journeys }).notNull(),
    status: text({ enum: invitationStatuses }).notNull(),
    suppressionReason: text({ enum: suppressionReasons }),
    /** the channel used when sent (the tenant's preference then) */
    channel: text({ enum: invitationChannels }),
    /** the version the tenant is asked; fixed when sent */
    questionnaireVersionId: integer().references(() => questionnaireVersions.id),
    tokenHash: text().unique(),
    tokenNonce: text(),
    sendAfter: timestamp({ withTimezone: true }).notNull(),
    sentAt: timestamp({ withTimezone: true }),
    remindedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }),
    openedAt: timestamp({ withTimezone: true }),
    answeredAt: timestamp({ withTimezone: true }),
    /**
     * set when every message of the invitation failed (none sent, none still queued): it reached
     * nobody, so it blocks no other invitation of the tenant; cleared when an admin sends it again
     */
    undeliverableAt: timestamp({ withTimezone: true }),
    /** the last time an admin sent an undeliverable invitation again */
    resentAt: timestamp({ withTimezone: true }),
    /** answers saved as the tenant goes, before the one final submission (checked, partial) */
    draftAnswers: jsonb(),
    draftSavedAt: timestamp({ withTimezone: true }),
    locale: text({ enum: ['nl', 'en'] }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invitations_one_per_job').on(t.jobId),
    index('invitations_due_index').on(t.sendAfter).where(sql`status = 'scheduled'`),
    index('invitations_open_index').on(t.sentAt).where(sql`status = 'sent'`),
    index().on(t.tenantId, t.sentAt),
    // the dashboards' response rate: invitations that fell due in a period
    index().on(t.sendAfter),
  ],
);

/**
 * A submitted survey. The attribution is copied from the job at submission, so figures never
 * depend on later changes to the job or the organisation. `tenantId` is set only with consent.
 */
export const responses = pgTable(
  'responses',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** null after the retention period (the link to the tenant's job is cut, the figures stay) */
    invitationId: integer().references(() => invitations.id),
    jobId: integer(),
    questionnaireVersionId: integer()
      .notNull()
      .references(() => questionnaireVersions.id),
    journey: text({ enum: journeys }).notNull(),
    departmentId: integer(),
    teamId: integer(),
    technicianId: integer(),
    contractorId: integer(),
    trade: text(),
    unitId: integer(),
    complexId: integer(),
    /** the job's completion, for figures per period of work */
    completedAt: timestamp({ withTimezone: true }),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    locale: text({ enum: ['nl', 'en'] })
      .notNull()
      .default('nl'),
    /** the answer to the closing consent question */
    consent: boolean().notNull().default(false),
    /** only with consent, and only until the retention job unlinks it */
    tenantId: integer(),
    unlinkedAt: timestamp({ withTimezone: true }),
    /** denormalised for fast lists and figures; the answers table holds every answer */
    grade: integer(),
    nps: integer(),
    /** added to the dashboards' rollups (src/domain/metrics/roll-up-responses.ts) */
    rolledUp: boolean().notNull().default(false),
  },
  (t) => [
    uniqueIndex('responses_one_per_invitation').on(t.invitationId),
    index('responses_not_rolled_up_index').on(t.submittedAt).where(sql`NOT rolled_up`),
    index().on(t.submittedAt),
    index().on(t.teamId, t.submittedAt),
    index().on(t.technicianId, t.submittedAt),
    index().on(t.contractorId, t.submittedAt),
    index().on(t.departmentId, t.submittedAt),
    index().on(t.jobId),
  ],
);

/** One row per answered question, typed so every figure is plain SQL. */
export const responseAnswers = pgTable(
  'response_answers',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    responseId: integer()
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    questionKey: text().notNull(),
    questionType: text().notNull(),
    numericValue: integer(),
    textValue: text(),
    choiceValues: text().array(),
    phase: text(),
    technicianInfluenceable: boolean(),
  },
  (t) => [index().on(t.responseId), index().on(t.questionKey)],
);

/**
 * Domain events written in the same transaction as the change they describe; processors (alerts,
 * dashboards' caches, overviews) pick them up after commit (src/events/). `processedAt` is when the
 * event was handed out: a job per interested processor queued in the same transaction; what each
 * processor did with it is in domain_event_processing.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    type: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text().notNull(),
    payload: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('domain_events_unprocessed_index').on(t.id).where(sql`processed_at IS NULL`)],
);
