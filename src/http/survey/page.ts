import type { TOrganisationSettings } from '../../domain/organisation/organisation-settings';
import type { SurveyLocale } from '../../domain/responses/open-survey';
import { html, raw, type SafeHtml } from '../../lib/html';
import { SURVEY_CSS, SURVEY_JS_PATH } from './assets';
import { accessiblePrimary } from './colour';
import { textsFor } from './texts';

export type Branding = Pick<TOrganisationSettings, 'name' | 'logoUrl' | 'primaryColor'>;

export interface DocumentOptions {
  locale: SurveyLocale;
  org: Branding;
  title: string;
  body: SafeHtml;
  /** the same page in the other language; omitted where a switch makes no sense */
  otherLanguageHref?: string;
  /** load the improving script (survey form only) */
  script?: boolean;
  banner?: string;
}

/**
 * The frame of every tenant-facing page: the corporation's name or logo, its primary colour (made
 * AA-readable), the language switch, and the page's own content. Style inline, script deferred.
 */
export function renderDocument(o: DocumentOptions): string {
  const t = textsFor(o.locale);
  const other = o.locale === 'nl' ? 'en' : 'nl';
  const colour = accessiblePrimary(o.org.primaryColor);
  const brand = o.org.logoUrl
    ? html`<img src="${o.org.logoUrl}" alt="${o.org.name}" referrerpolicy="no-referrer">`
    : html`<span class="org">${o.org.name}</span>`;
  return html`<!doctype html>
<html lang="${o.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow">
<title>${o.title} – ${o.org.name}</title>
<style>:root{--p:${colour}}${raw(SURVEY_CSS)}</style>
${o.script ? html`<script src="${SURVEY_JS_PATH}" defer></script>` : ''}
</head>
<body>
${o.banner ? html`<p class="banner" role="note">${o.banner}</p>` : ''}
<header><div class="bar">${brand}${
    o.otherLanguageHref
      ? html`<a href="${o.otherLanguageHref}" lang="${other}" hreflang="${other}">${t.otherLang}</a>`
      : ''
  }</div></header>
<main id="main">
${o.body}
</main>
</body>
</html>`.value;
}

/** The current address with `lang` set, keeping the path (and nothing else from the query). */
export const withLang = (path: string, locale: SurveyLocale) => `${path}?lang=${locale}`;
