import { describe, expect, it } from 'vitest';
import { defaultQuestionnaires } from '../../domain/questionnaires/default-definitions';
import type { TQuestionnaireDefinition } from '../../domain/questionnaires/questionnaire-definition';
import { html } from '../../lib/html';
import { formFromTemplate } from './form-cache';
import { buildSurveyForm, renderSurveyForm as renderPage, type SurveyFormOptions } from './pages';

/** The page as text; a first view comes as bytes (checked to be UTF-8 where it matters). */
const renderSurveyForm = (o: SurveyFormOptions) => renderPage(o).toString();

const copyOf = (definition: TQuestionnaireDefinition) => structuredClone(definition);

/** The page as it is built without any template: the reference every cached page must equal. */
function fullRender(o: SurveyFormOptions) {
  const t = o.locale === 'en' ? 'About your repair request' : 'Over uw reparatieverzoek';
  expect(o.job?.journey).toBe('repair');
  const about = html`<p class="about">${t}${o.job?.description ? html`: ${o.job.description}` : ''}</p>`;
  const notice = o.notice ? html`<p class="notice" role="status">${o.notice}</p>` : '';
  return buildSurveyForm(o, { path: o.path, about, notice });
}

describe('the first view from a template', () => {
  const definition = copyOf(defaultQuestionnaires.repair.definition);
  const org = { name: 'Woon & <Co>', logoUrl: null, primaryColor: '#7fb3e0' };
  const job = (description: string | null) => ({ journey: 'repair', description, completedAt: null });

  it.each([
    ['nl', '/s/aaaa', 'Lekkage <b>keuken</b> "boven"', undefined],
    ['nl', '/s/bb"b<b>', null, 'Uw antwoorden zijn bewaard.'],
    ['en', '/s/cccc', 'Tap & sink', undefined],
    ['en', '/s/dddd', null, 'Saved <now>'],
  ] as const)('equals the full render (%s, %s)', (locale, path, description, notice) => {
    const o: SurveyFormOptions = {
      ...{ locale, org, path, definition, values: {}, job: job(description), notice },
      published: true,
    };
    const first = renderPage(o); // builds the template
    const again = renderPage(o); // from the template
    expect(Buffer.isBuffer(again)).toBe(true);
    const reference = fullRender(o);
    expect(first.toString()).toBe(reference);
    expect(again.toString()).toBe(reference);
    expect((again as Buffer).equals(Buffer.from(reference, 'utf8'))).toBe(true);
    expect(again.toString()).not.toContain('\u0000');
  });

  it('keeps tenants apart: another path, job and branding change exactly those parts', () => {
    const common = { locale: 'nl', org, definition, values: {}, published: true } as const;
    const a = renderSurveyForm({ ...common, path: '/s/one', job: job('A') });
    const b = renderSurveyForm({ ...common, path: '/s/two', job: job('B') });
    expect(a).toContain('action="/s/one"');
    expect(a).not.toContain('/s/two');
    expect(b).toContain('action="/s/two"');
    expect(b).toContain('href="/s/two/unsubscribe"');
    expect(b).toContain('href="/s/two?lang=en"');
    expect(b).toContain('<p class="about">Over uw reparatieverzoek: B</p>');
    const other = { ...org, name: 'Ander', primaryColor: '#000000' };
    const c = renderSurveyForm({
      locale: 'nl',
      org: other,
      path: '/s/one',
      definition,
      values: {},
      job: job('A'),
    });
    expect(c).toContain('<span class="org">Ander</span>');
    expect(c).toContain('--p:#000000');
  });

  it('renders answers, problems and drafts in full, the same as without a template', () => {
    const values = { grade: 4, what_went_wrong: 'te laat' };
    const o: SurveyFormOptions = {
      locale: 'nl',
      org,
      path: '/s/x',
      definition,
      values,
      job: job(null),
      published: true,
    };
    expect(renderSurveyForm(o)).toBe(fullRender(o));
    expect(renderSurveyForm(o)).toMatch(/value="4" id="q-grade-4" checked/);
  });

  it('keeps the form of a published version only: a draft is rendered afresh each time', () => {
    const draft = copyOf(defaultQuestionnaires.repair.definition);
    const published = copyOf(defaultQuestionnaires.repair.definition);
    const render = (d: TQuestionnaireDefinition, isPublished: boolean) =>
      renderSurveyForm({
        locale: 'nl',
        org,
        path: '/s/x',
        definition: d,
        values: {},
        published: isPublished,
      });
    render(draft, false);
    render(published, true);
    // nothing changes a published definition in place; here it shows that its form was kept
    draft.questions[0]!.text.nl = 'Gewijzigde vraag';
    published.questions[0]!.text.nl = 'Gewijzigde vraag';
    expect(render(draft, false)).toContain('Gewijzigde vraag');
    expect(render(published, true)).not.toContain('Gewijzigde vraag');
  });

  it('refuses a template whose stand-ins are not where they should be', () => {
    const planned = copyOf(defaultQuestionnaires.planned.definition);
    const holes = { path: '/s/x', about: '', notice: '' } as const;
    expect(formFromTemplate(planned, 'broken', () => '<p>no stand-ins</p>', holes)).toBeNull();
  });

  it('names the day of completion as it was in Amsterdam, also around midnight and in summer', () => {
    const about = (iso: string) => {
      const job = { journey: 'repair', description: null, completedAt: new Date(iso) };
      const page = renderSurveyForm({
        locale: 'nl',
        org,
        path: '/s/x',
        definition,
        values: {},
        job,
        published: true,
      });
      return /afgerond op ([^)]*)\)/.exec(page)?.[1];
    };
    expect(about('2026-03-28T22:10:00Z')).toBe('28 maart 2026'); // 23:10 in winter time
    expect(about('2026-03-28T22:59:59Z')).toBe('28 maart 2026');
    expect(about('2026-03-28T23:00:00Z')).toBe('29 maart 2026'); // midnight
    expect(about('2026-07-01T21:59:59Z')).toBe('1 juli 2026'); // 23:59 in summer time
    expect(about('2026-07-01T22:00:00Z')).toBe('2 juli 2026');
    expect(about('2026-07-01T21:30:00Z')).toBe('1 juli 2026'); // the same hour as before, from memory
  });
});
