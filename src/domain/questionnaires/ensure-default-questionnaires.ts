import type { Db } from '../../db/client';
import { journeys, questionnaires, questionnaireVersions } from '../../db/schema';
import { defaultQuestionnaires } from './default-definitions';
import { ZQuestionnaireDefinition } from './questionnaire-definition';

/**
 * Gives every journey a questionnaire with a published version 1 when it has none yet. Runs at
 * every start; idempotent. Two processes starting together on PostgreSQL are safe: the second
 * insert of a journey waits for the first transaction and then does nothing (ON CONFLICT).
 */
export async function ensureDefaultQuestionnaires({ db }: { db: Db }) {
  let created = 0;
  for (const journey of journeys) {
    const { name, definition } = defaultQuestionnaires[journey];
    await db.transaction(async (tx) => {
      const [questionnaire] = await tx
        .insert(questionnaires)
        .values({ journey, name })
        .onConflictDoNothing({ target: questionnaires.journey })
        .returning({ id: questionnaires.id });
      if (!questionnaire) return;
      await tx.insert(questionnaireVersions).values({
        questionnaireId: questionnaire.id,
        version: 1,
        status: 'published',
        definition: ZQuestionnaireDefinition.parse(definition),
        publishedAt: new Date(),
      });
      created++;
    });
  }
  return { created };
}
