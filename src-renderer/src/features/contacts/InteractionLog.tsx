import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactDetail, ContactInteraction } from '../../../../src-shared/contract';
import { Button } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { useInlineEditing } from '../shared/focus';
import { useUndoableDelete } from '../shared/useUndoableDelete';
import { InteractionForm } from './InteractionForm';

/** The contact's log, newest first: logged, edited in place and deleted (with Undo). */
export function InteractionLog({ contact }: { contact: ContactDetail }) {
  const { t } = useTranslation('crm');
  const format = useFormat();
  const headingId = useId();
  const { editingId, open, close, containerRef } = useInlineEditing<HTMLElement>();
  const deleteInteraction = useUndoableDelete('interactions');
  const label = (entry: ContactInteraction) => t('log.label', { channel: t(`channel.${entry.channel}`), date: format.date(entry.occurredOn) });

  return (
    <section ref={containerRef} className="ct-log" aria-labelledby={headingId}>
      <header className="rec-embedded-header">
        <h3 id={headingId}>{t('log.title')}</h3>
        {editingId !== 'new' && (
          <Button size="sm" icon="plus" onClick={() => open('new')} data-return-focus="new">
            {t('log.add')}
          </Button>
        )}
      </header>
      {editingId === 'new' && <InteractionForm contact={contact} onDone={close} onCancel={close} />}
      {contact.interactions.length === 0 && editingId !== 'new' && <p className="muted">{t('log.empty')}</p>}
      <ol className="ct-log-list" aria-labelledby={headingId}>
        {contact.interactions.map((entry) =>
          entry.id === editingId ? (
            <li key={entry.id}>
              <InteractionForm contact={contact} interaction={entry} onDone={close} onCancel={close} />
            </li>
          ) : (
            <li key={entry.id} className="ct-log-entry" aria-label={label(entry)}>
              <div className="ct-log-head">
                <span className="rec-chip">{t(`channel.${entry.channel}`)}</span>
                <time dateTime={entry.occurredOn}>{format.date(entry.occurredOn)}</time>
                {entry.applicationId && entry.applicationLabel && (
                  <span className="muted ct-log-about">
                    {t('log.about')} <Link to={`/applications/${entry.applicationId}`}>{entry.applicationLabel}</Link>
                  </span>
                )}
                <span className="rec-row-actions">
                  <Button size="sm" variant="ghost" onClick={() => open(entry.id)} data-return-focus={entry.id} aria-label={t('log.edit', { date: format.date(entry.occurredOn) })}>
                    {t('common:actions.edit')}
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => void deleteInteraction(entry.id, t('log.deleted', { date: format.date(entry.occurredOn) }))}
                    aria-label={t('log.delete', { date: format.date(entry.occurredOn) })}
                  >
                    {t('common:actions.delete')}
                  </Button>
                </span>
              </div>
              {entry.note && <p className="rec-prewrap ct-log-note">{entry.note}</p>}
            </li>
          ),
        )}
      </ol>
      {contact.interactionCount > contact.interactions.length && (
        <p className="muted">{t('log.more', { shown: format.number(contact.interactions.length), total: format.number(contact.interactionCount) })}</p>
      )}
    </section>
  );
}
