import { bigint, customType, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Bearer keys for integrations (the ERP). Only a hash is kept; the key is shown once. */
export const apiKeys = pgTable('api_keys', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull(),
  /** first characters of the key, to recognise it in lists */
  prefix: text().notNull(),
  keyHash: text().notNull().unique(),
  scopes: text().array().notNull(),
  createdByUserId: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: text(),
    actorApiKeyId: integer(),
    action: text().notNull(),
    subjectType: text(),
    subjectId: text(),
    details: jsonb(),
    ip: text(),
  },
  (t) => [index().on(t.at), index().on(t.action)],
);

export const outboxStatuses = ['not_sent', 'queued', 'sent', 'failed'] as const;

/** Every message the product sends. Without a provider it stays here, visibly not sent. */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    channel: text({ enum: ['email', 'sms'] }).notNull(),
    kind: text().notNull(),
    recipient: text().notNull(),
    subject: text(),
    bodyText: text().notNull(),
    bodyHtml: text(),
    status: text({ enum: outboxStatuses }).notNull(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    /** one-click unsubscribe target; e-mail gets List-Unsubscribe headers when set */
    unsubscribeUrl: text(),
    /** the survey invitation this message belongs to (invitation or reminder) */
    invitationId: integer(),
    /** when it was handed to the job queue; null = the sweep job still has to enqueue it */
    enqueuedAt: timestamp({ withTimezone: true }),
    /** when the worker holding it now claimed it (with the rest of its batch); null when nobody holds it */
    sendingSince: timestamp({ withTimezone: true }),
    /** the holding worker's claim; only its holder may start an attempt or record its outcome */
    claimToken: text(),
    /**
     * the claim holds until then; its holder renews it while it works, so a lapsed claim means the
     * worker died (or stalled) and another may take the message over
     */
    claimedUntil: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.createdAt), index().on(t.status), index().on(t.invitationId)],
);

/** queued (stored, waiting for a worker) → validating → importing → done | failed */
export const importRunStatuses = ['queued', 'validating', 'importing', 'done', 'failed'] as const;

export const importRuns = pgTable('import_runs', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  kind: text().notNull(),
  fileName: text().notNull(),
  fileSha256: text().notNull(),
  status: text({ enum: importRunStatuses }).notNull(),
  totalRows: integer().notNull().default(0),
  processedRows: integer().notNull().default(0),
  inserted: integer().notNull().default(0),
  updated: integer().notNull().default(0),
  unchanged: integer().notNull().default(0),
  problems: jsonb(),
  createdByUserId: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp({ withTimezone: true }),
  /** the worker process running it now; with heartbeatAt, how a dead worker's run is noticed */
  claimedBy: text(),
  heartbeatAt: timestamp({ withTimezone: true }),
  /** workers that took it up (a run whose worker died is run once more, then failed) */
  attempts: integer().notNull().default(0),
});

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** An uploaded file waiting for (or being run by) a worker; deleted when its run ends. */
export const importUploads = pgTable('import_uploads', {
  runId: integer()
    .primaryKey()
    .references(() => importRuns.id, { onDelete: 'cascade' }),
  bytes: bytea().notNull(),
  /** the column mapping the uploader chose, { field: column } */
  mapping: jsonb(),
});
