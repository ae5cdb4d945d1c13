import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type Journey, questionnaires, questionnaireVersions } from '../../db/schema';
import type { TQuestionnaireDefinition } from './questionnaire-definition';

export interface PublishedVersion {
  versionId: number;
  questionnaireId: number;
  version: number;
  definition: TQuestionnaireDefinition;
}

/**
 * The version a new invitation for this journey asks, or null when none is published. No actor:
 * the invitation scheduler (the product itself) is the only caller and tenants never choose.
 */
export async function getPublishedVersion({
  db,
  journey,
}: {
  db: Db;
  journey: Journey;
}): Promise<PublishedVersion | null> {
  const [row] = await db
    .select({
      versionId: questionnaireVersions.id,
      questionnaireId: questionnaires.id,
      version: questionnaireVersions.version,
      definition: questionnaireVersions.definition,
    })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(and(eq(questionnaires.journey, journey), eq(questionnaireVersions.status, 'published')));
  return row ? { ...row, definition: row.definition as TQuestionnaireDefinition } : null;
}
