import { describe, expect, it } from 'vitest';
import { defaultQuestionnaires } from '../../domain/questionnaires/default-definitions';
import type { TQuestionnaireDefinition } from '../../domain/questionnaires/questionnaire-definition';
import { html } from '../../lib/html';
import { formFromTemplate } from './form-cache';
import { buildSurveyForm, renderSurveyForm, type SurveyFormOptions } from './pages';

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
    const first = renderSurveyForm(o); // builds the template
    const again = renderSurveyForm(o); // from the template
    const reference = fullRender(o);
    expect(first).toBe(reference);
    expect(again).toBe(reference);
    expect(again).not.toContain('\u0000');
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
});
