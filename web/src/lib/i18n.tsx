import type { Locale } from '@contracts';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { en } from './i18n-en';
import { type MessageKey, nl } from './i18n-nl';

export type { Locale };

const dictionaries: Record<Locale, Record<MessageKey, string>> = { nl, en };
const storageKey = 'achtplus.locale';

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey) => string;
  /** for values from the API such as roles and statuses: falls back to the raw value */
  tv: (prefix: string, value: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  return stored === 'en' ? 'en' : 'nl';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    localStorage.setItem(storageKey, next);
    document.documentElement.lang = next;
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[locale];
    const t = (key: MessageKey) => dict[key] ?? key;
    const tv = (prefix: string, v: string | null | undefined) => {
      if (!v) return '–';
      return (dict as Record<string, string>)[`${prefix}.${v}`] ?? v;
    };
    return { locale, setLocale, t, tv };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
