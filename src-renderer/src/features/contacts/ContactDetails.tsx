import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactDetail } from '../../../../src-shared/contract';
import { Button } from '../../ui/Button';
import { ExternalLink } from '../../ui/ExternalLink';
import { useFormat } from '../../ui/format';
import { applicationLabel, hostOf } from '../shared/labels';
import { FollowUpField } from './FollowUpField';
import { InteractionLog } from './InteractionLog';

/** Everything known about one contact, and the applications they are part of. */
export function ContactDetails({ contact, onEdit, onDelete }: { contact: ContactDetail; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation(['contacts', 'crm']);
  const format = useFormat();
  const followUpId = useId();
  return (
    <article className="ct-detail" aria-labelledby="contact-detail-name">
      <header className="ct-detail-header">
        <div>
          <h2 id="contact-detail-name">{contact.name}</h2>
          {(contact.role || contact.companyName) && (
            <p className="muted">
              {contact.role && contact.companyName && contact.companyId ? (
                <>
                  {t('detail.roleAt', { role: contact.role })} <Link to={`/companies/${contact.companyId}`}>{contact.companyName}</Link>
                </>
              ) : contact.companyId && contact.companyName ? (
                <Link to={`/companies/${contact.companyId}`}>{contact.companyName}</Link>
              ) : (
                contact.role
              )}
            </p>
          )}
        </div>
        <div className="rec-header-actions">
          <Button size="sm" onClick={onEdit}>
            {t('common:actions.edit')}
          </Button>
          <Button variant="danger" size="sm" onClick={onDelete}>
            {t('common:actions.delete')}
          </Button>
        </div>
      </header>
      <dl className="ct-facts">
        <div>
          <dt>{t('crm:lastContacted')}</dt>
          <dd>
            {contact.lastContactedOn ? (
              <>
                {format.date(contact.lastContactedOn)}{' '}
                <span className="muted">({format.relativeDay(contact.lastContactedOn)})</span>
              </>
            ) : (
              <span className="muted">{t('crm:neverContacted')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>
            <label htmlFor={followUpId}>{t('crm:followUp.label')}</label>
          </dt>
          <dd>
            <FollowUpField contact={contact} id={followUpId} />
          </dd>
        </div>
        {contact.email && (
          <div>
            <dt>{t('field.email')}</dt>
            <dd>
              <ExternalLink href={`mailto:${contact.email}`}>{contact.email}</ExternalLink>
            </dd>
          </div>
        )}
        {contact.phone && (
          <div>
            <dt>{t('field.phone')}</dt>
            <dd>
              <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
            </dd>
          </div>
        )}
        {contact.linkedinUrl && (
          <div>
            <dt>{t('field.linkedinUrl')}</dt>
            <dd>
              <ExternalLink href={contact.linkedinUrl}>{hostOf(contact.linkedinUrl)}</ExternalLink>
            </dd>
          </div>
        )}
      </dl>
      {contact.notes && <p className="rec-prewrap">{contact.notes}</p>}
      <InteractionLog contact={contact} />
      <h3>{t('detail.applications')}</h3>
      {contact.applications.length === 0 ? (
        <p className="muted">{t('detail.noApplications')}</p>
      ) : (
        <ul className="ct-applications">
          {contact.applications.map((application) => (
            <li key={application.id}>
              <Link to={`/applications/${application.id}`}>{applicationLabel(t, application)}</Link>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
