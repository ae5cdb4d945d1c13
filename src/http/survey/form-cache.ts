import { escapeHtml, raw, type SafeHtml } from '../../lib/html';

/**
 * The survey form of a first view (no answers yet, nothing wrong) is the same for every tenant
 * asked the same questionnaire version in the same language under the same branding, except for
 * the page's path (the token), the line about the job and a notice. It is rendered once with
 * stand-ins for those, split at them, and filled in per view: ~18 KB of HTML costs a few string
 * joins instead of escaping and assembling every question again.
 *
 * Only a published version's form is kept (the caller says so: a published version never changes,
 * and its definition is one object while it is kept in memory, published-definitions.ts); a
 * draft's form is rendered in full each time. The stand-ins contain NUL, which no stored text can
 * (PostgreSQL refuses it), so they cannot collide with a question or a corporation's name; a
 * template in which they do not appear exactly as expected is not used.
 */
export const STAND_IN = {
  path: '\u0000path\u0000',
  about: raw('\u0000about\u0000'),
  notice: raw('\u0000notice\u0000'),
};

export interface FormHoles {
  /** the page's own path (escaped when filled in, as `html` would) */
  path: string;
  about: SafeHtml | '';
  notice: SafeHtml | '';
}

/** text, hole name, text, hole name, …, text */
type Template = string[] | null;

const MAX_PER_DEFINITION = 16;
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL delimits the stand-ins (see above)
const MARKS = /\u0000(path|about|notice)\u0000/;
const templates = new WeakMap<object, Map<string, Template>>();

/**
 * The form of a published version's `definition` from its template, building the template with
 * `build` (which must render with the STAND_IN values) the first time; null when it cannot be kept.
 */
export function formFromTemplate(
  definition: object,
  key: string,
  build: () => string,
  holes: FormHoles,
): string | null {
  let byKey = templates.get(definition);
  if (!byKey) {
    byKey = new Map();
    templates.set(definition, byKey);
  }
  let template = byKey.get(key);
  if (template === undefined) {
    template = split(build());
    if (byKey.size >= MAX_PER_DEFINITION) byKey.clear();
    byKey.set(key, template);
  }
  if (!template) return null;
  const path = escapeHtml(holes.path);
  let out = template[0]!;
  for (let i = 1; i < template.length; i += 2) {
    const hole = template[i] as keyof FormHoles;
    out += (hole === 'path' ? path : holes[hole].toString()) + template[i + 1]!;
  }
  return out;
}

function split(page: string): Template {
  const parts = page.split(MARKS);
  const holes = parts.filter((_, i) => i % 2 === 1);
  const count = (name: string) => holes.filter((h) => h === name).length;
  const clean = parts.every((p, i) => i % 2 === 1 || !p.includes('\u0000'));
  return clean && count('about') === 1 && count('notice') === 1 && count('path') >= 1 ? parts : null;
}
