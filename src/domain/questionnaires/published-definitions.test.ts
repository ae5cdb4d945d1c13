import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { questionnaireVersions } from '../../db/schema';
import { startHarness, type TestHarness } from '../../test/harness';
import { getPublishedVersion } from './get-published-version';
import { publishedMsOf, REREAD_AFTER_MS } from './published-definitions';
import type { TQuestionnaireDefinition } from './questionnaire-definition';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => vi.restoreAllMocks());
const definitions = () => h.ctx.survey.definitions;

async function publishedMs(versionId: number) {
  const result = (await h.ctx.db.execute(
    sql`SELECT ${sql.raw(publishedMsOf('published_at'))} AS ms FROM questionnaire_versions WHERE id = ${versionId}`,
  )) as unknown as { rows: Array<{ ms: string }> };
  return result.rows[0]!.ms;
}

/** Runs `body` with the clock `ms` later than now. */
async function later<T>(ms: number, body: () => Promise<T>) {
  const now = Date.now();
  vi.spyOn(Date, 'now').mockReturnValue(now + ms);
  try {
    return await body();
  } finally {
    vi.restoreAllMocks();
  }
}

describe('published questionnaire definitions in memory', () => {
  it('are one frozen object for the page and the submission, known to later submissions', async () => {
    const { versionId } = (await getPublishedVersion({ db: h.ctx.db, journey: 'repair' }))!;
    const forPage = await definitions().surveyDefinition(versionId);
    expect(forPage).toMatchObject({ versionId, published: true });
    expect(Object.isFrozen(forPage!.definition.questions[0])).toBe(true);
    const forSubmission = await definitions().questionnaireVersion(versionId, await publishedMs(versionId));
    expect(forSubmission).toBe(forPage);
    expect(definitions().knownVersions()).toContain(forPage);
    // read again after a minute, unchanged: the same object (the page's kept forms stay)
    expect(await later(REREAD_AFTER_MS + 1, () => definitions().surveyDefinition(versionId))).toBe(forPage);
  });

  it('show a version seeded again under the same id: the page within a minute, a submission at once', async () => {
    const { versionId, definition } = (await getPublishedVersion({ db: h.ctx.db, journey: 'planned' }))!;
    const before = await definitions().surveyDefinition(versionId);
    const [row] = await h.ctx.db
      .select()
      .from(questionnaireVersions)
      .where(eq(questionnaireVersions.id, versionId));
    // as after emptying and seeding the database again: the same id, published anew, one question less
    const fewer: TQuestionnaireDefinition = { questions: definition.questions.slice(1) };
    await h.ctx.db
      .update(questionnaireVersions)
      .set({
        definition: fewer,
        publishedAt: sql`${questionnaireVersions.publishedAt} + interval '1 second'`,
      })
      .where(eq(questionnaireVersions.id, versionId));
    try {
      expect(await definitions().surveyDefinition(versionId)).toBe(before);
      const now = await definitions().questionnaireVersion(versionId, await publishedMs(versionId));
      expect(now!.definition).toEqual(fewer);
      expect(now!.publishedMs).not.toBe(before!.publishedMs);
      expect(definitions().knownVersions()).not.toContain(before);
      expect(await definitions().surveyDefinition(versionId)).toBe(now);

      // the page alone, without a submission's publication moment: read again after a minute
      await h.ctx.db
        .update(questionnaireVersions)
        .set({ definition: row!.definition, publishedAt: row!.publishedAt })
        .where(eq(questionnaireVersions.id, versionId));
      expect(await later(REREAD_AFTER_MS - 1_000, () => definitions().surveyDefinition(versionId))).toBe(now);
      const reread = await later(REREAD_AFTER_MS + 1, () => definitions().surveyDefinition(versionId));
      expect(reread).not.toBe(now);
      expect(reread!.definition).toEqual(definition);
    } finally {
      await h.ctx.db
        .update(questionnaireVersions)
        .set({ definition: row!.definition, publishedAt: row!.publishedAt })
        .where(eq(questionnaireVersions.id, versionId));
    }
  });

  it('never keep a draft', async () => {
    const published = (await getPublishedVersion({ db: h.ctx.db, journey: 'vacancy' }))!;
    const [draft] = await h.ctx.db
      .insert(questionnaireVersions)
      .values({
        questionnaireId: published.questionnaireId,
        version: published.version + 1,
        status: 'draft',
        definition: published.definition,
      })
      .returning({ id: questionnaireVersions.id });
    const first = await definitions().surveyDefinition(draft!.id);
    expect(first).toMatchObject({ versionId: draft!.id, published: false, publishedMs: null });
    expect(Object.isFrozen(first!.definition)).toBe(false);
    expect(await definitions().surveyDefinition(draft!.id)).not.toBe(first);
    expect(
      definitions()
        .knownVersions()
        .map((v) => v.versionId),
    ).not.toContain(draft!.id);
    expect(await definitions().questionnaireVersion(draft!.id, null)).not.toBe(first);
  });
});
