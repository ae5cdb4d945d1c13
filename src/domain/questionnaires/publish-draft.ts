import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { questionnaires, questionnaireVersions } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { actorUserId } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../errors';
import { type QuestionnaireVersion, selectVersions, withDefinition } from './get-questionnaire-version';
import { ZQuestionnaireDefinition } from './questionnaire-definition';
import { noDraft } from './update-draft';

/**
 * Makes the draft the version new invitations ask; the previous published version retires (its
 * responses keep pointing at it). One transaction, so there is never a moment without one.
 */
export async function publishDraft({
  db,
  actor,
  questionnaireId,
}: {
  db: Db;
  actor: Actor;
  questionnaireId: number;
}): Promise<QuestionnaireVersion> {
  authorize(actor, 'questionnaire.manage');
  const [questionnaire] = await db
    .select()
    .from(questionnaires)
    .where(eq(questionnaires.id, questionnaireId));
  if (!questionnaire) throw notFound('No such questionnaire');
  const v = questionnaireVersions;
  const published = await db.transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(v)
      .where(and(eq(v.questionnaireId, questionnaireId), eq(v.status, 'draft')))
      .for('update');
    if (!draft) throw noDraft();
    // drafts were validated when saved; checked again because this is the last gate before tenants
    ZQuestionnaireDefinition.parse(draft.definition);
    const [previous] = await tx
      .update(v)
      .set({ status: 'retired' })
      .where(and(eq(v.questionnaireId, questionnaireId), eq(v.status, 'published')))
      .returning({ version: v.version });
    await tx
      .update(v)
      .set({ status: 'published', publishedAt: new Date(), publishedByUserId: actorUserId(actor) })
      .where(eq(v.id, draft.id));
    return { id: draft.id, version: draft.version, previousVersion: previous?.version ?? null };
  });
  await recordAudit({
    db,
    actor,
    action: 'questionnaire.published',
    subjectType: 'questionnaire',
    subjectId: questionnaireId,
    details: {
      journey: questionnaire.journey,
      version: published.version,
      retired: published.previousVersion,
    },
  });
  const [row] = await selectVersions(db).where(eq(v.id, published.id));
  return withDefinition(row!);
}
