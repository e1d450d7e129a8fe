import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Interview } from '../../../../src-shared/contract';
import { Button } from '../../ui/Button';
import { ExternalLink } from '../../ui/ExternalLink';
import { useFormat } from '../../ui/format';
import { useDayFormat } from '../shared/format';
import { applicationLabel } from '../shared/labels';

/**
 * One interview as a line of the agenda: when, with whom, how, where. `showApplication` names the application
 * (the agenda); inside an application's detail it would only repeat the page's title.
 */
export function InterviewCard({
  interview,
  showApplication,
  showDate,
  onEdit,
  onDelete,
  onComplete,
}: {
  interview: Interview;
  showApplication: boolean;
  showDate: boolean;
  onEdit: () => void;
  onDelete: () => void;
  /** Offered for planned interviews whose time has passed. */
  onComplete?: () => void;
}) {
  const { t } = useTranslation('interviews');
  const format = useFormat();
  const dayFormat = useDayFormat();
  const label = applicationLabel(t, interview);
  const when = format.dateTime(interview.scheduledAt);
  const title = interview.type ? t(`common:interviewType.${interview.type}`) : t('card.interview');
  return (
    <article className={`iv-card iv-status-${interview.status}`} aria-label={t('card.label', { title, application: label, when })}>
      <div className="iv-when">
        {showDate && <span className="iv-date">{dayFormat.localDate(interview.scheduledAt)}</span>}
        <time dateTime={interview.scheduledAt} className="iv-time">
          {dayFormat.time(interview.scheduledAt)}
        </time>
        {interview.durationMinutes !== null && (
          <span className="muted">{t('card.duration', { count: interview.durationMinutes })}</span>
        )}
      </div>
      <div className="iv-main">
        <p className="iv-title">
          <span className="iv-kind">{title}</span>
          {showApplication && (
            <>
              <span aria-hidden="true" className="muted">
                {' · '}
              </span>
              <Link to={`/applications/${interview.applicationId}`}>{label}</Link>
            </>
          )}
        </p>
        <p className="iv-facts">
          {interview.format && <span className="rec-chip">{t(`common:interviewFormat.${interview.format}`)}</span>}
          <span className={`rec-chip iv-chip-${interview.status}`}>{t(`common:interviewStatus.${interview.status}`)}</span>
          {interview.outcome && interview.outcome !== 'pending' && (
            <span className={`rec-chip iv-outcome-${interview.outcome}`}>{t(`common:interviewOutcome.${interview.outcome}`)}</span>
          )}
          {interview.location && <span>{interview.location}</span>}
          {interview.meetingUrl && <ExternalLink href={interview.meetingUrl}>{t('card.joinMeeting')}</ExternalLink>}
        </p>
        {interview.interviewers && <p className="muted iv-people">{t('card.with', { people: interview.interviewers })}</p>}
      </div>
      <div className="rec-row-actions">
        {onComplete && (
          <Button size="sm" onClick={onComplete}>
            {t('card.markCompleted')}
          </Button>
        )}
        <Button size="sm" data-return-focus={interview.id} onClick={onEdit} aria-label={t('card.editLabel', { title, when })}>
          {t('common:actions.edit')}
        </Button>
        <Button variant="danger" size="sm" onClick={onDelete} aria-label={t('card.deleteLabel', { title, when })}>
          {t('common:actions.delete')}
        </Button>
      </div>
    </article>
  );
}
