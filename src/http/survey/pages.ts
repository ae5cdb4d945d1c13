import type { AnswerProblem, AnswerRow } from '../../domain/questionnaires/check-answers';
import {
  conditionMet,
  isYesNo,
  type TQuestion,
  type TQuestionnaireDefinition,
} from '../../domain/questionnaires/questionnaire-definition';
import type { SurveyLocale } from '../../domain/responses/open-survey';
import { draftValues } from '../../domain/responses/save-survey-draft';
import { html } from '../../lib/html';
import { type FormHoles, formFromTemplate, STAND_IN } from './form-cache';
import { type Branding, renderDocument, withLang } from './page';
import { controlId, type FormValues, renderQuestion, shownKeys } from './questions';
import { problemText, textsFor } from './texts';

interface Common {
  locale: SurveyLocale;
  org: Branding;
}

export interface SurveyFormOptions extends Common {
  /** the page's own path, /s/<token> (or the preview's) */
  path: string;
  definition: TQuestionnaireDefinition;
  values: FormValues;
  problems?: AnswerProblem[];
  notice?: string;
  job?: { journey: string; description: string | null; completedAt: Date | null };
  preview?: boolean;
  /** the definition is a published version's, which never changes: a first view may use a template */
  published?: boolean;
}

/**
 * The survey: every question on one page, an error summary on top when something was wrong. A
 * first view comes as UTF-8 bytes from its version's template, anything else as a string.
 */
export function renderSurveyForm(o: SurveyFormOptions): string | Buffer {
  const holes = {
    path: o.path,
    about: aboutLine(o),
    notice: o.notice ? html`<p class="notice" role="status">${o.notice}</p>` : '',
  } as const;
  // a first view (no answers, nothing wrong) comes from the version's template (form-cache.ts)
  if (o.published && !o.preview && !o.problems?.length && isEmpty(o.values)) {
    const { name, logoUrl, primaryColor } = o.org;
    const key = `${o.locale}\u0000${name}\u0000${logoUrl ?? ''}\u0000${primaryColor}`;
    const build = () => buildSurveyForm({ ...o, values: {} }, STAND_IN);
    const page = formFromTemplate(o.definition, key, build, holes);
    if (page !== null) return page;
  }
  return buildSurveyForm(o, holes);
}

const isEmpty = (values: FormValues) => {
  for (const _ in values) return false;
  return true;
};

function aboutLine(o: SurveyFormOptions) {
  if (!o.job) return '';
  const t = textsFor(o.locale);
  return html`<p class="about">${t.about[o.job.journey as keyof typeof t.about] ?? t.about.repair}${
    o.job.completedAt ? html` (${t.completed} ${formatDate(o.job.completedAt, o.locale)})` : ''
  }${o.job.description ? html`: ${o.job.description.slice(0, 200)}` : ''}</p>`;
}

/** The whole form page; `holes` are the parts that differ per tenant (or their stand-ins). */
export function buildSurveyForm(o: SurveyFormOptions, holes: FormHoles): string {
  const t = textsFor(o.locale);
  const shown = shownKeys(o.definition, o.values);
  const byKey = new Map(o.definition.questions.map((q) => [q.key, q]));
  const problems = (o.problems ?? []).map((p) => ({
    ...p,
    text: problemText(t, p.message),
    q: byKey.get(p.questionKey),
  }));
  const summary = problems.length
    ? html`<div class="errors" role="alert" tabindex="-1" id="errors"><h2>${t.errorTitle}</h2><ul>${problems.map(
        (p) =>
          p.q
            ? html`<li><a href="#${controlId(p.q)}">${p.q.text[o.locale]}</a>: ${p.text}</li>`
            : html`<li>${p.questionKey.replaceAll('\u0000', '')}: ${p.text}</li>`,
      )}</ul></div>`
    : '';
  const hasConsent = o.definition.questions.some((q) => q.type === 'consent');
  const questions = o.definition.questions.map((q) => {
    const problem = problems.find((p) => p.questionKey === q.key);
    return renderQuestion(q, {
      locale: o.locale,
      values: o.values,
      shown: shown.has(q.key),
      problem,
      problemText: problem?.text,
    });
  });
  const buttons = o.preview
    ? html`<button type="button" class="primary" disabled>${t.submit}</button>`
    : html`<button type="submit" name="action" value="submit" class="primary">${t.submit}</button>
<button type="submit" name="action" value="save" formnovalidate>${t.save}</button>`;
  const body = html`${summary}${holes.notice}
<h1>${t.title}</h1>${holes.about}<p>${t.intro}</p>${hasConsent ? html`<p>${t.anonymous}</p>` : ''}
<form id="survey" method="post" action="${holes.path}"${o.preview ? html` data-preview` : ''}>
${questions}
<div class="actions">${buttons}</div>
<p class="status" id="autosave" role="status" aria-live="polite" data-ok="${t.autosaved}"></p>
</form>
${o.preview ? '' : html`<footer><a href="${holes.path}/unsubscribe">${t.unsubscribeLink}</a></footer>`}`;
  return renderDocument({
    ...o,
    title: problems.length ? `${t.errorTitle} – ${t.title}` : t.title,
    body,
    script: true,
    otherLanguageHref: withLang(holes.path, o.locale === 'nl' ? 'en' : 'nl'),
    banner: o.preview ? t.previewBanner : undefined,
  });
}

