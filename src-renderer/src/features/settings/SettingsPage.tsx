import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AutomationSection } from './AutomationSection';
import { DataSection } from './DataSection';
import { PreferencesSection } from './PreferencesSection';
import { ProfileSection } from './ProfileSection';
import { SourcesSection } from './SourcesSection';
import { StagesSection } from './StagesSection';
import { SyncSection } from '../sync/SyncSection';
import { ExtensionSection } from '../extension/ExtensionSection';
import { CustomFieldsSection } from '../customFields/CustomFieldsSection';
import { AiSection } from '../ai/AiSection';
import '../shared/records.css';
import './settings.css';

const sections = ['profile', 'appearance', 'automation', 'stages', 'sources', 'customFields', 'sync', 'ai', 'extension', 'data'] as const;

function showSection(section: string, behavior: ScrollBehavior = 'auto'): void {
  const target = document.getElementById(`settings-${section}`);
  target?.scrollIntoView({ behavior, block: 'start' });
  target?.querySelector<HTMLElement>('h2')?.focus();
}

/** Settings: who you are, how Candid looks and speaks, your pipeline's stages, your sources, where the data is. */
export default function SettingsPage() {
  const { t } = useTranslation('settings');
  // `?section=data` opens the page on that section (the browser's File > "Where the data is").
  const [searchParams] = useSearchParams();
  const opened = searchParams.get('section');
  useEffect(() => {
    if (opened) showSection(opened);
  }, [opened]);
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
            showSection(section, 'smooth');
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
      <CustomFieldsSection />
      <SyncSection />
      <AiSection />
      <ExtensionSection />
      <DataSection />
    </div>
  );
}
