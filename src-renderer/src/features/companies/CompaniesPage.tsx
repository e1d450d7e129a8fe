import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { errorMessage } from '../../ui/issues';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { SearchField, ShowMore, useSearchedList } from '../shared/SearchedList';
import { CompanyForm } from './CompanyForm';
import '../shared/records.css';
import './companies.css';

type Sort = 'name' | 'applications' | 'lastApplied';
const pageSize = 100;

/** Every company the user dealt with: how many applications, how many still open, when last. */
export default function CompaniesPage() {
  const { t } = useTranslation('companies');
  const format = useFormat();
  const navigate = useNavigate();
  const list = useSearchedList(pageSize);
  const [sort, setSort] = useState<Sort>('name');
  const [creating, setCreating] = useState(false);
  const query = useChannel('companies.list', { text: list.search, sort, limit: list.limit }, { placeholderData: keepPreviousData });
  const companies = query.data?.items ?? [];

  return (
    <div className="page">
      <header className="page-header rec-page-header">
        <div>
          <h1>{t('title')}</h1>
          {query.data && <p className="muted">{t('count', { count: query.data.total, formatted: format.number(query.data.total) })}</p>}
        </div>
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t('new')}
        </Button>
      </header>

      <div className="rec-toolbar">
        <SearchField label={t('search')} value={list.text} onChange={list.setText} />
        <Field label={t('sort.label')}>
          {(control) => (
            <select className="select" {...control} value={sort} onChange={(event) => setSort(event.target.value as Sort)}>
              <option value="name">{t('sort.name')}</option>
              <option value="applications">{t('sort.applications')}</option>
              <option value="lastApplied">{t('sort.lastApplied')}</option>
            </select>
          )}
        </Field>
      </div>

      {query.error && (
        <p className="rec-form-error" role="alert">
          {errorMessage(t, query.error)}
        </p>
      )}

      {query.isSuccess && companies.length === 0 ? (
        list.search ? (
          <EmptyState icon="search" title={t('empty.searchTitle', { text: list.search })}>{t('empty.searchText')}</EmptyState>
        ) : (
          <EmptyState
            icon="building"
            title={t('empty.title')}
            actions={
              <Button variant="primary" onClick={() => setCreating(true)}>
                {t('new')}
              </Button>
            }
          >
            {t('empty.text')}
          </EmptyState>
        )
      ) : (
        <table className="rec-table">
          <thead>
            <tr>
              <th scope="col">{t('column.name')}</th>
              <th scope="col" className="rec-num">
                {t('column.applications')}
              </th>
              <th scope="col" className="rec-num">
                {t('column.active')}
              </th>
              <th scope="col">{t('column.lastApplied')}</th>
              <th scope="col">{t('column.industry')}</th>
              <th scope="col">{t('column.location')}</th>
            </tr>
          </thead>
          <tbody>
            {companies.map((company) => (
              <tr key={company.id} className="rec-clickable-row" onClick={() => void navigate(`/companies/${company.id}`)}>
                <td>
                  <Link to={`/companies/${company.id}`} onClick={(event) => event.stopPropagation()}>
                    {company.name}
                  </Link>
                </td>
                <td className="rec-num">{format.number(company.applicationCount)}</td>
                <td className="rec-num">{format.number(company.activeCount)}</td>
                <td>{company.lastAppliedOn ? format.date(company.lastAppliedOn) : <span className="muted">{t('never')}</span>}</td>
                <td>{company.industry}</td>
                <td>{company.location}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <ShowMore shown={companies.length} total={query.data?.total} onClick={list.showMore} />

      <Dialog open={creating} title={t('dialog.newTitle')} onClose={() => setCreating(false)} width="min(720px, calc(100vw - 48px))">
        <CompanyForm onDone={(company) => void navigate(`/companies/${company.id}`)} onCancel={() => setCreating(false)} />
      </Dialog>
    </div>
  );
}
