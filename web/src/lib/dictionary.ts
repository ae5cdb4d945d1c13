import type { Locale } from '@contracts';
import { useI18n } from './i18n';

/**
 * The one way to translate a feature: a typed dictionary beside its screens
 * (`web/src/features/<capability>/texts.ts`), Dutch first, English typed by it, so a missing or
 * extra English key fails `npx tsc --noEmit`; texts that need a value are functions, the words for
 * an enum of the API a record over its values (`x.status[job.status]` fails the type check when the
 * server adds a value the dictionary lacks).
 *
 *   const nl = { title: 'Vragenlijsten', questions: (n: number) => `${n} vragen` };
 *   export type Texts = typeof nl;
 *   const en: Texts = { title: 'Questionnaires', questions: (n) => `${n} questions` };
 *   export const texts: Dictionary<Texts> = { nl, en };
 *   export const useTexts = () => useDictionary(texts);
 *
 * A word used by one feature lives in that feature's dictionary. The shared dictionaries
 * (lib/i18n-nl.ts, i18n-en.ts, `useI18n().t`) keep only the app frame — the menu and page titles
 * it names, the shared components (lists, dates, dialogs), the not-found page — and the words
 * several features use: field names, yes/no, the words for roles, journeys, channels
 * (`tv('journey', j)`).
 */
export type Dictionary<T> = Record<Locale, T>;

/** The feature's texts in the language the person chose. */
export function useDictionary<T>(dictionary: Dictionary<T>): T {
  return dictionary[useI18n().locale];
}

/**
 * A value the API sends as free text (a message kind, an import's kind) in words: the dictionary's
 * word when it has one, else the value itself, and '–' when there is none (as `tv` does).
 */
export function wordFor(words: Readonly<Record<string, string>>, value: string | null | undefined): string {
  if (!value) return '–';
  return Object.hasOwn(words, value) ? (words[value] as string) : value;
}
