import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { TQuestionnaireDefinition } from './questionnaire-definition';

/** A questionnaire version as the survey page shows it and a submission checks answers against it. */
export interface KnownVersion {
  versionId: number;
  /** when it was published, in whole milliseconds as SQL computes them (publishedMsOf); null: a draft */
  publishedMs: string | null;
  /** published (or retired since): its definition never changes, so the page may keep its form */
  published: boolean;
  definition: TQuestionnaireDefinition;
}

/**
 * The publication moment as every query compares it: whole milliseconds since the epoch, computed
 * by the database on both sides, so the comparison is exact.
 */
export const publishedMsOf = (column: string) => `round(extract(epoch FROM ${column}) * 1000)::bigint::text`;

/**
 * Published questionnaire versions, kept in memory for the survey page and the submission, so
 * neither reads and parses a definition per request (on PGlite every further table in the page's
 * query cost about as much as the lookup itself). One per process and database, owned by the
 * AppContext (src/domain/responses/survey-machinery.ts). Only a draft is ever edited
 * (update-draft.ts) and a published version is never deleted, so a published one is kept, frozen:
 * every request shares it, and the page keeps the form it rendered from it (keyed by this object:
 * src/http/survey/form-cache.ts). A draft is never kept.
 *
 * The one thing that can change a kept version is a database emptied and seeded again under a
 * running process (ids restarted). The two readers guard against that differently, each as cheaply
 * as it can:
 * - a save or submission looks up the version's publication moment with the invitation
 *   (src/domain/responses/invitation-lookups.ts), and a kept version with another moment is read
 *   again (`questionnaireVersion`); the submission's statement checks the moment too: exact, so it
 *   needs no expiry;
 * - the page's lookup reads only the invitation and its job (no version row, no publication
 *   moment), so `surveyDefinition` reads a kept version again once it is REREAD_AFTER_MS old: an
 *   old questionnaire shows for at most that long. Read again unchanged (the same publication
 *   moment and definition), the kept object stays, with its rendered forms.
 */
export const REREAD_AFTER_MS = 60_000;
/** kept versions at most (the oldest read goes first) */
const MAX_VERSIONS = 100;

interface Kept {
  version: KnownVersion;
  /** the definition as the database gave it, to see that a re-read found the same version */
  text: string;
  readAt: number;
}

export class PublishedDefinitions {
  private readonly kept = new Map<number, Kept>();

  constructor(private readonly db: Db) {}

  /** The versions kept now: what a page or a submission finds in memory. */
  knownVersions(): KnownVersion[] {
    return [...this.kept.values()].map((kept) => kept.version);
  }

  /**
   * For a save or submission: a version's definition from memory when it is still the version
   * published at `publishedMs` (what the invitation's lookup found), else read now.
   */
  async questionnaireVersion(versionId: number, publishedMs: string | null): Promise<KnownVersion | null> {
    const kept = this.kept.get(versionId);
    if (kept && publishedMs !== null && kept.version.publishedMs === publishedMs) return kept.version;
    return this.read(versionId);
  }

  /** For the survey page: a version's definition from memory, read again once REREAD_AFTER_MS old. */
  async surveyDefinition(versionId: number): Promise<KnownVersion | null> {
    const kept = this.kept.get(versionId);
    if (kept && Date.now() - kept.readAt < REREAD_AFTER_MS) return kept.version;
    return this.read(versionId);
  }

  private async read(versionId: number): Promise<KnownVersion | null> {
    const result = (await this.db.execute(
      sql`SELECT definition, status, ${sql.raw(publishedMsOf('published_at'))} AS "publishedMs"
          FROM questionnaire_versions WHERE id = ${versionId}`,
    )) as unknown as { rows: Array<{ definition: unknown; status: string; publishedMs: string | null }> };
    const row = result.rows[0];
    const before = this.kept.get(versionId);
    this.kept.delete(versionId);
    if (!row) return null;
    const definition = (
      typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition
    ) as TQuestionnaireDefinition;
    const published = row.status !== 'draft';
    if (!published || row.publishedMs === null) {
      return { versionId, publishedMs: row.publishedMs, published, definition };
    }
    // the same version read again keeps its object (and so the forms rendered from it)
    const text = JSON.stringify(definition);
    const same = before && before.version.publishedMs === row.publishedMs && before.text === text;
    const version: KnownVersion = same
      ? before.version
      : { versionId, publishedMs: row.publishedMs, published, definition: deepFreeze(definition) };
    if (this.kept.size >= MAX_VERSIONS) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(versionId, { version, text, readAt: Date.now() });
    return version;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
