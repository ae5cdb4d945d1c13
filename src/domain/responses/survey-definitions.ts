import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { questionnaireVersions } from '../../db/schema';
import type { TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';

/**
 * Questionnaire definitions by version, kept in memory for the survey page, so a page view reads
 * no version row (on PGlite every further table in a query costs about as much as the lookup
 * itself). Only a draft is ever edited (update-draft.ts) and a published version is never
 * deleted, so a published one is kept, frozen (every view shares it, and the page keeps the form it
 * rendered from it: src/http/survey/form-cache.ts); a draft is read each time. Each kept version is
 * read again after REREAD_AFTER_MS all the same, so not even a database emptied and seeded again
 * under a running process (ids restarted) could show an old questionnaire for longer than that.
 */
export const REREAD_AFTER_MS = 60_000;
const MAX_VERSIONS = 200;

export interface SurveyDefinition {
  definition: TQuestionnaireDefinition;
  /** a published version's: it does not change */
  published: boolean;
}

const cacheByDb = new WeakMap<Db, Map<number, { read: SurveyDefinition; readAt: number }>>();

export async function surveyDefinition(db: Db, versionId: number): Promise<SurveyDefinition | null> {
  let cache = cacheByDb.get(db);
  if (!cache) {
    cache = new Map();
    cacheByDb.set(db, cache);
  }
  const cached = cache.get(versionId);
  if (cached && Date.now() - cached.readAt < REREAD_AFTER_MS) return cached.read;
  const [row] = await db
    .select({ definition: questionnaireVersions.definition, status: questionnaireVersions.status })
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.id, versionId));
  cache.delete(versionId);
  if (!row) return null;
  const read = { definition: row.definition as TQuestionnaireDefinition, published: row.status !== 'draft' };
  if (read.published) {
    deepFreeze(read.definition);
    if (cache.size >= MAX_VERSIONS) cache.delete(cache.keys().next().value!);
    cache.set(versionId, { read, readAt: Date.now() });
  }
  return read;
}

function deepFreeze(value: unknown) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
}
