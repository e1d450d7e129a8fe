import i18next, { type i18n } from 'i18next';
import { namespaces, resources, languageOf, type Language } from '../../src-shared/i18n';
import type { NotificationItem } from '../../src-shared/contract';
import { notificationText, type NotificationFormat, type NotificationText } from '../../src-shared/notification-text';
import type { Database } from '../db/connection';
import { readProfile } from '../profile/handlers';
import { systemLocale } from '../statistics/weeks';

/** Intl locales of the app's languages (as the renderer formats them). */
const intlLocales: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR' };

const instances = new Map<Language, i18n>();

/** An i18next instance of one language over the shared catalogues, for text main writes itself. */
function translator(language: Language): i18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      resources,
      lng: language,
      fallbackLng: 'en',
      ns: namespaces,
      defaultNS: 'automation',
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    instances.set(language, instance);
  }
  return instance;
}

/** The user's language: the one chosen in Candid, else the system's. */
export function userLanguage(db: Database): Language {
  return languageOf(readProfile(db).locale ?? systemLocale());
}

/** Words main writes into rows or system notifications, in the user's language. */
export function userText(db: Database) {
  const language = userLanguage(db);
  const t = translator(language).t.bind(translator(language)) as (key: string, options?: Record<string, unknown>) => string;
  const locale = intlLocales[language];
  const dateTime = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const format: NotificationFormat = {
    dateTime: (value) => dateTime.format(new Date(value)),
    date: (value) => date.format(new Date(`${value}T12:00:00Z`)),
  };
  return {
    language,
    t,
    followUpTitle: (company: string) => t('automation:followUpTaskTitle', { company }),
    notification: (item: NotificationItem): NotificationText => notificationText(item, t, format),
  };
}
