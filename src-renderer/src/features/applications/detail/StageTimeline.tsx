import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail, Stage } from '../../../../../src-shared/contract';
import { AppError } from '../../../../../src-shared/errors';
import { useAction } from '../../../api/hooks';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { useFormat } from '../../../ui/format';
import { errorMessage, fieldErrors } from '../../../ui/issues';
import { StageBadge, useStageName } from '../../../ui/StageBadge';
import { useToast } from '../../../ui/toast';
import { StageSelect } from '../StageSelect';
import { useStageMoveToast } from '../useStageMoveToast';
import { AutomaticMark } from './AutomaticMark';

/** `YYYY-MM-DDTHH:mm` of now in the user's time zone, what a datetime-local input holds. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A datetime-local value read in the user's time zone, as the ISO instant the contract takes. */
export function instantOfLocal(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/**
 * The stage history as a timeline (newest first), and a form to record a change: any stage, at any moment
 * (backdating slots the event into the history), with a note.
 */
export function StageTimeline({ application, stages }: { application: ApplicationDetail; stages: Stage[] }) {
  const { t } = useTranslation(['applications', 'common']);
  const format = useFormat();
  const stageName = useStageName();
  const toast = useToast();
  const setStage = useAction('applications.setStage');
  const showMove = useStageMoveToast();
  const [stageId, setStageId] = useState('');
  const [when, setWhen] = useState(localNow);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const history = [...application.stageHistory].reverse();

  const record = async () => {
    setErrors({});
    if (!stageId) {
      setErrors({ stageId: t('common:issues.required') });
      return;
    }
    try {
      const result = await setStage.mutateAsync({ id: application.id, stageId, occurredAt: instantOfLocal(when), note: note.trim() || null });
      const stage = stages.find((candidate) => candidate.id === stageId);
      showMove(result, stage ? stageName(stage) : '', 'recorded');
      setStageId('');
      setNote('');
      setWhen(localNow());
    } catch (error) {
      if (error instanceof AppError && error.issues?.length) setErrors(fieldErrors(t, error.issues));
      else toast.show(errorMessage(t, error));
    }
  };

  return (
    <section className="card side-section" aria-labelledby="stage-history-title">
      <h2 className="section-title" id="stage-history-title">
        {t('history.title')}
      </h2>
      <ol className="timeline">
        {history.map((event, index) => (
          <li key={event.id} className={`timeline-item cat-${event.toCategory}`}>
            <span className="timeline-dot" aria-hidden="true" />
            <div className="timeline-body">
              <div className="timeline-head">
                <StageBadge name={event.toStageName} category={event.toCategory} />
                {index === 0 && <span className="timeline-current">{t('history.current')}</span>}
                {event.automatic && <AutomaticMark event={event} current={index === 0} />}
              </div>
              <time className="timeline-time" dateTime={event.occurredAt}>
                {format.dateTime(event.occurredAt)}
              </time>
              {event.fromCategory && (
                <span className="timeline-from">
                  {t('history.from', { stage: stageName({ name: event.fromStageName, category: event.fromCategory }) })}
                </span>
              )}
              {event.note && <p className="timeline-note">{event.note}</p>}
            </div>
          </li>
        ))}
      </ol>
      <form
        className="timeline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void record();
        }}
      >
        <h3 className="timeline-form-title">{t('history.record')}</h3>
        <Field label={t('history.stage')} error={errors.stageId}>
          {(props) => <StageSelect {...props} stages={stages} value={stageId} onChange={setStageId} placeholder={t('history.chooseStage')} />}
        </Field>
        <Field label={t('history.when')} error={errors.occurredAt} hint={t('history.whenHint')}>
          {(props) => <input className="input" type="datetime-local" value={when} onChange={(event) => setWhen(event.target.value)} {...props} />}
        </Field>
        <Field label={t('history.note')} error={errors.note}>
          {(props) => <textarea className="textarea" rows={2} value={note} onChange={(event) => setNote(event.target.value)} {...props} />}
        </Field>
        <Button type="submit" variant="primary" disabled={setStage.isPending}>
          {t('history.save')}
        </Button>
      </form>
    </section>
  );
}
