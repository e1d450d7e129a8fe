import { useTranslation } from 'react-i18next';
import { invokeShell } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/toast';
import { SettingsSection } from './SettingsSection';

/** Where the data lives. Only the desktop app can open a folder; in a browser the path is shown to copy. */
export function DataSection() {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const info = useChannel('app.info', undefined);

  const openFolder = async () => {
    try {
      await invokeShell('shell.openDataFolder', undefined);
    } catch {
      toast.show(t('data.openFailed'));
    }
  };

  return (
    <SettingsSection id="data" title={t('data.title')} description={t('data.description')}>
      {info.data && (
        <>
          <dl className="st-facts">
            <div>
              <dt>{t('data.folder')}</dt>
              <dd>
                <code className="st-path">{info.data.dataDir}</code>
              </dd>
            </div>
            <div>
              <dt>{t('data.database')}</dt>
              <dd>
                <code className="st-path">{info.data.databasePath}</code>
              </dd>
            </div>
            <div>
              <dt>{t('data.version')}</dt>
              <dd>{t('data.versionValue', { version: info.data.version, schema: info.data.schemaVersion })}</dd>
            </div>
          </dl>
          {window.candid && (
            <div>
              <Button icon="folder" onClick={() => void openFolder()}>
                {t('data.open')}
              </Button>
            </div>
          )}
        </>
      )}
    </SettingsSection>
  );
}
