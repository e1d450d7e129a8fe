import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardWatch } from '../../../../src-shared/contract';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { useFormat } from '../../ui/format';
import { errorMessage } from '../../ui/issues';
import { BoardAddresses } from './BoardAddresses';
import { OpportunityList } from './OpportunityList';
import { WatchForm } from './WatchForm';
import { WatchList } from './WatchList';
import '../shared/records.css';
import './opportunities.css';

const lists = ['inbox', 'dismissed', 'tracked', 'closed'] as const;
type List = (typeof lists)[number];
const pageSize = 50;

/** Watched company boards and the postings they brought: the inbox to sort (track, dismiss), and the other lists. */
export default function OpportunitiesPage() {
  const { t } = useTranslation('watch');
  const format = useFormat();
  const [list, setList] = useState<List>('inbox');
  const [limit, setLimit] = useState(pageSize);
  const [editing, setEditing] = useState<BoardWatch | 'new' | null>(null);
  const watches = useChannel('watches.list', undefined);
  const items = useChannel('opportunities.list', { status: list, limit });
  const error = watches.error ?? items.error;
  const noWatches = watches.isSuccess && watches.data.length === 0;

  return (
    <div className="page op-page">
      <header className="page-header rec-page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        <div className="rec-header-actions">
          <Button variant="primary" icon="plus" onClick={() => setEditing('new')}>
            {t('watches.add')}
          </Button>
        </div>
      </header>

      {error && (
        <p className="rec-form-error" role="alert">
          {errorMessage(t, error)}
        </p>
      )}

      {noWatches ? (
        <EmptyState
          icon="inbox"
          title={t('empty.title')}
          actions={
            <Button variant="primary" icon="plus" onClick={() => setEditing('new')}>
              {t('watches.add')}
            </Button>
          }
        >
          {t('empty.text')}
        </EmptyState>
      ) : (
        <>
          <section className="op-section" aria-labelledby="op-watches-title">
            <h2 id="op-watches-title">{t('watches.title')}</h2>
            <WatchList watches={watches.data ?? []} onEdit={setEditing} />
          </section>
          <section className="op-section" aria-labelledby="op-inbox-title">
            <h2 id="op-inbox-title" className="sr-only">
              {t(`inbox.filters.${list}`)}
            </h2>
            <div className="op-tabs" role="radiogroup" aria-label={t('inbox.label')}>
              {lists.map((name) => (
                <label key={name} className={['op-tab', list === name ? 'op-tab-active' : ''].join(' ')}>
                  <input
                    type="radio"
                    name="op-list"
                    value={name}
                    checked={list === name}
                    onChange={() => {
                      setList(name);
                      setLimit(pageSize);
                    }}
                  />
                  {t(`inbox.filters.${name}`)}
                  {name === 'inbox' && items.data && items.data.newCount > 0 && <span className="rec-count">{format.number(items.data.newCount)}</span>}
                </label>
              ))}
            </div>
            {items.data && items.data.items.length === 0 ? (
              <p className="muted op-empty">{t(list === 'inbox' ? 'inbox.emptyInbox' : 'inbox.emptyOther')}</p>
            ) : (
              <OpportunityList items={items.data?.items ?? []} />
            )}
            {items.data && items.data.total > items.data.items.length && (
              <Button className="rec-show-more" onClick={() => setLimit((current) => current + pageSize)}>
                {t('inbox.showMore')}
              </Button>
            )}
          </section>
        </>
      )}

      <BoardAddresses />
      {editing && <WatchForm watch={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
