import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/toast';
import { errorMessage } from '../../ui/issues';
import { ExternalLink } from '../../ui/ExternalLink';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { useInlineEditing } from '../shared/focus';
import { ContactForm } from './ContactForm';
import { ContactPicker } from './ContactPicker';
import '../shared/records.css';
import './contacts.css';

/** The people of one application: link someone already known, create someone new in place, unlink (with Undo). */
export function ApplicationContacts({ applicationId, companyId }: { applicationId: string; companyId: string }) {
  const { t } = useTranslation(['contacts', 'crm']);
  const format = useFormat();
  const headingId = useId();
  const toast = useToast();
  const [problem, setProblem] = useState<string | null>(null);
  const { editingId, open, close, containerRef } = useInlineEditing<HTMLElement>();
  const linked = useChannel('contacts.list', { applicationId, limit: 1000 });
  const company = useChannel('companies.get', { id: companyId }, { enabled: editingId === 'new' });
  const contacts = linked.data?.items ?? [];

  const run = async (action: () => Promise<unknown>, undoMessage?: string, undo?: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
      if (undoMessage && undo) toast.showUndo(undoMessage, undo);
    } catch (error) {
      setProblem(errorMessage(t, error));
    }
  };
  const link = (contactId: string) => run(() => invoke('contacts.link', { contactId, applicationId }));
  const unlink = (contact: Contact) =>
    run(
      () => invoke('contacts.unlink', { contactId: contact.id, applicationId }),
      t('toast.unlinked', { name: contact.name }),
      () => invoke('contacts.link', { contactId: contact.id, applicationId }),
    );

  return (
    <section ref={containerRef} className="card side-section rec-embedded" aria-labelledby={headingId}>
      <header className="rec-embedded-header">
        <h2 className="section-title" id={headingId}>{t('embedded.title')}</h2>
        {editingId !== 'new' && (
          <Button size="sm" data-return-focus="new" onClick={() => open('new')}>
            {t('embedded.create')}
          </Button>
        )}
      </header>
      {(linked.error || problem) && (
        <p className="rec-form-error" role="alert">
          {problem ?? errorMessage(t, linked.error)}
        </p>
      )}
      {linked.isSuccess && contacts.length === 0 && <p className="muted">{t('embedded.empty')}</p>}
      <ul className="rec-list ct-linked">
        {contacts.map((contact) => (
          <li key={contact.id} className="ct-linked-item">
            <div>
              <Link to={`/contacts?selected=${contact.id}`}>{contact.name}</Link>
              {contact.role && <span className="muted"> · {contact.role}</span>}
              {contact.email && (
                <>
                  <span className="muted"> · </span>
                  <ExternalLink href={`mailto:${contact.email}`}>{contact.email}</ExternalLink>
                </>
              )}
              {contact.lastContactedOn && <div className="muted ct-last-contacted">{t('crm:lastContactedOn', { date: format.date(contact.lastContactedOn) })}</div>}
            </div>
            <Button size="sm" onClick={() => void unlink(contact)} aria-label={t('embedded.unlinkLabel', { name: contact.name })}>
              {t('embedded.unlink')}
            </Button>
          </li>
        ))}
      </ul>
      {editingId === 'new' ? (
        (company.data || company.error) && (
          <ContactForm
            inline
            applicationId={applicationId}
            company={company.data ? { id: company.data.id, label: company.data.name } : null}
            onDone={close}
            onCancel={close}
          />
        )
      ) : (
        <Field label={t('embedded.link')} className="ct-link-field">
          {(control) => <ContactPicker companyId={companyId} excludeIds={new Set(contacts.map((contact) => contact.id))} onPick={(option) => void link(option.id)} control={control} />}
        </Field>
      )}
    </section>
  );
}
