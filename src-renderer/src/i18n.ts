import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languageOf, namespaces, resources, type Language } from '../../src-shared/i18n';

/** Starts in the OS language (the profile's choice, once loaded, overrides it through `setLanguage`). */
export function initI18n(initial: Language = languageOf(navigator.language)) {
  void i18next.use(initReactI18next).init({
    resources,
    lng: initial,
    fallbackLng: 'en',
    ns: namespaces,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = initial;
  return i18next;
}

export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
