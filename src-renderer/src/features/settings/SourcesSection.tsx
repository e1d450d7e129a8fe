import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/toast';
import { errorMessage } from '../../ui/issues';
import { useFormat } from '../../ui/format';
import { AddNameForm } from './AddNameForm';
import { SettingsSection } from './SettingsSection';

/**
 * Where applications come from. Built-in sources are always there (and translated); the user's own can be added
 * and removed (Undo adds it back). Values found on applications but never added are listed so they can be kept.
 */
export function SourcesSection() {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const toast = useToast();
  const query = useChannel('sources.list', undefined);

  /** Keeps a source found on applications: adds it to the user's list. */
  const keep = async (sourceName: string) => {
    try {
      await invoke('sources.create', { name: sourceName });
    } catch (error) {
      toast.show(errorMessage(t, error));
    }
  };
  const remove = async (id: string, sourceName: string) => {
    try {
      await invoke('sources.delete', { id });
      toast.showUndo(t('sources.deleted', { name: sourceName }), () => invoke('sources.create', { name: sourceName }));
    } catch (error) {
      toast.show(errorMessage(t, error));
    }
  };

  return (
    <SettingsSection id="sources" title={t('sources.title')} description={t('sources.description')}>
      {query.error && (
        <p className="rec-form-error" role="alert">
          {errorMessage(t, query.error)}
        </p>
      )}
      <h3 className="st-subtitle">{t('sources.builtIn')}</h3>
      <ul className="st-chips" aria-label={t('sources.builtIn')}>
        {query.data?.builtIn.map((source) => (
          <li key={source} className="rec-chip">
            {t(`common:source.${source}`)}
          </li>
        ))}
      </ul>
      <h3 className="st-subtitle">{t('sources.custom')}</h3>
      {query.data && query.data.custom.length === 0 && <p className="muted">{t('sources.customEmpty')}</p>}
      <ul className="rec-list st-sources">
        {query.data?.custom.map((source) => (
          <li key={source.id ?? `found:${source.name}`} className="st-source">
            <span>{source.name}</span>
            <span className="muted">{t('sources.applications', { count: source.applicationCount, formatted: format.number(source.applicationCount) })}</span>
            {source.id ? (
              <Button variant="danger" size="sm" onClick={() => void remove(source.id!, source.name)} aria-label={t('sources.deleteLabel', { name: source.name })}>
                {t('common:actions.delete')}
              </Button>
            ) : (
              <Button size="sm" onClick={() => void keep(source.name)} aria-label={t('sources.keepLabel', { name: source.name })}>
                {t('sources.keep')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <AddNameForm label={t('sources.newLabel')} onAdd={(sourceName) => invoke('sources.create', { name: sourceName })} />
    </SettingsSection>
  );
}
