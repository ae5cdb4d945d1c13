import { escapeHtml, raw, type SafeHtml } from '../../lib/html';

/**
 * The survey form of a first view (no answers yet, nothing wrong) is the same for every tenant
 * asked the same questionnaire version in the same language under the same branding, except for
 * the page's path (the token), the line about the job and a notice. It is rendered once with
 * stand-ins for those, split at them, kept as UTF-8 bytes, and filled in per view: ~18 KB of HTML
 * costs one copy instead of escaping and assembling every question again, and the page goes out
 * as bytes (a page with one character beyond Latin-1 is a two-byte string, which costs more to
 * measure and encode for sending than it cost to build).
 *
 * Only a published version's form is kept (the caller says so: a published version never changes,
 * and its definition is one object while it is kept in memory, also when read again unchanged:
 * src/domain/questionnaires/published-definitions.ts); a draft's form is rendered in full each
 * time. The stand-ins contain NUL, which no stored text can (PostgreSQL refuses it), so they cannot
 * collide with a question or a corporation's name; a template in which they do not appear exactly
 * as expected is not used.
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

/** the page's bytes between the holes, and which hole follows each of them */
type Template = { texts: Buffer[]; holes: Array<keyof FormHoles> } | null;

const MAX_PER_DEFINITION = 16;
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL delimits the stand-ins (see above)
const MARKS = /\u0000(path|about|notice)\u0000/;
const templates = new WeakMap<object, Map<string, Template>>();

/**
 * The form of a published version's `definition` from its template, building the template with
 * `build` (which must render with the STAND_IN values) the first time, as UTF-8; null when it
 * cannot be kept.
 */
export function formFromTemplate(
  definition: object,
  key: string,
  build: () => string,
  holes: FormHoles,
): Buffer | null {
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
  const filled = {
    path: Buffer.from(escapeHtml(holes.path)),
    about: Buffer.from(holes.about.toString()),
    notice: Buffer.from(holes.notice.toString()),
  };
  const parts: Buffer[] = [template.texts[0]!];
  let length = template.texts[0]!.length;
  template.holes.forEach((hole, i) => {
    const text = template.texts[i + 1]!;
    parts.push(filled[hole], text);
    length += filled[hole].length + text.length;
  });
  return Buffer.concat(parts, length);
}

function split(page: string): Template {
  const parts = page.split(MARKS);
  const texts = parts.filter((_, i) => i % 2 === 0);
  const holes = parts.filter((_, i) => i % 2 === 1) as Array<keyof FormHoles>;
  const count = (name: string) => holes.filter((h) => h === name).length;
  const clean = texts.every((text) => !text.includes('\u0000'));
  if (!clean || count('about') !== 1 || count('notice') !== 1 || count('path') < 1) return null;
  return { texts: texts.map((text) => Buffer.from(text)), holes };
}
