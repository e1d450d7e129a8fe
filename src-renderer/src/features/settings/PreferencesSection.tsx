import { useTranslation } from 'react-i18next';
import { locales, themes, type Locale, type Profile } from '../../../../src-shared/contract';
import { languageOf } from '../../../../src-shared/i18n';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { setLanguage } from '../../i18n';
import { useToast } from '../../ui/toast';
import { errorMessage } from '../../ui/issues';
import { Segmented } from '../shared/Segmented';
import { SettingsSection } from './SettingsSection';

type LocaleChoice = Locale | 'system';

/** Language and theme, saved in the profile. The language applies here at once; the shell applies the theme. */
export function PreferencesSection() {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const profile = useChannel('profile.get', undefined);

  const chooseLocale = async (choice: LocaleChoice) => {
    const locale = choice === 'system' ? null : choice;
    try {
      await invoke('profile.update', { locale });
      setLanguage(locale ?? languageOf(navigator.language));
    } catch (error) {
      toast.show(errorMessage(t, error));
    }
  };
  const chooseTheme = async (theme: Profile['theme']) => {
    try {
      await invoke('profile.update', { theme });
    } catch (error) {
      toast.show(errorMessage(t, error));
    }
  };

  if (!profile.data) return null;
  return (
    <SettingsSection id="appearance" title={t('appearance.title')}>
      <div className="st-preference">
        <Segmented<LocaleChoice>
          showLabel
          label={t('appearance.language')}
          value={profile.data.locale ?? 'system'}
          onChange={(choice) => void chooseLocale(choice)}
          options={[
            { value: 'system', label: t('appearance.system') },
            // Each language is named in itself, so it can be found whatever the current one is.
            ...locales.map((locale) => ({ value: locale, label: t(`appearance.languageName.${locale}`) })),
          ]}
        />
      </div>
      <div className="st-preference">
        <Segmented<Profile['theme']>
          showLabel
          label={t('appearance.theme')}
          value={profile.data.theme}
          onChange={(theme) => void chooseTheme(theme)}
          options={themes.map((theme) => ({ value: theme, label: t(`appearance.themeName.${theme}`) }))}
        />
      </div>
    </SettingsSection>
  );
}
