import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { type EmployeeRole, employeeRoles } from '../../contracts/people';

/** The one corporation running this install; a single row (id = 1). */
export const organisation = pgTable('organisation', {
  id: integer().primaryKey().default(1),
  name: text().notNull(),
  logoUrl: text(),
  primaryColor: text().notNull().default('#1c5d99'),
  accentColor: text().notNull().default('#f28c28'),
  senderName: text().notNull(),
  senderEmail: text().notNull(),
  timeZone: text().notNull().default('Europe/Amsterdam'),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const departments = pgTable('departments', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  code: text().notNull().unique(),
  name: text().notNull(),
  /** which journey this department mainly serves */
  kind: text({ enum: ['repair', 'planned'] }).notNull(),
});

export const regions = pgTable('regions', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  code: text().notNull().unique(),
  name: text().notNull(),
});

export const teams = pgTable(
  'teams',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    code: text().notNull().unique(),
    name: text().notNull(),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    regionId: integer().references(() => regions.id),
    leaderEmployeeId: integer(),
    active: boolean().notNull().default(true),
  },
  (t) => [index().on(t.departmentId), index().on(t.leaderEmployeeId)],
);

export { type EmployeeRole, employeeRoles };

export const employees = pgTable(
  'employees',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    externalId: text().notNull().unique(),
    name: text().notNull(),
    email: text(),
    phone: text(),
    role: text({ enum: employeeRoles }).notNull(),
    departmentId: integer().references(() => departments.id),
    trade: text(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.departmentId), index().on(t.name)],
);

/** Team membership over time: a job keeps the team it had; membership says who belonged where when. */
export const teamMemberships = pgTable(
  'team_memberships',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    teamId: integer()
      .notNull()
      .references(() => teams.id),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
  },
  (t) => [
    index().on(t.employeeId),
    index().on(t.teamId),
    uniqueIndex().on(t.employeeId, t.teamId, t.validFrom),
  ],
);
