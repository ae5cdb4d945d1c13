import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { teams } from './organisation';

export const complexes = pgTable('complexes', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  externalId: text().notNull().unique(),
  name: text().notNull(),
  city: text().notNull(),
  /** the planned-maintenance team responsible for this complex */
  teamId: integer().references(() => teams.id),
});

export const units = pgTable(
  'units',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    externalId: text().notNull().unique(),
    complexId: integer().references(() => complexes.id),
    street: text().notNull(),
    houseNumber: text().notNull(),
    postcode: text().notNull(),
    city: text().notNull(),
    /** part of an owners' association (VvE) the corporation serves */
    ownersAssociation: boolean().notNull().default(false),
    ownersAssociationName: text(),
  },
  (t) => [index().on(t.complexId), index().on(t.postcode)],
);

export const contactChannels = ['email', 'sms', 'both', 'none'] as const;

export const tenants = pgTable(
  'tenants',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    externalId: text().notNull().unique(),
    unitId: integer().references(() => units.id),
    name: text().notNull(),
    email: text(),
    mobile: text(),
    preferredChannel: text({ enum: contactChannels }).notNull().default('email'),
    optedOut: boolean().notNull().default(false),
    optedOutAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.unitId)],
);
