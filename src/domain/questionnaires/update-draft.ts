import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { questionnaires, questionnaireVersions } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { conflict, invalidFields, notFound } from '../errors';
import { checkKeyStability } from './check-key-stability';
import { type QuestionnaireVersion, selectVersions, withDefinition } from './get-questionnaire-version';
import { ZQuestionnaireDefinition } from './questionnaire-definition';

/**
 * Replaces the definition of the draft. Only a draft is ever edited: published and retired
 * versions are what responses point at, so they never change.
 */
export async function updateDraft({
  db,
  actor,
  questionnaireId,
  definition,
}: {
  db: Db;
  actor: Actor;
  questionnaireId: number;
  definition: unknown;
}): Promise<QuestionnaireVersion> {
  authorize(actor, 'questionnaire.manage');
  const parsed = ZQuestionnaireDefinition.safeParse(definition);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      field: ['definition', ...i.path.map(String)].join('.'),
      message: i.message,
    }));
    throw invalidFields(issues);
  }
  const [questionnaire] = await db
    .select()
    .from(questionnaires)
    .where(eq(questionnaires.id, questionnaireId));
  if (!questionnaire) throw notFound('No such questionnaire');
  const keyProblems = await checkKeyStability(db, questionnaireId, parsed.data);
  if (keyProblems.length) throw invalidFields(keyProblems);
  const updated = await db
    .update(questionnaireVersions)
    .set({ definition: parsed.data })
    .where(
      and(
        eq(questionnaireVersions.questionnaireId, questionnaireId),
        eq(questionnaireVersions.status, 'draft'),
      ),
    )
    .returning({ id: questionnaireVersions.id });
  if (!updated.length) throw noDraft();
  return (await getDraftOrNull(db, questionnaireId))!;
}

export const noDraft = () => conflict('This questionnaire has no draft; create one first (POST …/draft).');

export async function getDraftOrNull(db: Db, questionnaireId: number) {
  const [row] = await selectVersions(db).where(
    and(
      eq(questionnaireVersions.questionnaireId, questionnaireId),
      eq(questionnaireVersions.status, 'draft'),
    ),
  );
  return row ? withDefinition(row) : null;
}
