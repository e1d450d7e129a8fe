import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobEvent } from '../../../../src-shared/contract';
import { invoke, onJob } from '../../api/client';
import './jobs.css';

/** "about 12 seconds left", "about 3 minutes left", in the user's language. */
function timeLeft(ms: number, language: string): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  const [value, unit] = seconds < 90 ? [seconds, 'second'] : [Math.round(seconds / 60), 'minute'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** The jobs running now, kept up to date from `job` events (and the list, for a page opened mid-job). */
export function useRunningJobs(): JobEvent[] {
  const [jobs, setJobs] = useState<ReadonlyMap<string, JobEvent>>(new Map());
  useEffect(() => {
    let live = true;
    const apply = (event: JobEvent) =>
      setJobs((current) => {
        const next = new Map(current);
        if (event.state === 'running') next.set(event.id, event);
        else next.delete(event.id);
        return next;
      });
    const stop = onJob(apply);
    invoke('jobs.list')
      .then((running) => live && running.forEach(apply))
      .catch(() => undefined);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return [...jobs.values()];
}

function JobBar({ job }: { job: JobEvent }) {
  const { t, i18n } = useTranslation('jobs');
  const [cancelling, setCancelling] = useState(false);
  const percent = Math.round(job.fraction * 100);
  const label = t(`channel.${job.channel}`);
  const format = new Intl.NumberFormat(i18n.language);
  const step = t(`step.${job.step}`, { done: format.format(job.done ?? 0), total: format.format(job.total ?? 0) });
  return (
    <div className="job" data-testid="job-progress" data-channel={job.channel}>
      <div className="job-text">
        <strong>{label}</strong>
        <span className="job-step">{step}</span>
        <span className="job-figures numeric">
          {t('percent', { percent })}
          {job.estimatedMsLeft !== null && job.cancellable && ` · ${t('left', { time: timeLeft(job.estimatedMsLeft, i18n.language) })}`}
        </span>
      </div>
      <div
        className="job-bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${step}, ${t('percent', { percent })}`}
      >
        <div className="job-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      {job.cancellable ? (
        <button
          type="button"
          className="btn btn-sm"
          disabled={cancelling}
          aria-label={t('cancelLabel', { job: label })}
          onClick={() => {
            setCancelling(true);
            void invoke('jobs.cancel', { id: job.id }).catch(() => setCancelling(false));
          }}
        >
          {cancelling ? t('cancelling') : t('cancel')}
        </button>
      ) : (
        <span className="job-step">{t('saving')}</span>
      )}
    </div>
  );
}

/**
 * Long work in progress, wherever it was started (the import wizard, the File menu, a schedule): what is being
 * done, how far it got, about how long is left, and a way to cancel it. The rest of the app stays usable meanwhile.
 */
export function JobsProgress() {
  const { t } = useTranslation('jobs');
  const jobs = useRunningJobs().filter((job) => job.channel !== 'imports.preview' || job.fraction > 0);
  return (
    <section className="jobs" aria-label={t('region')} aria-live="polite" hidden={jobs.length === 0}>
      {jobs.map((job) => (
        <JobBar key={job.id} job={job} />
      ))}
    </section>
  );
}
