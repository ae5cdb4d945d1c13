import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, questionnaireVersions, type UserRole } from '../../db/schema';
import { defaultQuestionnaires } from '../../domain/questionnaires/default-definitions';
import { ensureDefaultQuestionnaires } from '../../domain/questionnaires/ensure-default-questionnaires';
import { getPublishedVersion } from '../../domain/questionnaires/get-published-version';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';

let h: TestHarness;
let admin: string;
beforeAll(async () => {
  h = await startHarness();
  admin = (await signedInAs(h, 'admin')).cookie;
});
afterAll(async () => h?.close());
const origin = 'http://localhost:3000';

async function call(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return h.app.inject({ method, url: `/api/v1/questionnaires${url}`, headers: { cookie, origin }, payload });
}
async function repairId() {
  const list = (await call(admin, 'GET', '')).json();
  return list.items.find((q: { journey: string }) => q.journey === 'repair').id as number;
}

describe('questionnaires', () => {
  it('start with a published version 1 per journey, created once however often the app starts', async () => {
    expect(await ensureDefaultQuestionnaires({ db: h.ctx.db })).toEqual({ created: 0 });
    const res = await call(admin, 'GET', '');
    expect(res.statusCode).toBe(200);
    expect(
      res.json().items.map((q: Record<string, unknown>) => [q.journey, q.publishedVersion, q.draftVersion]),
    ).toEqual([
      ['repair', 1, null],
      ['planned', 1, null],
      ['vacancy', 1, null],
    ]);
    const published = await getPublishedVersion({ db: h.ctx.db, journey: 'repair' });
    expect(published?.version).toBe(1);
    expect(published?.definition.questions[0]?.key).toBe('grade');
  });

  it.each(['quality', 'director', 'head', 'team_leader'] as UserRole[])(
    'lets a %s read a version',
    async (role) => {
      const { cookie } = await signedInAs(h, role);
      const res = await call(cookie, 'GET', `/${await repairId()}/versions/1`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ journey: 'repair', version: 1, status: 'published' });
    },
  );

  it.each(['employee', 'contractor', 'contact_centre'] as UserRole[])(
    'refuses a %s reading them',
    async (role) => {
      const { cookie } = await signedInAs(h, role);
      expect((await call(cookie, 'GET', '')).statusCode).toBe(403);
      expect((await call(cookie, 'GET', `/${await repairId()}/versions/1`)).statusCode).toBe(403);
    },
  );

  it.each(['employee', 'contractor', 'team_leader', 'director', 'head'] as UserRole[])(
    'refuses a %s changing them',
    async (role) => {
      const { cookie } = await signedInAs(h, role);
      const id = await repairId();
      expect((await call(cookie, 'POST', `/${id}/draft`)).statusCode).toBe(403);
      // a valid body, so the refusal is the policy's and not validation's
      const { definition } = defaultQuestionnaires.repair;
      expect((await call(cookie, 'PUT', `/${id}/draft`, { definition })).statusCode).toBe(403);
      expect((await call(cookie, 'POST', `/${id}/publish`)).statusCode).toBe(403);
    },
  );

  it('answers 404 for an unknown questionnaire or version, 401 without sign-in', async () => {
    expect((await call(admin, 'GET', `/${await repairId()}/versions/99`)).statusCode).toBe(404);
    expect((await call(admin, 'GET', '/9999/versions/1')).statusCode).toBe(404);
    expect((await call(admin, 'POST', '/9999/draft')).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/questionnaires' })).statusCode).toBe(401);
  });

  it('drafts, edits and publishes a new version; the old one retires unchanged', async () => {
    const { cookie } = await signedInAs(h, 'quality');
    const id = await repairId();
    expect((await call(cookie, 'PUT', `/${id}/draft`, { definition: { questions: [] } })).statusCode).toBe(
      400,
    );
    expect((await call(cookie, 'POST', `/${id}/publish`)).statusCode).toBe(409);

    const draft = await call(cookie, 'POST', `/${id}/draft`);
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ version: 2, status: 'draft', publishedAt: null });
    expect((await call(cookie, 'POST', `/${id}/draft`)).statusCode).toBe(409);
    // the list says what the editor may now do with it: edit or publish the draft, not start another
    const withDraft = (await call(cookie, 'GET', '')).json().items.find((q: { id: number }) => q.id === id);
    expect(withDraft.can).toEqual({ startDraft: false, editDraft: true, publish: true });
    const reader = (await signedInAs(h, 'team_leader')).cookie;
    const asReader = (await call(reader, 'GET', '')).json().items.find((q: { id: number }) => q.id === id);
    expect(asReader).toMatchObject({
      draftVersion: 2,
      can: { startDraft: false, editDraft: false, publish: false },
    });

    const definition = draft.json().definition;
    const v1 = definition.questions.map((q: { key: string }) => q.key);
    definition.questions = definition.questions.filter((q: { type: string }) => q.type !== 'phase_grade');
    definition.questions[0].text.nl = 'Welk cijfer geeft u ons?';
    const saved = await call(cookie, 'PUT', `/${id}/draft`, { definition });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().definition.questions[0].text.nl).toBe('Welk cijfer geeft u ons?');

    const published = await call(cookie, 'POST', `/${id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ version: 2, status: 'published', publishedBy: 'Test quality' });
    expect(published.json().publishedAt).toMatch(/^\d{4}-/);

    const old = (await call(cookie, 'GET', `/${id}/versions/1`)).json();
    expect(old.status).toBe('retired');
    expect(old.definition.questions.map((q: { key: string }) => q.key)).toEqual(v1);
    expect((await getPublishedVersion({ db: h.ctx.db, journey: 'repair' }))?.version).toBe(2);
    const list = (await call(cookie, 'GET', '')).json().items.find((q: { id: number }) => q.id === id);
    expect(list).toMatchObject({
      publishedVersion: 2,
      draftVersion: null,
      versionCount: 2,
      can: { startDraft: true, editDraft: false, publish: false },
    });
    // a published version is never edited: without a draft there is nothing to change
    expect((await call(cookie, 'PUT', `/${id}/draft`, { definition })).statusCode).toBe(409);

    const audits = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'questionnaire.published'), eq(auditLog.subjectId, String(id))));
    expect(audits.map((a) => a.details)).toEqual([{ journey: 'repair', version: 2, retired: 1 }]);
  });

  it('refuses a bad definition with 400 naming the field, and stores nothing', async () => {
    const id = (await call(admin, 'GET', ''))
      .json()
      .items.find((q: { journey: string }) => q.journey === 'planned').id;
    const draft = (await call(admin, 'POST', `/${id}/draft`)).json();
    const definition = structuredClone(draft.definition);
    definition.questions[3].condition = { questionKey: 'comment', operator: 'lte', value: 5 };
    const res = await call(admin, 'PUT', `/${id}/draft`, { definition });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      {
        field: 'body.definition.questions.3.condition.questionKey',
        message: '"comment" is not an earlier question',
      },
    ]);
    const bad = await call(admin, 'PUT', `/${id}/draft`, {
      definition: { questions: [{ key: 'grade', type: 'grade' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('body.definition.questions.0.text');
    const [stored] = await h.ctx.db
      .select()
      .from(questionnaireVersions)
      .where(and(eq(questionnaireVersions.questionnaireId, id), eq(questionnaireVersions.status, 'draft')));
    expect(stored?.definition).toEqual(draft.definition);
  });

  it('keeps a question key to one meaning across versions', async () => {
    const id = await repairId();
    const draft = (await call(admin, 'POST', `/${id}/draft`)).json();
    expect(draft.version).toBe(3);
    const definition = structuredClone(draft.definition);
    const i = definition.questions.findIndex((q: { key: string }) => q.key === 'nps');
    definition.questions[i] = {
      key: 'nps',
      type: 'effort',
      text: { nl: 'Moeite?', en: 'Effort?' },
      required: false,
    };
    const res = await call(admin, 'PUT', `/${id}/draft`, { definition });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      {
        field: `definition.questions.${i}.type`,
        message: 'key "nps" was a nps question in version 2; use a new key for a different question',
      },
    ]);
    // phase_reporting was dropped in version 2 but still means a reporting grade in version 1
    definition.questions[i] = {
      key: 'phase_reporting',
      type: 'phase_grade',
      phase: 'visit',
      text: draft.definition.questions[0].text,
      required: false,
    };
    expect((await call(admin, 'PUT', `/${id}/draft`, { definition })).json().issues[0].message).toContain(
      'phase_grade (reporting)',
    );
    definition.questions[i] = {
      key: 'effort',
      type: 'effort',
      text: { nl: 'Moeite?', en: 'Effort?' },
      required: false,
    };
    expect((await call(admin, 'PUT', `/${id}/draft`, { definition })).statusCode).toBe(200);
  });

  it('is documented in the OpenAPI file', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/questionnaires', '/api/v1/questionnaires/{id}/draft']),
    );
  });
});
