import enCommon from './en/common';
import frCommon from './fr/common';

/**
 * Every catalogue, by language and namespace. Each feature owns its namespace files (en/<ns>.ts, fr/<ns>.ts);
 * add new ones here. Shared by the renderer (i18next) and main (exports, dialogs), so labels agree.
 */
export const resources = {
  en: { common: enCommon },
  fr: { common: frCommon },
} as const;

export type Language = keyof typeof resources;
export const languages = Object.keys(resources) as Language[];
export const namespaces = Object.keys(resources.en) as (keyof (typeof resources)['en'])[];

/** The language to use for a BCP 47 tag such as `fr-CA`: French for any French locale, else English. */
export function languageOf(tag: string | null | undefined): Language {
  return tag?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
