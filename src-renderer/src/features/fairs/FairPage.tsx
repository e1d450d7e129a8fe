import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { BoothPriority, FairDetail } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useAction, useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ExternalLink } from '../../ui/ExternalLink';
import { Field } from '../../ui/Field';
import { errorMessage } from '../../ui/issues';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/toast';
import { errorsByField, unplacedError } from '../shared/fieldErrors';
import { FormError } from '../shared/FormError';
import { PlanFields } from './PlanFields';
import { BoothCard } from './BoothCard';
import { useFairDates } from './FairsPage';
import './fairs.css';

const blankBooth: { companyName: string; booth: string; recruitsFor: string; priority: BoothPriority | null; planned: boolean } = {
  companyName: '',
  booth: '',
  recruitsFor: '',
  priority: null,
  planned: true,
};

function AddBoothForm({ fairId }: { fairId: string }) {
  const { t } = useTranslation(['fairs', 'common']);
  const add = useAction('fairs.addBooth');
  const [values, setValues] = useState(blankBooth);
  const errors = errorsByField(t, add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        fairId,
        companyName: values.companyName,
        booth: values.booth,
        recruitsFor: values.recruitsFor,
        planned: values.planned,
        priority: values.priority,
      },
      { onSuccess: () => setValues(blankBooth) },
    );
  };
  return (
    <form className="card fair-form no-print" aria-label={t('booth.addLabel')} onSubmit={submit} noValidate>
      <div className="fair-form-row">
        <Field label={t('booth.company')} error={errors.companyName}>
          {(props) => <input className="input" {...props} value={values.companyName} onChange={(event) => setValues({ ...values, companyName: event.target.value })} required />}
        </Field>
        <Field label={t('booth.booth')} error={errors.booth}>
          {(props) => <input className="input" {...props} value={values.booth} onChange={(event) => setValues({ ...values, booth: event.target.value })} />}
        </Field>
      </div>
      <Field label={t('booth.recruitsFor')} error={errors.recruitsFor}>
        {(props) => <input className="input" {...props} value={values.recruitsFor} onChange={(event) => setValues({ ...values, recruitsFor: event.target.value })} />}
      </Field>
      <PlanFields
        priority={values.priority}
        planned={values.planned}
        onPriority={(priority) => setValues({ ...values, priority })}
        onPlanned={(planned) => setValues({ ...values, planned })}
      />
      <FormError message={unplacedError(t, add.error, errors)} />
      <div className="fair-form-actions">
        <Button type="submit" variant="primary" icon="plus" disabled={add.isPending}>
          {t('booth.add')}
        </Button>
      </div>
    </form>
  );
}

function BoothList({ fair, planned }: { fair: FairDetail; planned: boolean }) {
  const { t } = useTranslation('fairs');
  const booths = fair.booths.filter((booth) => booth.planned === planned);
  if (!booths.length) return null;
  return (
    <section className="fair-section" aria-label={t(planned ? 'booth.plan' : 'booth.others')}>
      <h2 className="section-title">{t(planned ? 'booth.plan' : 'booth.others')}</h2>
      <ul className="booth-list">
        {booths.map((booth) => (
          <li key={booth.id}>
            <BoothCard booth={booth} fair={fair} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * One fair: its plan (which booths, priority, pitch, questions, documents), and on the day the visit queue. The
 * same screen serves the desktop window and, as "hall mode" (`hall`), a phone-sized window with no sidebar: one
 * column and large targets. Prints as the plan.
 */
export default function FairPage({ hall = false }: { hall?: boolean }) {
  const { t } = useTranslation(['fairs', 'common']);
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const format = useFormat();
  const dates = useFairDates();
  const query = useChannel('fairs.get', { id });
  const fair = query.data;

  const remove = async () => {
    if (!fair) return;
    try {
      await invoke('fairs.delete', { id: fair.id });
      toast.showUndo(t('deleted', { name: fair.name }), () => invoke('fairs.restore', { id: fair.id }));
      navigate('/fairs');
    } catch (error) {
      toast.show(errorMessage(t, error));
    }
  };

  if (query.error) {
    return (
      <div className={hall ? 'fair-hall' : 'page'}>
        <EmptyState icon="map" title={query.error.code === 'NOT_FOUND' ? t('notFound') : errorMessage(t, query.error)}>
          <Link to="/fairs">{t('allFairs')}</Link>
        </EmptyState>
      </div>
    );
  }
  if (!fair) return <div className={hall ? 'fair-hall' : 'page'} aria-busy="true" />;

  return (
    <div className={hall ? 'fair-hall' : 'page fair-page'}>
      <header className="fair-header">
        <nav className="fair-nav no-print">
          <Link to="/fairs">{t('allFairs')}</Link>
          {hall ? <Link to={`/fairs/${fair.id}`}>{fair.name}</Link> : <Link to={`/fairs/${fair.id}/hall`} title={t('hallModeHint')}>{t('hallMode')}</Link>}
        </nav>
        <h1>
          <span className="print-only">{t('printed.heading', { name: fair.name })}</span>
          <span className="no-print">{fair.name}</span>
        </h1>
        <p className="muted">
          {dates(fair)}
          {fair.place ? ` · ${fair.place}` : ''} · {t('progress', { finished: format.number(fair.finishedCount), planned: format.number(fair.plannedCount) })}
        </p>
        {fair.url && (
          <p>
            <ExternalLink href={fair.url}>{t('openMap')}</ExternalLink>
          </p>
        )}
        <div className="fair-toolbar no-print">
          <Button icon="report" onClick={() => window.print()}>
            {t('print')}
          </Button>
          <Button variant="danger" icon="trash" onClick={() => void remove()}>
            {t('delete')}
          </Button>
        </div>
      </header>
      {/* At home the plan is being made: adding comes first. In the hall the queue does. */}
      {!hall && <AddBoothForm fairId={fair.id} />}
      {fair.booths.length === 0 ? (
        <p className="muted fair-none">{t('booth.none')}</p>
      ) : (
        <div aria-label={t('booth.listLabel')} role="region">
          <BoothList fair={fair} planned />
          <BoothList fair={fair} planned={false} />
        </div>
      )}
      {hall && <AddBoothForm fairId={fair.id} />}
    </div>
  );
}
