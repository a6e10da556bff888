import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

import { en, id, type MessageKey, type Messages } from './messages';

export type { MessageKey };

export type Language = 'id' | 'en';
const DICTIONARIES: Record<Language, Messages> = { id, en };
const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

export interface I18n {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
  readonly t: (key: MessageKey) => string;
  /** Label of a code the API returns (problem_…, chart_…), or the code itself when none is known. */
  readonly label: (prefix: string, code: string) => string;
  readonly number: (value: number | null | undefined, digits?: number) => string;
  readonly percent: (value: number | null | undefined) => string;
  readonly date: (isoDate: string | null | undefined) => string;
  /** An instant with its time of day, in the browser's time zone (WIB, WITA or WIT). */
  readonly dateTime: (iso: string | null | undefined) => string;
  readonly rupiah: (value: number | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    localStorage.getItem('language') === 'en' ? 'en' : 'id',
  );
  const value = useMemo<I18n>(() => {
    const messages = DICTIONARIES[language];
    const locale = LOCALES[language];
    document.documentElement.lang = language;
    return {
      language,
      setLanguage: (next) => {
        localStorage.setItem('language', next);
        setLanguageState(next);
      },
      t: (key) => messages[key],
      label: (prefix, code) => (messages as Record<string, string>)[`${prefix}_${code.replaceAll('-', '_')}`] ?? code,
      number: (value, digits = 0) =>
        value === null || value === undefined
          ? '–'
          : new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
              value,
            ),
      percent: (value) =>
        value === null || value === undefined
          ? '–'
          : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value)} %`,
      date: (isoDate) =>
        isoDate
          ? new Intl.DateTimeFormat(locale, {
              day: 'numeric',
              month: 'short',
              year: 'numeric',
              timeZone: 'UTC',
            }).format(new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate))
          : '–',
      dateTime: (iso) =>
        iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso)) : '–',
      rupiah: (value) =>
        value === null || value === undefined
          ? '–'
          : new Intl.NumberFormat(locale, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(
              value,
            ),
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
