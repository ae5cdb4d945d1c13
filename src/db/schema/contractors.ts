import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { contractorCategories } from '../../contracts/work';
import { teams } from './organisation';

export { contractorCategories };

export const contractors = pgTable('contractors', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  externalId: text().notNull().unique(),
  name: text().notNull(),
  category: text({ enum: contractorCategories }).notNull(),
  trade: text(),
  /** the regional team this contractor pilots the customer values with, if any */
  pilotTeamId: integer().references(() => teams.id),
  active: boolean().notNull().default(true),
});

export const contractorContacts = pgTable(
  'contractor_contacts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    contractorId: integer()
      .notNull()
      .references(() => contractors.id),
    name: text().notNull(),
    email: text().notNull(),
    phone: text(),
  },
  (t) => [index().on(t.contractorId)],
);
