import { useEffect } from 'react';
import { languageOf, type Language } from '../../../src-shared/i18n';
import type { Profile } from '../../../src-shared/contract';
import { useChannel } from '../api/hooks';
import { setLanguage } from '../i18n';
import i18next from 'i18next';

export type ThemePreference = Profile['theme'];

/**
 * The profile's theme and language, remembered in localStorage too: on the next start they apply before the
 * profile has loaded, so the window never flashes the wrong theme or language.
 */
const themeKey = 'candid.theme';
const localeKey = 'candid.locale';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function resolveTheme(preference: ThemePreference): 'light' | 'dark' {
  if (preference === 'system') return darkQuery().matches ? 'dark' : 'light';
  return preference;
}

export function applyTheme(preference: ThemePreference): void {
  document.documentElement.dataset.theme = resolveTheme(preference);
}

export function rememberedTheme(): ThemePreference {
  const saved = localStorage.getItem(themeKey);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

/** The language to start in: the last one the profile asked for, else the operating system's. */
export function startLanguage(): Language {
  const saved = localStorage.getItem(localeKey);
  return saved === 'en' || saved === 'fr' ? saved : languageOf(navigator.language);
}

/** Keeps <html data-theme> and the interface language in step with the profile and the OS. */
export function useProfileAppearance(): void {
  const { data: profile } = useChannel('profile.get', undefined);
  const theme = profile?.theme ?? rememberedTheme();
  const locale = profile ? profile.locale : undefined;

  useEffect(() => {
    applyTheme(theme);
    localStorage.setItem(themeKey, theme);
    if (theme !== 'system') return;
    const query = darkQuery();
    const follow = () => applyTheme('system');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [theme]);

  useEffect(() => {
    if (locale === undefined) return; // profile not loaded yet
    const language = locale ?? languageOf(navigator.language);
    if (locale) localStorage.setItem(localeKey, locale);
    else localStorage.removeItem(localeKey);
    if (i18next.language !== language) setLanguage(language);
  }, [locale]);
}
