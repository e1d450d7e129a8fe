import { useTranslation } from 'react-i18next';
import type { StageEvent } from '../../../../../src-shared/contract';
import { invoke } from '../../../api/client';
import { Button } from '../../../ui/Button';
import { errorMessage } from '../../../ui/issues';
import { useToast } from '../../../ui/toast';

/**
 * A stage move a rule of Settings ▸ Automation made (an automatic ghosting): labelled as such in the history, and,
 * while it is the current stage, undoable (the application goes back to the stage before it).
 */
export function AutomaticMark({ event, current }: { event: StageEvent; current: boolean }) {
  const { t } = useTranslation(['automation', 'common']);
  const toast = useToast();
  const undo = async () => {
    try {
      await invoke('automation.undo', { stageEventId: event.id });
      toast.show(t('automation:history.undone'));
    } catch (error) {
      toast.show(errorMessage(t, error));
    }
  };
  return (
    <>
      <span className="timeline-automatic" title={t('automation:history.automaticHint')}>
        {t('automation:history.automatic')}
      </span>
      {current && (
        <Button size="sm" variant="ghost" onClick={() => void undo()} aria-label={`${t('automation:history.undo')}: ${t('automation:history.automatic')}`}>
          {t('automation:history.undo')}
        </Button>
      )}
    </>
  );
}
