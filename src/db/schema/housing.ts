import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { contactChannels } from '../../contracts/work';
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
  (t) => [
    index().on(t.complexId),
    index().on(t.postcode),
    // postcode search ("1234ab", "1234 A") compares the normalised form as a prefix
    index('units_postcode_search_index').on(sql`replace(upper(${t.postcode}), ' ', '') text_pattern_ops`),
    // the order unit lists are read in: by address, "2" before "10"
    index('units_address_order_index').on(
      t.city,
      t.street,
      sql`length(${t.houseNumber})`,
      t.houseNumber,
      t.id,
    ),
  ],
);

export { contactChannels };

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
    /** set by an erasure (AVG): the row stays for the ERP's key, and no upsert brings the person back */
    erasedAt: timestamp({ withTimezone: true }),
    /**
     * set when the tenant opted out themselves (survey link or the e-mail's one-click header): while
     * set, the ERP's upsert keeps them opted out, whatever it sends (docs/SURVEYS.md, Opting out)
     */
    selfOptedOutAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.unitId)],
);
