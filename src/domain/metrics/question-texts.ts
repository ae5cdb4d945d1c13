import { desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { questionnaires, questionnaireVersions } from '../../db/schema';
import type { TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';

export type LocalisedText = { nl: string; en: string };

/**
 * The wording of each question key, from the newest version that asked it (published or retired,
 * any journey, or only `journey`'s): a statement keeps its text on the dashboard after a new
 * questionnaire version.
 */
export async function questionTexts(db: Db, journey?: string): Promise<Map<string, LocalisedText>> {
  const versions = await db
    .select({ definition: questionnaireVersions.definition })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(
      journey
        ? eq(questionnaires.journey, journey as never)
        : inArray(questionnaireVersions.status, ['published', 'retired']),
    )
    .orderBy(desc(questionnaireVersions.id));
  const texts = new Map<string, LocalisedText>();
  for (const v of versions)
    for (const q of (v.definition as TQuestionnaireDefinition).questions)
      if (!texts.has(q.key)) texts.set(q.key, q.text);
  return texts;
}
