import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { questionnaires, questionnaireVersions, users } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import type { TQuestionnaireDefinition } from './questionnaire-definition';

/** One version of a questionnaire with its definition; null when there is no such version. */
export async function getQuestionnaireVersion({
  db,
  actor,
  questionnaireId,
  version,
}: {
  db: Db;
  actor: Actor;
  questionnaireId: number;
  version: number;
}) {
  authorize(actor, 'questionnaire.read');
  const [row] = await selectVersions(db).where(
    and(
      eq(questionnaireVersions.questionnaireId, questionnaireId),
      eq(questionnaireVersions.version, version),
    ),
  );
  return row ? withDefinition(row) : null;
}

/** Versions joined with their questionnaire and publisher; shared by the draft use cases. */
export function selectVersions(db: Db) {
  const v = questionnaireVersions;
  return db
    .select({
      id: v.id,
      questionnaireId: v.questionnaireId,
      journey: questionnaires.journey,
      name: questionnaires.name,
      version: v.version,
      status: v.status,
      definition: v.definition,
      createdAt: v.createdAt,
      publishedAt: v.publishedAt,
      publishedBy: users.name,
    })
    .from(v)
    .innerJoin(questionnaires, eq(questionnaires.id, v.questionnaireId))
    .leftJoin(users, eq(users.id, v.publishedByUserId));
}

type VersionRow = Awaited<ReturnType<typeof selectVersions>>[number];
export type QuestionnaireVersion = Omit<VersionRow, 'definition'> & { definition: TQuestionnaireDefinition };
export const withDefinition = (row: VersionRow): QuestionnaireVersion => ({
  ...row,
  definition: row.definition as TQuestionnaireDefinition,
});
