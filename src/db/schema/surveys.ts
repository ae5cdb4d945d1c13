import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { type QuestionnaireStatus, questionnaireStatuses } from '../../contracts/surveys';
import { users } from './auth';
import { journeys } from './jobs';

/** One questionnaire per journey; what it asks lives in its versions. */
export const questionnaires = pgTable('questionnaires', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  journey: text({ enum: journeys }).notNull().unique(),
  name: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export { type QuestionnaireStatus, questionnaireStatuses };

/**
 * A numbered version of a questionnaire. Responses point at the version answered, so a published
 * version never changes (the use cases refuse it); editing happens in the one draft.
 */
export const questionnaireVersions = pgTable(
  'questionnaire_versions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    questionnaireId: integer()
      .notNull()
      .references(() => questionnaires.id),
    version: integer().notNull(),
    status: text({ enum: questionnaireStatuses }).notNull(),
    /** validated by ZQuestionnaireDefinition before every write */
    definition: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
    publishedByUserId: text().references(() => users.id),
  },
  (t) => [
    unique().on(t.questionnaireId, t.version),
    // at most one draft and one published version per questionnaire
    uniqueIndex('questionnaire_versions_one_draft').on(t.questionnaireId).where(sql`status = 'draft'`),
    uniqueIndex('questionnaire_versions_one_published')
      .on(t.questionnaireId)
      .where(sql`status = 'published'`),
  ],
);
