import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { questionnaires, questionnaireVersions } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';

/** Every questionnaire with the numbers of its published and draft versions (one query). */
export async function listQuestionnaires({ db, actor }: { db: Db; actor: Actor }) {
  authorize(actor, 'questionnaire.read');
  const v = questionnaireVersions;
  return db
    .select({
      id: questionnaires.id,
      journey: questionnaires.journey,
      name: questionnaires.name,
      createdAt: questionnaires.createdAt,
      publishedVersion: sql<number | null>`max(${v.version}) filter (where ${v.status} = 'published')`,
      publishedAt: sql<string | null>`max(${v.publishedAt}) filter (where ${v.status} = 'published')`,
      draftVersion: sql<number | null>`max(${v.version}) filter (where ${v.status} = 'draft')`,
      versionCount: sql<number>`count(${v.id})::int`,
    })
    .from(questionnaires)
    .leftJoin(v, eq(v.questionnaireId, questionnaires.id))
    .groupBy(questionnaires.id)
    .orderBy(asc(questionnaires.id));
}
export type QuestionnaireListRow = Awaited<ReturnType<typeof listQuestionnaires>>[number];
