import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactDetail } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { IconButton } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { errorMessage } from '../../ui/issues';
import { useToast } from '../../ui/toast';

/**
 * The contact's next follow-up, set or cleared right where it is shown: each change is one write, undoable
 * from the toast (or Ctrl/Cmd+Z). Keyed on the stored value, so a refetch (undo, another window) resets it.
 */
export function FollowUpField({ contact, id }: { contact: ContactDetail; id: string }) {
  return <FollowUpInput key={contact.nextFollowUpOn ?? ''} contact={contact} id={id} />;
}

function FollowUpInput({ contact, id }: { contact: ContactDetail; id: string }) {
  const { t } = useTranslation('crm');
  const format = useFormat();
  const toast = useToast();
  const previous = contact.nextFollowUpOn;
  // What was last sent, so that Enter then leaving the field writes once.
  const sent = useRef(previous);

  const change = async (nextFollowUpOn: string | null) => {
    if (nextFollowUpOn === sent.current) return;
    sent.current = nextFollowUpOn;
    try {
      await invoke('contacts.update', { id: contact.id, patch: { nextFollowUpOn } });
      const message = nextFollowUpOn
        ? t('followUp.saved', { name: contact.name, date: format.date(nextFollowUpOn) })
        : t('followUp.cleared', { name: contact.name });
      toast.showUndo(message, () => invoke('contacts.update', { id: contact.id, patch: { nextFollowUpOn: previous } }));
    } catch (error) {
      sent.current = previous;
      toast.show(errorMessage(t, error));
    }
  };

  return (
    <span className="ct-follow-up">
      <input
        id={id}
        className="input input-sm"
        type="date"
        defaultValue={previous ?? ''}
        // Typing a year fires a change per digit (0002, 0020…): the date counts once the user leaves it or presses Enter.
        onBlur={(event) => void change(event.target.value || null)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void change(event.currentTarget.value || null);
          }
        }}
      />
      {previous && <IconButton size="sm" icon="close" label={t('followUp.clearLabel', { name: contact.name })} onClick={() => void change(null)} />}
    </span>
  );
}
