import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Fair } from '../../../../src-shared/contract';
import { useAction, useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Field } from '../../ui/Field';
import { errorMessage } from '../../ui/issues';
import { useFormat } from '../../ui/format';
import { errorsByField, unplacedError } from '../shared/fieldErrors';
import { FormError } from '../shared/FormError';
import './fairs.css';

/** "12 Mar 2024" or "12 Mar 2024 – 13 Mar 2024". */
export function useFairDates() {
  const { t } = useTranslation('fairs');
  const format = useFormat();
  return (fair: Pick<Fair, 'startsOn' | 'endsOn'>) =>
    fair.endsOn && fair.endsOn !== fair.startsOn ? t('dates', { start: format.date(fair.startsOn), end: format.date(fair.endsOn) }) : format.date(fair.startsOn);
}

const blank = { name: '', startsOn: '', endsOn: '', place: '', url: '' };

function NewFairForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation(['fairs', 'common']);
  const navigate = useNavigate();
  const create = useAction('fairs.create');
  const [values, setValues] = useState(blank);
  const errors = errorsByField(t, create.error);
  const set = (key: keyof typeof blank) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: values.name, startsOn: values.startsOn, endsOn: values.endsOn || null, place: values.place, url: values.url },
      { onSuccess: (fair) => navigate(`/fairs/${fair.id}`) },
    );
  };
  return (
    <form className="card fair-form" aria-label={t('form.label')} onSubmit={submit} noValidate>
      <Field label={t('form.name')} error={errors.name}>
        {(props) => <input className="input" {...props} value={values.name} onChange={set('name')} autoFocus required />}
      </Field>
      <div className="fair-form-row">
        <Field label={t('form.startsOn')} error={errors.startsOn}>
          {(props) => <input className="input" type="date" {...props} value={values.startsOn} onChange={set('startsOn')} required />}
        </Field>
        <Field label={t('form.endsOn')} error={errors.endsOn}>
          {(props) => <input className="input" type="date" {...props} value={values.endsOn} onChange={set('endsOn')} />}
        </Field>
      </div>
      <Field label={t('form.place')} error={errors.place}>
        {(props) => <input className="input" {...props} value={values.place} onChange={set('place')} />}
      </Field>
      <Field label={t('form.url')} error={errors.url}>
        {(props) => <input className="input" type="url" inputMode="url" {...props} value={values.url} onChange={set('url')} />}
      </Field>
      <FormError message={unplacedError(t, create.error, errors)} />
      <div className="fair-form-actions">
        <Button onClick={onCancel}>{t('common:actions.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {t('form.create')}
        </Button>
      </div>
    </form>
  );
}

/** The fairs, the latest first, and a form to add one. */
export default function FairsPage() {
  const { t } = useTranslation(['fairs', 'common']);
  const format = useFormat();
  const dates = useFairDates();
  const fairs = useChannel('fairs.list', undefined);
  const [adding, setAdding] = useState(false);
  const list = fairs.data ?? [];
  return (
    <div className="page fairs-page">
      <header className="page-header rec-page-header">
        <div>
          <h1>{t('title')}</h1>
          {fairs.data && <p className="muted">{t('count', { count: list.length, formatted: format.number(list.length) })}</p>}
        </div>
        {!adding && (
          <Button variant="primary" icon="plus" onClick={() => setAdding(true)}>
            {t('new')}
          </Button>
        )}
      </header>
      {fairs.error && (
        <p className="rec-form-error" role="alert">
          {errorMessage(t, fairs.error)}
        </p>
      )}
      {adding && <NewFairForm onCancel={() => setAdding(false)} />}
      {fairs.isSuccess && list.length === 0 && !adding && (
        <EmptyState
          icon="map"
          title={t('empty.title')}
          actions={
            <Button variant="primary" onClick={() => setAdding(true)}>
              {t('new')}
            </Button>
          }
        >
          {t('empty.body')}
        </EmptyState>
      )}
      {list.length > 0 && (
        <ul className="fair-list" aria-label={t('listLabel')}>
          {list.map((fair) => (
            <li key={fair.id}>
              <Link className="card fair-list-item" to={`/fairs/${fair.id}`}>
                <strong>{fair.name}</strong>
                <span className="muted">
                  {dates(fair)}
                  {fair.place ? ` · ${fair.place}` : ''}
                </span>
                <span className="muted">
                  {t('booths', { count: fair.boothCount, formatted: format.number(fair.boothCount) })} ·{' '}
                  {t('progress', { finished: format.number(fair.finishedCount), planned: format.number(fair.plannedCount) })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
