import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/issues';
import { useInlineEditing } from '../shared/focus';
import { InterviewCard } from './InterviewCard';
import { InterviewForm } from './InterviewForm';
import { isOverdue, useInterviewActions } from './useInterviewActions';
import '../shared/records.css';
import './interviews.css';

/** The interviews of one application, oldest first, added and edited in place (embedded in the application detail). */
export function ApplicationInterviews({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation('interviews');
  const headingId = useId();
  const { editingId, open, close, containerRef } = useInlineEditing<HTMLElement>();
  const { remove, complete } = useInterviewActions();
  const query = useChannel('interviews.list', { applicationId, order: 'asc', limit: 500 });
  const interviews = query.data?.items ?? [];

  return (
    <section ref={containerRef} className="card side-section rec-embedded" aria-labelledby={headingId}>
      <header className="rec-embedded-header">
        <h2 className="section-title" id={headingId}>{t('embedded.title')}</h2>
        {editingId !== 'new' && (
          <Button size="sm" data-return-focus="new" onClick={() => open('new')}>
            {t('embedded.add')}
          </Button>
        )}
      </header>
      {query.error && (
        <p className="rec-form-error" role="alert">
          {errorMessage(t, query.error)}
        </p>
      )}
      {query.isSuccess && interviews.length === 0 && editingId !== 'new' && <p className="muted">{t('embedded.empty')}</p>}
      <ul className="rec-list">
        {interviews.map((interview) => (
          <li key={interview.id}>
            {editingId === interview.id ? (
              <InterviewForm interview={interview} applicationId={applicationId} onDone={close} onCancel={close} inline />
            ) : (
              <InterviewCard
                interview={interview}
                showApplication={false}
                showDate
                onEdit={() => open(interview.id)}
                onDelete={() => void remove(interview)}
                onComplete={isOverdue(interview) ? () => void complete(interview) : undefined}
              />
            )}
          </li>
        ))}
      </ul>
      {editingId === 'new' && <InterviewForm applicationId={applicationId} onDone={close} onCancel={close} inline />}
    </section>
  );
}
