import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';

/** A questionnaire version as a submission checks answers against it. */
export interface KnownVersion {
  versionId: number;
  /** when it was published, in whole milliseconds as SQL computes them (publishedMs); null: a draft */
  publishedMs: string | null;
  definition: TQuestionnaireDefinition;
}

/**
 * The publication moment as every query here compares it: whole milliseconds since the epoch,
 * computed by the database on both sides, so the comparison is exact.
 */
export const publishedMsOf = (column: string) => `round(extract(epoch FROM ${column}) * 1000)::bigint::text`;

/**
 * Published questionnaire versions never change (only the draft is edited; a published version
 * can only retire), so submissions need not read and parse the definition again each time: this
 * keeps them in memory, per database, frozen. An entry is known by the version's id and the
 * moment it was published, and every statement that relies on an entry checks both, so a
 * database whose questionnaires were emptied and seeded again (ids restarted) is never answered
 * from old entries. A draft is never kept.
 */
const cache = new WeakMap<Db, Map<number, KnownVersion>>();
const MAX_VERSIONS = 100;

/** The versions this process has read, for a submission that tries them before any lookup. */
export function knownVersions(db: Db): KnownVersion[] {
  return [...(cache.get(db)?.values() ?? [])];
}

/**
 * A questionnaire version's definition: from memory when this process read it before and it is
 * still the version published at `publishedMs` (what the caller's lookup found), else read now.
 */
export async function questionnaireVersion(
  db: Db,
  versionId: number,
  publishedMs: string | null,
): Promise<KnownVersion | null> {
  const known = cache.get(db)?.get(versionId);
  if (known && publishedMs !== null && known.publishedMs === publishedMs) return known;
  const result = (await db.execute(
    sql`SELECT definition, status, ${sql.raw(publishedMsOf('published_at'))} AS "publishedMs"
        FROM questionnaire_versions WHERE id = ${versionId}`,
  )) as unknown as { rows: Array<{ definition: unknown; status: string; publishedMs: string | null }> };
  const row = result.rows[0];
  if (!row) return null;
  const definition = (
    typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition
  ) as TQuestionnaireDefinition;
  const version: KnownVersion = { versionId, publishedMs: row.publishedMs, definition };
  if (row.status !== 'draft' && row.publishedMs !== null) {
    deepFreeze(definition); // shared by every submission from now on
    const versions = cache.get(db) ?? new Map<number, KnownVersion>();
    cache.set(db, versions);
    versions.delete(versionId);
    if (versions.size >= MAX_VERSIONS) versions.delete(versions.keys().next().value!);
    versions.set(versionId, version);
  }
  return version;
}

function deepFreeze(value: unknown) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
}
