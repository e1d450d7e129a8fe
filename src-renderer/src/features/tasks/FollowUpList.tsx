import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FollowUp } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { Button } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { errorMessage } from '../../ui/issues';
import { useToast } from '../../ui/toast';
import { addDays } from '../shared/dates';
import { useDayFormat } from '../shared/format';
import { useInlineEditing } from '../shared/focus';
import { dueLabel, dueState } from './due';
import { onTaskListKey } from './TaskRow';

/** Done (the follow-up is cleared) and reschedule, each one write, undoable from the toast (or Ctrl/Cmd+Z). */
function useFollowUpActions() {
  const { t } = useTranslation('crm');
  const format = useFormat();
  const toast = useToast();
  const setDate = async (followUp: FollowUp, date: string | null) => {
    try {
      await invoke('contacts.update', { id: followUp.contactId, patch: { nextFollowUpOn: date } });
      const message = date
        ? t('today.rescheduled', { name: followUp.name, date: format.date(date) })
        : t('today.done', { name: followUp.name });
      toast.showUndo(message, () => invoke('contacts.update', { id: followUp.contactId, patch: { nextFollowUpOn: followUp.nextFollowUpOn } }));
      return true;
    } catch (error) {
      toast.show(errorMessage(t, error));
      return false;
    }
  };
  return { done: (followUp: FollowUp) => setDate(followUp, null), reschedule: setDate };
}

function RescheduleForm({ followUp, today, onClose }: { followUp: FollowUp; today: string; onClose: () => void }) {
  const { t } = useTranslation('crm');
  const { reschedule } = useFollowUpActions();
  // Tomorrow for one due today or before; the day after the planned one otherwise.
  const [date, setDate] = useState(addDays(followUp.nextFollowUpOn < today ? today : followUp.nextFollowUpOn, 1));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (date && (await reschedule(followUp, date))) onClose();
  };
  return (
    <li className="tk-editing">
      <form
        className="tk-quick fu-reschedule"
        onSubmit={(event) => void save(event)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      >
        <label className="field">
          <span className="field-label">{t('today.rescheduleLabel', { name: followUp.name })}</span>
          {/* The row just asked for it: the keyboard goes straight to the date. */}
          <input className="input" type="date" required value={date} autoFocus onChange={(event) => setDate(event.target.value)} />
        </label>
        <div className="tk-quick-actions">
          <Button onClick={onClose}>{t('today.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t('today.save')}
          </Button>
        </div>
      </form>
    </li>
  );
}

/**
 * Contacts to follow up with, as rows among the tasks: the same keys (arrows move, x or Space marks done, Enter
 * reschedules), a checkbox for the mouse, a link to the contact.
 */
export function FollowUpList({ followUps, today }: { followUps: FollowUp[]; today: string }) {
  const { t } = useTranslation(['crm', 'tasks']);
  const format = useFormat();
  const dayFormat = useDayFormat();
  const { done } = useFollowUpActions();
  const { editingId, open, close, containerRef } = useInlineEditing<HTMLUListElement>();
  if (followUps.length === 0) return null;

  return (
    <ul ref={containerRef} className="rec-list tk-list" aria-label={t('crm:followUp.label')}>
      {followUps.map((followUp) => {
        if (followUp.contactId === editingId) return <RescheduleForm key={followUp.contactId} followUp={followUp} today={today} onClose={close} />;
        const due = dueLabel(t, format, dayFormat, followUp.nextFollowUpOn, today);
        const detail = [followUp.role, followUp.companyName, followUp.lastContactedOn && t('crm:lastContactedOn', { date: format.date(followUp.lastContactedOn) })]
          .filter(Boolean)
          .join(' · ');
        const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => onTaskListKey(event, { toggle: () => void done(followUp), edit: () => open(followUp.contactId) });
        return (
          <li
            key={followUp.contactId}
            className={`tk-row tk-due-${dueState(followUp.nextFollowUpOn, today)} fu-row`}
            tabIndex={0}
            data-task-row
            data-return-focus={followUp.contactId}
            aria-label={t('crm:today.label', { name: followUp.name, due })}
            aria-keyshortcuts="x Space Enter"
            onKeyDown={onKeyDown}
          >
            <input type="checkbox" className="tk-check" tabIndex={-1} checked={false} onChange={() => void done(followUp)} aria-label={t('crm:today.markDone', { name: followUp.name })} />
            <div className="tk-body">
              <span className="tk-title">
                {t('crm:today.prefix')}{' '}
                <Link to={`/contacts?selected=${followUp.contactId}`} tabIndex={-1} aria-label={t('crm:today.open', { name: followUp.name })}>
                  {followUp.name}
                </Link>
              </span>
              {detail && <span className="muted tk-notes">{detail}</span>}
            </div>
            <span className="tk-due">{due}</span>
            <div className="rec-row-actions">
              <Button size="sm" tabIndex={-1} onClick={() => open(followUp.contactId)}>
                {t('crm:today.reschedule')}
              </Button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
