import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionnaires, questionnaireVersions } from '../../db/schema';
import { startHarness, type TestHarness } from '../../test/harness';
import { ensureDefaultQuestionnaires } from './ensure-default-questionnaires';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('ensureDefaultQuestionnaires', () => {
  it('creates each journey once, even when processes start together', async () => {
    await h.ctx.db.delete(questionnaireVersions);
    await h.ctx.db.delete(questionnaires);
    const results = await Promise.all([1, 2, 3].map(() => ensureDefaultQuestionnaires({ db: h.ctx.db })));
    expect(results.reduce((n, r) => n + r.created, 0)).toBe(3);
    const versions = await h.ctx.db
      .select({
        questionnaireId: questionnaireVersions.questionnaireId,
        version: questionnaireVersions.version,
        status: questionnaireVersions.status,
      })
      .from(questionnaireVersions);
    expect(versions).toHaveLength(3);
    expect(versions.every((v) => v.version === 1 && v.status === 'published')).toBe(true);
    expect(await ensureDefaultQuestionnaires({ db: h.ctx.db })).toEqual({ created: 0 });
  });

  it('keeps at most one draft and one published version per questionnaire in the database itself', async () => {
    const [v] = await h.ctx.db.select().from(questionnaireVersions).limit(1);
    const copy = { questionnaireId: v!.questionnaireId, definition: v!.definition };
    await expect(
      h.ctx.db.insert(questionnaireVersions).values({ ...copy, version: 2, status: 'published' }),
    ).rejects.toThrow();
    await h.ctx.db.insert(questionnaireVersions).values({ ...copy, version: 2, status: 'draft' });
    await expect(
      h.ctx.db.insert(questionnaireVersions).values({ ...copy, version: 3, status: 'draft' }),
    ).rejects.toThrow();
    await expect(
      h.ctx.db.insert(questionnaireVersions).values({ ...copy, version: 2, status: 'retired' }),
    ).rejects.toThrow();
  });
});
