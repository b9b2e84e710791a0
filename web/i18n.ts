import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources, namespaces, type Locale } from '../src/i18n/resources.ts';

const STORAGE_KEY = 'kangyu.locale';

export function storedLocale(): Locale {
  const v = localStorage.getItem(STORAGE_KEY);
  return v === 'en-US' ? 'en-US' : 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources,
  ns: namespaces,
  defaultNS: 'common',
  lng: storedLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export function setLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  void i18n.changeLanguage(locale);
}

export default i18n;
