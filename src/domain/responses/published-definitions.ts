import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';

/**
 * Published questionnaire versions never change (a draft is edited, a published version only
 * retires), so a submission need not fetch and parse the definition again each time: this keeps
 * them in memory, per database. The key is the version's id and its publication moment, so a
 * database whose questionnaires were emptied and seeded again (ids restarted) is never answered
 * from the old entries; a draft (not yet published) is always read afresh.
 */
const cache = new WeakMap<Db, Map<number, { publishedAt: number; definition: TQuestionnaireDefinition }>>();

/** `publishedAt` as the lookup read it (a Date or the driver's text), as milliseconds; null for a draft. */
export function publicationMoment(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const ms = value instanceof Date ? value.getTime() : new Date(String(value)).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The definition of a questionnaire version, from memory when this process read that published
 * version before, else from the database. `publishedAt` is what the caller's lookup found.
 */
export async function questionnaireDefinition(
  db: Db,
  versionId: number,
  publishedAt: number | null,
): Promise<TQuestionnaireDefinition | null> {
  const known = publishedAt === null ? undefined : cache.get(db)?.get(versionId);
  if (known && known.publishedAt === publishedAt) return known.definition;
  const result = (await db.execute(
    sql`SELECT definition, status, published_at AS "publishedAt" FROM questionnaire_versions WHERE id = ${versionId}`,
  )) as unknown as { rows: Array<{ definition: unknown; status: string; publishedAt: unknown }> };
  const row = result.rows[0];
  if (!row) return null;
  const definition = (
    typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition
  ) as TQuestionnaireDefinition;
  const moment = publicationMoment(row.publishedAt);
  if (row.status !== 'draft' && moment !== null) {
    const versions = cache.get(db) ?? new Map();
    cache.set(db, versions);
    versions.set(versionId, { publishedAt: moment, definition });
  }
  return definition;
}
