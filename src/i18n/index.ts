import i18next, { type i18n, type TFunction } from 'i18next';
import { resources, namespaces, LOCALES, type Locale } from './resources.ts';

export { LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = 'zh-CN';

let instance: i18n | undefined;

/** The server's i18next instance, with every namespace of both languages loaded. */
export function serverI18n(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      resources,
      ns: namespaces,
      defaultNS: 'common',
      lng: DEFAULT_LOCALE,
      fallbackLng: DEFAULT_LOCALE,
      initAsync: false,
      interpolation: { escapeValue: false },
    });
  }
  return instance;
}

export function translator(locale: Locale): TFunction {
  return serverI18n().getFixedT(locale);
}

/** Picks zh-CN or en-US from an explicit choice or an Accept-Language header. */
export function pickLocale(explicit: string | undefined, acceptLanguage: string | undefined): Locale {
  for (const candidate of [explicit, ...(acceptLanguage ?? '').split(',').map((p) => p.split(';')[0].trim())]) {
    if (!candidate) continue;
    const lower = candidate.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en-US';
  }
  return DEFAULT_LOCALE;
}
