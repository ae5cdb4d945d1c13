import type { Locale } from '@contracts';
import { useI18n } from './i18n';

/**
 * The one way to translate a feature: a typed dictionary beside its screens
 * (`web/src/features/<capability>/texts.ts`), Dutch first, English typed by it, so a missing or
 * extra English key fails `npx tsc --noEmit`; texts that need a value are functions.
 *
 *   const nl = { title: 'Vragenlijsten', questions: (n: number) => `${n} vragen` };
 *   export type Texts = typeof nl;
 *   const en: Texts = { title: 'Questionnaires', questions: (n) => `${n} questions` };
 *   export const texts: Dictionary<Texts> = { nl, en };
 *   export const useTexts = () => useDictionary(texts);
 *
 * The shared dictionaries (lib/i18n-nl.ts, i18n-en.ts, `useI18n().t`) keep what every screen uses —
 * the menu, field names, the words for roles, journeys and statuses (`tv('journey', j)`) — and
 * shrink as screens move into features; a new screen's own words go into its feature's dictionary.
 */
export type Dictionary<T> = Record<Locale, T>;

/** The feature's texts in the language the person chose. */
export function useDictionary<T>(dictionary: Dictionary<T>): T {
  return dictionary[useI18n().locale];
}
