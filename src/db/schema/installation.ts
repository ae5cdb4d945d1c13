import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * demo: seeded with the demo corporation, whose accounts share a published password;
 * real: set up for a corporation (`npm run cli -- setup`), never seeded with demo data.
 */
export const installKinds = ['demo', 'real'] as const;
export type InstallKind = (typeof installKinds)[number];

/**
 * What this install is: one row (id 1), written by the demo seeding or by the setup command, absent
 * on a database that is neither yet. Demo sign-ins and the demo mark in the staff app depend on it.
 */
export const installation = pgTable('installation', {
  id: integer().primaryKey().default(1),
  kind: text({ enum: installKinds }).notNull(),
  since: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
