import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { AppError } from '../../../../src-shared/errors';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/toast';
import { Dialog } from '../../ui/Dialog';
import { errorMessage } from '../../ui/issues';
import { ExternalLink } from '../../ui/ExternalLink';
import { useUndoableDelete } from '../shared/useUndoableDelete';
import { CompanyApplications } from './CompanyApplications';
import { CompanyFacts } from './CompanyFacts';
import { CompanyForm } from './CompanyForm';
import { MergeCompanyForm } from './MergeCompanyForm';
import '../shared/records.css';
import './companies.css';

/** A company's whole memory: every application and how far it went, how fast they answer, who you know there. */
export default function CompanyPage() {
  const { t } = useTranslation('companies');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const deleteCompany = useUndoableDelete('companies');
  const [dialog, setDialog] = useState<'edit' | 'merge' | null>(null);
  const [deleteProblem, setDeleteProblem] = useState<string | null>(null);
  const query = useChannel('companies.get', { id }, { enabled: id !== '' });
  const company = query.data;

  if (query.error) {
    return (
      <div className="page">
        <p className="rec-form-error" role="alert">
          {query.error.code === 'NOT_FOUND' ? t('page.notFound') : errorMessage(t, query.error)}
        </p>
        <Link to="/companies">{t('page.back')}</Link>
      </div>
    );
  }
  if (!company) return <div className="page" aria-busy="true" />;

  const onDelete = async () => {
    setDeleteProblem(null);
    const deleted = await deleteCompany(company.id, t('toast.deleted', { name: company.name }), (error) => {
      // A company with applications cannot go: say why and what to do instead.
      const count = error instanceof AppError && error.code === 'CONFLICT' ? Number(error.details?.applicationCount ?? 0) : 0;
      setDeleteProblem(count > 0 ? t('delete.hasApplications', { count, name: company.name }) : errorMessage(t, error));
    });
    if (deleted) void navigate('/companies');
  };

  return (
    <div className="page">
      <nav aria-label={t('page.breadcrumb')} className="rec-breadcrumb">
        <Link to="/companies">{t('title')}</Link>
      </nav>
      <header className="page-header rec-page-header">
        <div>
          <h1>{company.name}</h1>
          <CompanyFacts company={company} />
        </div>
        <div className="rec-header-actions">
          <Button onClick={() => setDialog('edit')}>
            {t('common:actions.edit')}
          </Button>
          <Button onClick={() => setDialog('merge')}>
            {t('merge.open')}
          </Button>
          <Button variant="danger" onClick={() => void onDelete()}>
            {t('common:actions.delete')}
          </Button>
        </div>
      </header>
      {deleteProblem && (
        <p className="rec-callout rec-callout-warning" role="alert">
          {deleteProblem}
        </p>
      )}

      <CompanyApplications company={company} />

      <section className="card rec-card" aria-labelledby="company-contacts">
        <h2 id="company-contacts">{t('contacts.title')}</h2>
        {company.contacts.length === 0 ? (
          <p className="muted">{t('contacts.empty')}</p>
        ) : (
          <ul className="co-contacts">
            {company.contacts.map((contact) => (
              <li key={contact.id}>
                <Link to={`/contacts?selected=${contact.id}`}>{contact.name}</Link>
                {contact.role && <span className="muted">{contact.role}</span>}
                {contact.email && <ExternalLink href={`mailto:${contact.email}`}>{contact.email}</ExternalLink>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card rec-card" aria-labelledby="company-notes">
        <h2 id="company-notes">{t('field.notes')}</h2>
        {company.notes ? <p className="rec-prewrap">{company.notes}</p> : <p className="muted">{t('notesEmpty')}</p>}
      </section>

      <Dialog open={dialog === 'edit'} title={t('dialog.editTitle', { name: company.name })} onClose={() => setDialog(null)} width="min(720px, calc(100vw - 48px))">
        <CompanyForm company={company} onDone={() => setDialog(null)} onCancel={() => setDialog(null)} />
      </Dialog>
      <Dialog open={dialog === 'merge'} title={t('merge.title', { name: company.name })} onClose={() => setDialog(null)}>
        <MergeCompanyForm
          target={company}
          onDone={(merged, undo) => {
            setDialog(null);
            toast.showUndo(t('toast.merged', { source: merged, target: company.name }), () => invoke('companies.unmerge', undo));
          }}
          onCancel={() => setDialog(null)}
        />
      </Dialog>
    </div>
  );
}
