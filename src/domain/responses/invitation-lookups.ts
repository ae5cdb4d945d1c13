import type { Db } from '../../db/client';
import { runPrepared } from '../../db/prepared-statement';
import { GroupBatcher } from '../../lib/group-batcher';
import { publishedMsOf } from '../questionnaires/published-definitions';
import type { SurveyLocale } from './open-survey';

/** An invitation as a save or a submission meets it: its state, the version it asks, its job. */
export interface LookedUpInvitation {
  id: number;
  status: string;
  expiresAt: Date | null;
  locale: SurveyLocale | null;
  versionId: number | null;
  /** the version's publication moment (publishedMsOf), to take its definition from memory exactly */
  publishedMs: string | null;
  /** what the form says about the job when it is shown again (absent: no job row) */
  job: { journey: string; description: string | null; completedAt: Date | null } | null;
}

/**
 * The one token lookup of a save or a submission: invitation, version and job by the token's hash.
 * Lookups arriving together share one prepared statement (../../lib/group-batcher.ts): on PGlite a
 * query's fixed cost is about as much as the rest of a submission, so a lookup of its own per
 * submission would have cost more than the shared statement that stores them. One per process and
 * database, owned by the AppContext (survey-machinery.ts).
 */
export class InvitationLookups {
  private readonly batcher: GroupBatcher<string, LookedUpInvitation | undefined>;

  constructor(db: Db) {
    this.batcher = new GroupBatcher((hashes) => lookUp(db, hashes), { maxBatch: 100, maxRunning: 2 });
  }

  find(tokenHash: string): Promise<LookedUpInvitation | undefined> {
    return this.batcher.run(tokenHash);
  }

  drain() {
    return this.batcher.drain();
  }
}

interface Row extends Omit<LookedUpInvitation, 'job'> {
  tokenHash: string;
  journey: string | null;
  description: string | null;
  completedAt: Date | string | null;
}

async function lookUp(db: Db, hashes: string[]) {
  // token hashes are hex (survey-token.ts): safe as elements of an array literal
  if (hashes.some((hash) => !/^[0-9a-f]+$/.test(hash))) throw new Error('not a token hash');
  const rows = await runPrepared<Row>(db, LOOKUP, [`{${hashes.join(',')}}`]);
  const byHash = new Map(rows.map((row) => [row.tokenHash, row]));
  return hashes.map((hash) => {
    const row = byHash.get(hash);
    if (!row) return undefined;
    const { tokenHash: _, journey, description, completedAt, expiresAt, ...invitation } = row;
    return {
      ...invitation,
      expiresAt: asDate(expiresAt),
      job: journey ? { journey, description, completedAt: asDate(completedAt) } : null,
    };
  });
}

/** raw statements give timestamps as the driver parses them: a Date (pg) or text */
const asDate = (value: Date | string | null) => (value === null ? null : new Date(value));

const LOOKUP = {
  name: 'survey_answer_lookup',
  types: ['text[]'],
  text: `SELECT i.token_hash AS "tokenHash", i.id, i.status, i.expires_at AS "expiresAt", i.locale,
      i.questionnaire_version_id AS "versionId", ${publishedMsOf('v.published_at')} AS "publishedMs",
      j.journey, j.description, j.completed_at AS "completedAt"
    FROM invitations i
    LEFT JOIN questionnaire_versions v ON v.id = i.questionnaire_version_id
    LEFT JOIN jobs j ON j.id = i.job_id
    WHERE i.token_hash = ANY($1::text[])`,
};
