import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { questionnaireVersions } from '../../db/schema';
import type { TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';

/**
 * Questionnaire definitions by version, kept in memory for the survey page. Only a draft is ever
 * edited (update-draft.ts); a published version never changes, so it is kept without expiry and
 * every process may keep its own copy. The key is the version's id and its publication moment, so
 * a database emptied and seeded again (ids restarted) is never answered from old entries; a draft
 * (no publication moment) is read fresh each time. Entries are frozen: they are shared by every
 * view, and the page keeps the form it rendered from one (src/http/survey/form-cache.ts).
 *
 * Submissions keep their own (published-definitions.ts, which compares publication moments in
 * SQL); the page compares the moments its own lookup read through the same driver.
 */
const MAX_VERSIONS = 200;
const cacheByDb = new WeakMap<
  Db,
  Map<number, { publishedAt: number; definition: TQuestionnaireDefinition }>
>();

export async function surveyDefinition(
  db: Db,
  versionId: number,
  publishedAt: Date | null,
): Promise<TQuestionnaireDefinition | null> {
  let cache = cacheByDb.get(db);
  if (!cache) {
    cache = new Map();
    cacheByDb.set(db, cache);
  }
  const cached = publishedAt ? cache.get(versionId) : undefined;
  if (cached && cached.publishedAt === publishedAt?.getTime()) return cached.definition;
  const [row] = await db
    .select({
      definition: questionnaireVersions.definition,
      status: questionnaireVersions.status,
      publishedAt: questionnaireVersions.publishedAt,
    })
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.id, versionId));
  if (!row) return null;
  const definition = row.definition as TQuestionnaireDefinition;
  if (row.status !== 'draft' && row.publishedAt) {
    deepFreeze(definition); // shared by every request from now on: nobody may change it
    cache.delete(versionId);
    if (cache.size >= MAX_VERSIONS) cache.delete(cache.keys().next().value!);
    cache.set(versionId, { publishedAt: row.publishedAt.getTime(), definition });
  }
  return definition;
}

function deepFreeze(value: unknown) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
}
