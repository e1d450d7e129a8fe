import { useTranslation } from 'react-i18next';
import { AutomationSection } from './AutomationSection';
import { DataSection } from './DataSection';
import { PreferencesSection } from './PreferencesSection';
import { ProfileSection } from './ProfileSection';
import { SourcesSection } from './SourcesSection';
import { StagesSection } from './StagesSection';
import { SyncSection } from '../sync/SyncSection';
import '../shared/records.css';
import './settings.css';

const sections = ['profile', 'appearance', 'automation', 'stages', 'sources', 'sync', 'data'] as const;

/** Settings: who you are, how Candid looks and speaks, your pipeline's stages, your sources, where the data is. */
export default function SettingsPage() {
  const { t } = useTranslation('settings');
  return (
    <div className="page st-page">
      <header className="page-header rec-page-header">
        <h1>{t('title')}</h1>
      </header>
      <nav className="st-toc" aria-label={t('tocLabel')}>
        {sections.map((section) => (
          <a key={section} href={`#settings-${section}`} onClick={(event) => {
            // Hash routing owns the URL's #: scroll without touching it.
            event.preventDefault();
            const target = document.getElementById(`settings-${section}`);
            target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
            target?.querySelector<HTMLElement>('h2')?.focus();
          }}>
            {t(`toc.${section}`)}
          </a>
        ))}
      </nav>
      <ProfileSection />
      <PreferencesSection />
      <AutomationSection />
      <StagesSection />
      <SourcesSection />
      <SyncSection />
      <DataSection />
    </div>
  );
}
