import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { questionnaires, questionnaireVersions } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { conflict, notFound } from '../errors';
import { getDraftOrNull } from './update-draft';

/**
 * Starts the next version as a draft, a copy of the published definition (or of the latest one
 * when nothing is published). One draft at a time: a second one answers 409, also when two
 * people click at once (the partial unique index decides).
 */
export async function createDraft({
  db,
  actor,
  questionnaireId,
}: {
  db: Db;
  actor: Actor;
  questionnaireId: number;
}) {
  authorize(actor, 'questionnaire.manage');
  const [questionnaire] = await db
    .select()
    .from(questionnaires)
    .where(eq(questionnaires.id, questionnaireId));
  if (!questionnaire) throw notFound('No such questionnaire');
  const existing = await getDraftOrNull(db, questionnaireId);
  if (existing) throw draftExists(existing.version);

  const versions = await db
    .select()
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.questionnaireId, questionnaireId))
    .orderBy(desc(questionnaireVersions.version));
  const source = versions.find((v) => v.status === 'published') ?? versions[0];
  if (!source) throw notFound('This questionnaire has no version to copy');
  const nextVersion = (versions[0]?.version ?? 0) + 1;
  try {
    await db.insert(questionnaireVersions).values({
      questionnaireId,
      version: nextVersion,
      status: 'draft',
      definition: source.definition,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw draftExists(nextVersion);
    throw err;
  }
  return (await getDraftOrNull(db, questionnaireId))!;
}

const draftExists = (version: number) =>
  conflict(`This questionnaire already has a draft (version ${version}); edit or publish it.`);

/** drizzle wraps driver errors; PostgreSQL's unique_violation is 23505 on both drivers. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}
