import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../../src-shared/contract';
import { Button } from '../../ui/Button';
import { AnalyseDialog, type AiPostingInput } from './AnalyseDialog';
import { useAiSettings } from './useAiSettings';
import './ai.css';

/** "Analyse with AI" on a posting; nothing at all while AI is off (the default). */
export function AnalyseButton({ input, application, applicationDirty, size }: { input: AiPostingInput; application?: Application; applicationDirty?: boolean; size?: 'sm' | 'md' }) {
  const { t } = useTranslation('ai');
  const { settings } = useAiSettings();
  const [open, setOpen] = useState(false);
  if (!settings?.enabled) return null;
  return (
    <>
      <Button size={size} icon="search" onClick={() => setOpen(true)}>
        {t('analyse.button')}
      </Button>
      {open && <AnalyseDialog input={input} application={application} applicationDirty={applicationDirty} timeoutSeconds={settings.timeoutSeconds} onClose={() => setOpen(false)} />}
    </>
  );
}
