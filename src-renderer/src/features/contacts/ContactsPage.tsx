import { keepPreviousData } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ContactDetail } from '../../../../src-shared/contract';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { errorMessage } from '../../ui/issues';
import { useFormat } from '../../ui/format';
import { useUndoableDelete } from '../shared/useUndoableDelete';
import { SearchField, ShowMore, useSearchedList } from '../shared/SearchedList';
import { ContactDetails } from './ContactDetails';
import { ContactForm } from './ContactForm';
import '../shared/records.css';
import './contacts.css';

const pageSize = 200;

/** Arrow keys move between the contacts of the list (each one is a button). */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = buttons[index + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** The people met along the search: a searchable list, and the selected contact's details beside it. */
export default function ContactsPage() {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('selected');
  const search = useSearchedList(pageSize);
  const [dialog, setDialog] = useState<'new' | 'edit' | null>(null);
  const deleteContact = useUndoableDelete('contacts');
  const list = useChannel('contacts.list', { text: search.search, limit: search.limit }, { placeholderData: keepPreviousData });
  const selected = useChannel('contacts.get', { id: selectedId ?? '' }, { enabled: Boolean(selectedId) });
  const contacts = list.data?.items ?? [];

  const select = (id: string | null) => setParams(id ? { selected: id } : {}, { replace: true });
  const onSaved = (contact: ContactDetail) => {
    setDialog(null);
    select(contact.id);
  };
  const onDelete = async (contact: ContactDetail) => {
    if (await deleteContact(contact.id, t('toast.deleted', { name: contact.name }))) select(null);
  };

  return (
    <div className="page">
      <header className="page-header rec-page-header">
        <div>
          <h1>{t('title')}</h1>
          {list.data && <p className="muted">{t('count', { count: list.data.total, formatted: format.number(list.data.total) })}</p>}
        </div>
        <Button variant="primary" onClick={() => setDialog('new')}>
          {t('new')}
        </Button>
      </header>

      {list.error && (
        <p className="rec-form-error" role="alert">
          {errorMessage(t, list.error)}
        </p>
      )}

      {list.isSuccess && list.data.total === 0 && !search.search ? (
        <EmptyState
          icon="users"
          title={t('empty.title')}
          actions={
            <Button variant="primary" onClick={() => setDialog('new')}>
              {t('new')}
            </Button>
          }
        >
          {t('empty.text')}
        </EmptyState>
      ) : (
        <div className="ct-layout">
          <div className="ct-master">
            <SearchField label={t('search')} value={search.text} onChange={search.setText} />
            {list.isSuccess && contacts.length === 0 && <p className="muted">{t('empty.search', { text: search.search })}</p>}
            <ul className="ct-list" aria-label={t('listLabel')} onKeyDown={moveFocus}>
              {contacts.map((contact) => (
                <li key={contact.id}>
                  <button type="button" className="ct-item" aria-current={contact.id === selectedId ? 'true' : undefined} onClick={() => select(contact.id)}>
                    <span className="ct-item-name">{contact.name}</span>
                    <span className="muted">{[contact.role, contact.companyName].filter(Boolean).join(' · ')}</span>
                    {contact.lastContactedOn && <span className="muted">{t('crm:lastContactedOn', { date: format.date(contact.lastContactedOn) })}</span>}
                  </button>
                </li>
              ))}
            </ul>
            <ShowMore shown={contacts.length} total={list.data?.total} onClick={search.showMore} />
          </div>
          <div className="card rec-card ct-pane">
            {selected.data && selectedId ? (
              <ContactDetails contact={selected.data} onEdit={() => setDialog('edit')} onDelete={() => void onDelete(selected.data)} />
            ) : selected.error ? (
              <p className="muted">{selected.error.code === 'NOT_FOUND' ? t('detail.gone') : errorMessage(t, selected.error)}</p>
            ) : (
              <p className="muted ct-pane-hint">{t('detail.pick')}</p>
            )}
          </div>
        </div>
      )}

      <Dialog open={dialog !== null} title={dialog === 'edit' ? t('dialog.editTitle') : t('dialog.newTitle')} onClose={() => setDialog(null)} width="min(720px, calc(100vw - 48px))">
        <ContactForm contact={dialog === 'edit' ? selected.data : undefined} onDone={onSaved} onCancel={() => setDialog(null)} />
      </Dialog>
    </div>
  );
}
