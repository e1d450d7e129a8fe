import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FairBooth, FairDetail, VisitStatus } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useAction } from '../../api/hooks';
import { Button, IconButton } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { errorMessage } from '../../ui/issues';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/toast';
import { addDays, todayKey } from '../shared/dates';
import { errorsByField, unplacedError } from '../shared/fieldErrors';
import { FormError } from '../shared/FormError';
import { PlanFields } from './PlanFields';

/** The next steps offered from each status: the queue moves forward, and any step can be taken back. */
const nextSteps: Record<VisitStatus, { status: VisitStatus; action: 'joinLine' | 'talk' | 'done' | 'skip' | 'reset' }[]> = {
  to_visit: [
    { status: 'in_line', action: 'joinLine' },
    { status: 'talking', action: 'talk' },
    { status: 'skipped', action: 'skip' },
  ],
  in_line: [
    { status: 'talking', action: 'talk' },
    { status: 'skipped', action: 'skip' },
    { status: 'to_visit', action: 'reset' },
  ],
  talking: [
    { status: 'done', action: 'done' },
    { status: 'to_visit', action: 'reset' },
  ],
  done: [{ status: 'to_visit', action: 'reset' }],
  skipped: [{ status: 'to_visit', action: 'reset' }],
};

/** Days from the fair to the follow-up task: long enough for the recruiter to be back at their desk. */
const followUpAfterDays = 3;

type Editable = Pick<FairBooth, 'pitch' | 'questions' | 'documents' | 'recruiterName' | 'recruiterRole' | 'recruiterEmail' | 'notes' | 'booth' | 'recruitsFor'>;
const editableKeys = ['recruiterName', 'recruiterRole', 'recruiterEmail', 'notes', 'pitch', 'questions', 'documents', 'booth', 'recruitsFor'] as const satisfies readonly (keyof Editable)[];
const multiline = new Set<keyof Editable>(['notes', 'pitch', 'questions']);

