import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionnaires } from '../../db/schema';
import { systemActor } from '../../policy/actor';
import { startHarness, type TestHarness } from '../../test/harness';
import { DomainError } from '../errors';
import { createDraft } from './create-draft';
import type { TQuestionnaireDefinition } from './questionnaire-definition';
import { getDraftOrNull, updateDraft } from './update-draft';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const actor = systemActor('test');

describe('updateDraft', () => {
  it('refuses a question key the survey page uses for its own fields with a 400 naming the field, and stores nothing', async () => {
    const [repair] = await h.ctx.db.select().from(questionnaires).where(eq(questionnaires.journey, 'repair'));
    const draft = await createDraft({ db: h.ctx.db, actor, questionnaireId: repair!.id });
    const before = draft.definition as TQuestionnaireDefinition;
    for (const key of ['action', '_shown']) {
      const definition = structuredClone(before);
      const at = definition.questions.findIndex((q) => q.type === 'comment');
      definition.questions[at]!.key = key;
      const err = await updateDraft({ db: h.ctx.db, actor, questionnaireId: repair!.id, definition }).catch(
        (e) => e,
      );
      expect(err).toBeInstanceOf(DomainError);
      expect(err.code).toBe('invalid_request');
      const message = `"${key}" is reserved for the survey page's own form fields (action, _shown); choose another key`;
      expect(err.details).toEqual({ issues: [{ field: `definition.questions.${at}.key`, message }] });
      expect(err.message).toBe(`definition.questions.${at}.key: ${message}`);
    }
    expect((await getDraftOrNull(h.ctx.db, repair!.id))!.definition).toEqual(before);
  });
});
