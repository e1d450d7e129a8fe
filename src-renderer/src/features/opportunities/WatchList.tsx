import { useTranslation } from 'react-i18next';
import type { BoardWatch } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { IconButton } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { errorMessage } from '../../ui/issues';
import { useToast } from '../../ui/toast';

/** The watched boards: their filters, this device's last check (and why it failed), and edit / delete with undo. */
export function WatchList({ watches, onEdit }: { watches: BoardWatch[]; onEdit(watch: BoardWatch): void }) {
  const { t } = useTranslation('watch');
  const format = useFormat();
  const toast = useToast();
  const terms = (values: string[]) => (values.length > 0 ? values.join(', ') : t('watches.anyTerm'));

  const remove = async (watch: BoardWatch) => {
    try {
      await invoke('watches.delete', { id: watch.id });
    } catch (error) {
      toast.show(errorMessage(t, error));
      return;
    }
    toast.showUndo(t('watches.deleted', { company: watch.companyName }), () => invoke('watches.restore', { id: watch.id }));
  };

  return (
    <ul className="rec-list op-watches">
      {watches.map((watch) => (
        <li key={watch.id} className="card op-watch">
          <div className="op-watch-main">
            <h3 className="op-watch-title">
              {watch.companyName}
              <span className="muted op-watch-board">
                {t(`kinds.${watch.kind}`)} · {watch.board}
              </span>
              {watch.newCount > 0 && <span className="badge op-badge-new">{t('watches.newCount', { count: watch.newCount })}</span>}
            </h3>
            <p className="muted op-watch-filters">
              {t('watches.filters', { keywords: terms(watch.keywords), locations: terms(watch.locations), remote: t(`remote.${watch.remote}`) })}
            </p>
            <p className="muted op-watch-check">
              {watch.checkedAt ? t('watches.checked', { when: format.relative(watch.checkedAt) }) : t('watches.neverChecked')}
              {watch.nextCheckAt && <> · {t('watches.nextCheck', { when: format.relative(watch.nextCheckAt) })}</>}
            </p>
            {watch.error && (
              <p className="op-watch-error" role="status">
                {t(`watches.error.${watch.error.code}`, { status: watch.error.status ?? '' })} {t('watches.failures', { count: watch.failures })}
              </p>
            )}
          </div>
          <div className="rec-row-actions">
            <IconButton icon="settings" size="sm" label={t('watches.edit', { company: watch.companyName })} onClick={() => onEdit(watch)} />
            <IconButton icon="trash" size="sm" label={t('watches.delete', { company: watch.companyName })} onClick={() => void remove(watch)} />
          </div>
        </li>
      ))}
    </ul>
  );
}