// built once per language: constructing an Intl formatter per page view cost ~4% of the page's CPU
const DATE_FORMAT = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' } as const;
const dateFormats: Record<SurveyLocale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', DATE_FORMAT),
  en: new Intl.DateTimeFormat('en-GB', DATE_FORMAT),
};

// Amsterdam's offset has been whole hours since 1940, so its date turns only on whole UTC hours:
// the formatted date is kept per UTC hour (a page view then costs a lookup, not a formatting)
const HOUR = 3_600_000;
const WHOLE_HOURS_SINCE = Date.UTC(1940, 6);
const formattedDates = new Map<string, string>();

function formatDate(date: Date, locale: SurveyLocale) {
  const ms = date.getTime();
  if (!(ms >= WHOLE_HOURS_SINCE)) return dateFormats[locale].format(date);
  const key = `${locale}${Math.floor(ms / HOUR)}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    text = dateFormats[locale].format(date);
    if (formattedDates.size >= 10_000) formattedDates.clear();
    formattedDates.set(key, text);
  }
  return text;
}

/** After submission: thanks, and what was answered (read-only). */
export function renderThanks(
  o: Common & { path: string; definition: TQuestionnaireDefinition; answers: AnswerRow[] },
) {
  const t = textsFor(o.locale);
  const values = draftValues(o.definition, o.answers);
  const answered = new Map(Object.entries(values));
  const items = o.definition.questions
    .filter((q) => conditionMet(q.condition, answered))
    .map((q) => html`<dt>${q.text[o.locale]}</dt><dd>${answerText(q, values[q.key], o.locale)}</dd>`);
  const body = html`<h1>${t.thanksTitle}</h1><p>${t.thanksText}</p><dl class="answers">${items}</dl>
<footer><a href="${o.path}/unsubscribe">${t.unsubscribeLink}</a></footer>`;
  return renderDocument({
    ...o,
    title: t.thanksTitle,
    body,
    otherLanguageHref: withLang(o.path, o.locale === 'nl' ? 'en' : 'nl'),
  });
}

function answerText(q: TQuestion, value: unknown, locale: SurveyLocale): string {
  const t = textsFor(locale);
  if (value === undefined) return `(${t.notAnswered})`;
  if (isYesNo(q.type)) return value ? t.yes : t.no;
  if (q.type === 'statement') return t.statement[(value as number) - 1] ?? String(value);
  if (q.type === 'choice')
    return (value as string[])
      .map((v) => q.options.find((x) => x.value === v)?.label[locale] ?? v)
      .join(', ');
  return String(value);
}

/** One page for an unknown, malformed and expired link alike: nothing tells them apart. */
export function renderGone(o: Common) {
  const t = textsFor(o.locale);
  return renderMessage({ ...o, title: t.goneTitle, text: t.goneText });
}

export function renderMessage(
  o: Common & { title: string; text: string; link?: { href: string; text: string } },
) {
  const body = html`<h1>${o.title}</h1><p>${o.text}</p>${o.link ? html`<p><a href="${o.link.href}">${o.link.text}</a></p>` : ''}`;
  return renderDocument({ ...o, body });
}

export function renderUnsubscribe(o: Common & { path: string }) {
  const t = textsFor(o.locale);
  const body = html`<h1>${t.unsubscribeTitle}</h1><p>${t.unsubscribeText}</p>
<form method="post" action="${o.path}/unsubscribe"><div class="actions"><button type="submit" class="primary">${t.unsubscribeButton}</button></div></form>
<p><a href="${o.path}">${t.backToSurvey}</a></p>`;
  return renderDocument({
    ...o,
    title: t.unsubscribeTitle,
    body,
    otherLanguageHref: withLang(`${o.path}/unsubscribe`, o.locale === 'nl' ? 'en' : 'nl'),
  });
}
