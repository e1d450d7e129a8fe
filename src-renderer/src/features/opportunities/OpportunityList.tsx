import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Opportunity } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { Button } from '../../ui/Button';
import { ExternalLink } from '../../ui/ExternalLink';
import { useFormat } from '../../ui/format';
import { errorMessage } from '../../ui/issues';
import { useToast } from '../../ui/toast';
import { AnalyseButton } from '../ai/AnalyseButton';

/**
 * Postings of the inbox (or of another list): title, company, place, when posted; the posting's text on demand;
 * Track (a wishlist application), Dismiss (undo in the toast) and Mark as seen. Opening the text marks it seen.
 */
export function OpportunityList({ items }: { items: Opportunity[] }) {
  const { t } = useTranslation('watch');
  const format = useFormat();
  const toast = useToast();
  const navigate = useNavigate();

  const failed = (error: unknown) => toast.show(errorMessage(t, error));
  const track = async (item: Opportunity) => {
    try {
      const { applicationId } = await invoke('opportunities.track', { id: item.id });
      toast.show(t('inbox.tracked', { title: item.title }));
      void navigate(`/applications/${applicationId}`);
    } catch (error) {
      failed(error);
    }
  };
  const dismiss = async (item: Opportunity) => {
    try {
      await invoke('opportunities.act', { action: 'dismiss', ids: [item.id] });
      toast.showUndo(t('inbox.dismissed', { title: item.title }), () => invoke('opportunities.act', { action: 'restore', ids: [item.id] }));
    } catch (error) {
      failed(error);
    }
  };
  const seen = (item: Opportunity) => {
    if (item.status === 'new') void invoke('opportunities.act', { action: 'seen', ids: [item.id] });
  };

  return (
    <ul className="rec-list op-items" aria-label={t('title')}>
      {items.map((item) => {
        const salary = format.salary(item);
        const open = item.closedAt === null;
        return (
          <li key={item.id} className={['card', 'op-item', item.status === 'new' ? 'op-item-new' : ''].join(' ')}>
            <div className="op-item-head">
              <h3 className="op-item-title">
                {item.status === 'new' && open && <span className="badge op-badge-new">{t('inbox.new')}</span>}
                {item.url ? <ExternalLink href={item.url}>{item.title}</ExternalLink> : item.title}
              </h3>
              <p className="muted op-item-meta">
                {[
                  item.companyName,
                  item.location,
                  item.remote ? t('inbox.remote') : null,
                  salary || null,
                  item.postedAt ? t('inbox.posted', { date: format.date(item.postedAt.slice(0, 10)) }) : null,
                  item.closedAt ? t('inbox.closed', { when: format.relative(item.closedAt) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </div>
            {item.description && (
              <details className="op-item-text" onToggle={(event) => (event.currentTarget.open ? seen(item) : undefined)}>
                <summary>{t('inbox.details')}</summary>
                <p className="op-item-description">{item.description}</p>
              </details>
            )}
            <div className="rec-row-actions op-item-actions">
              {item.status === 'tracked' && item.applicationId ? (
                <Button size="sm" icon="arrowRight" onClick={() => void navigate(`/applications/${item.applicationId}`)}>
                  {t('inbox.openApplication')}
                </Button>
              ) : (
                <Button size="sm" variant="primary" icon="plus" onClick={() => void track(item)}>
                  {t('inbox.track')}
                </Button>
              )}
              {(item.status === 'new' || item.status === 'seen') && (
                <Button size="sm" onClick={() => void dismiss(item)}>
                  {t('inbox.dismiss')}
                </Button>
              )}
              {item.description && <AnalyseButton size="sm" input={{ opportunityId: item.id }} />}
              {item.status === 'new' && (
                <Button size="sm" variant="ghost" icon="check" onClick={() => seen(item)}>
                  {t('inbox.seen')}
                </Button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