function BoothEditor({ booth, onDone }: { booth: FairBooth; onDone: () => void }) {
  const { t } = useTranslation(['fairs', 'common']);
  const toast = useToast();
  const update = useAction('fairs.updateBooth');
  const [values, setValues] = useState(() => Object.fromEntries(editableKeys.map((key) => [key, booth[key] ?? ''])) as Record<keyof Editable, string>);
  const [planned, setPlanned] = useState(booth.planned);
  const [priority, setPriority] = useState(booth.priority);
  const errors = errorsByField(t, update.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch = { ...values, planned, priority };
    update.mutate(
      { id: booth.id, patch },
      {
        onSuccess: () => {
          toast.show(t('booth.saved', { company: booth.companyName }));
          onDone();
        },
      },
    );
  };
  return (
    <form className="booth-editor" aria-label={t('booth.edit')} onSubmit={submit} noValidate>
      {editableKeys.map((key) => (
        <Field key={key} label={t(`booth.${key}`)} error={errors[`patch.${key}`]}>
          {(props) =>
            multiline.has(key) ? (
              <textarea className="input" rows={3} {...props} value={values[key]} onChange={(event) => setValues({ ...values, [key]: event.target.value })} />
            ) : (
              <input
                className="input"
                type={key === 'recruiterEmail' ? 'email' : 'text'}
                {...props}
                value={values[key]}
                onChange={(event) => setValues({ ...values, [key]: event.target.value })}
              />
            )
          }
        </Field>
      ))}
      <PlanFields priority={priority} planned={planned} onPriority={setPriority} onPlanned={setPlanned} />
      <FormError message={unplacedError(t, update.error, errors)} />
      <div className="fair-form-actions">
        <Button onClick={onDone}>{t('common:actions.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={update.isPending}>
          {t('booth.save')}
        </Button>
      </div>
    </form>
  );
}

function ConvertForm({ booth, onDone }: { booth: FairBooth; onDone: () => void }) {
  const { t } = useTranslation(['fairs', 'common']);
  const toast = useToast();
  const convert = useAction('fairs.convertVisit');
  const [position, setPosition] = useState(booth.recruitsFor ?? '');
  const errors = errorsByField(t, convert.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    convert.mutate(
      { id: booth.id, position },
      {
        onSuccess: () => {
          toast.show(t('convert.done', { company: booth.companyName }));
          onDone();
        },
      },
    );
  };
  return (
    <form className="booth-editor" aria-label={t('convert.button')} onSubmit={submit} noValidate>
      <Field label={t('convert.position')} error={errors.position}>
        {(props) => <input className="input" {...props} value={position} onChange={(event) => setPosition(event.target.value)} autoFocus />}
      </Field>
      <FormError message={unplacedError(t, convert.error, errors)} />
      <div className="fair-form-actions">
        <Button onClick={onDone}>{t('common:actions.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={convert.isPending}>
          {t('convert.button')}
        </Button>
      </div>
    </form>
  );
}

/** One company present: its plan, its place in the queue, what was noted, and the actions of the day. */
export function BoothCard({ booth, fair }: { booth: FairBooth; fair: FairDetail }) {
  const { t } = useTranslation(['fairs', 'common']);
  const format = useFormat();
  const toast = useToast();
  const setStatus = useAction('fairs.setVisitStatus');
  const addTask = useAction('tasks.create');
  const [open, setOpen] = useState<'edit' | 'convert' | null>(null);
  const company = booth.companyName;

  const followUp = () => {
    const dueOn = addDays(todayKey(), followUpAfterDays);
    addTask.mutate(
      { title: t('followUp.title', { company, fair: fair.name }), dueOn, applicationId: booth.applicationId },
      { onSuccess: () => toast.show(t('followUp.created', { date: format.date(dueOn) })), onError: (error) => toast.show(errorMessage(t, error)) },
    );
  };
  const remove = async () => {
    try {
      await invoke('fairs.deleteBooth', { id: booth.id });
      toast.showUndo(t('booth.deleted', { company }), () => invoke('fairs.restoreBooth', { id: booth.id }));
    } catch (error) {
      toast.show(errorMessage(t, error));
    }
  };
  const plan = (['pitch', 'questions', 'documents'] as const).filter((key) => booth[key]);

  return (
    <article className={`card booth booth-${booth.status}`} aria-label={company}>
      <header className="booth-header">
        <div>
          <h3>{company}</h3>
          <p className="muted">
            {[booth.booth && t('booth.boothShort', { booth: booth.booth }), booth.recruitsFor, booth.priority && t(`priority.${booth.priority}`)].filter(Boolean).join(' · ')}
          </p>
        </div>
        <span className={`booth-status status-${booth.status}`}>{t('status.label', { status: t(`status.${booth.status}`) })}</span>
      </header>
      {booth.minutesInLine !== null && <p className="booth-wait">{t('minutesInLine', { count: booth.minutesInLine })}</p>}
      {plan.length > 0 && (
        <dl className="booth-plan">
          {plan.map((key) => (
            <div key={key}>
              <dt>{t(`booth.${key}`)}</dt>
              <dd>{booth[key]}</dd>
            </div>
          ))}
        </dl>
      )}
      {(booth.recruiterName || booth.notes) && (
        <p className="booth-notes">
          {booth.recruiterName && <strong>{[booth.recruiterName, booth.recruiterRole].filter(Boolean).join(', ')}</strong>}
          {booth.recruiterName && booth.notes ? ' — ' : ''}
          {booth.notes}
        </p>
      )}
      <div className="booth-steps no-print" role="group" aria-label={t('status.label', { status: t(`status.${booth.status}`) })}>
        {nextSteps[booth.status].map((step) => (
          <Button
            key={step.status}
            variant={step.action === 'reset' ? 'ghost' : 'primary'}
            className="booth-step"
            disabled={setStatus.isPending}
            aria-label={t('action.labelled', { action: t(`action.${step.action}`), company })}
            onClick={() => setStatus.mutate({ id: booth.id, status: step.status }, { onError: (error) => toast.show(errorMessage(t, error)) })}
          >
            {t(`action.${step.action}`)}
          </Button>
        ))}
      </div>
      <div className="booth-actions no-print">
        <Button aria-expanded={open === 'edit'} onClick={() => setOpen(open === 'edit' ? null : 'edit')}>
          {t('booth.edit')}
        </Button>
        <Button icon="bell" onClick={followUp} disabled={addTask.isPending} aria-label={t('action.labelled', { action: t('followUp.button'), company })}>
          {t('followUp.button')}
        </Button>
        {booth.applicationId ? (
          <Link className="btn" to={`/applications/${booth.applicationId}`}>
            {t('convert.open')}
          </Link>
        ) : (
          <Button icon="briefcase" aria-expanded={open === 'convert'} onClick={() => setOpen(open === 'convert' ? null : 'convert')}>
            {t('convert.button')}
          </Button>
        )}
        <IconButton icon="trash" label={t('booth.delete', { company })} onClick={() => void remove()} />
      </div>
      {open === 'edit' && <BoothEditor booth={booth} onDone={() => setOpen(null)} />}
      {open === 'convert' && <ConvertForm booth={booth} onDone={() => setOpen(null)} />}
    </article>
  );
}
