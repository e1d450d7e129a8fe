import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AiAnalysis, AiPreview, Application, ChannelInput } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { AnalysisResult } from './AnalysisResult';
import { aiErrorMessage } from './aiErrors';
import { UseFields } from './UseFields';

export type AiPostingInput = ChannelInput<'ai.preview'>;

type Step = { name: 'preview' } | { name: 'sending' } | { name: 'result'; analysis: AiAnalysis } | { name: 'failed'; error: unknown };

/** Exactly the request that will be sent: address, headers (the key masked), body. */
function RequestPreview({ preview }: { preview: AiPreview }) {
  const { t } = useTranslation('ai');
  const masked = 'authorization' in preview.headers;
  return (
    <div className="ai-preview">
      <p>{t('analyse.previewIntro')}</p>
      <h3>{t('analyse.address')}</h3>
      <pre className="ai-code">{`POST ${preview.url}`}</pre>
      <h3>{t('analyse.headers')}</h3>
      <pre className="ai-code">{Object.entries(preview.headers).map(([name, value]) => `${name}: ${value}`).join('\n')}</pre>
      <p className="muted">{masked ? t('analyse.keyMasked') : t('analyse.noKey')}</p>
      <h3>{t('analyse.body')}</h3>
      <pre className="ai-code ai-code-body" tabIndex={0} aria-label={t('analyse.body')}>
        {JSON.stringify(preview.body, null, 2)}
      </pre>
    </div>
  );
}

/**
 * Analyse with AI: the preview first (nothing is sent before the user confirms), then the model's fields and the
 * fit; on an application, the fields can be used. Errors say what happened and what to do; nothing is written.
 */
export function AnalyseDialog({ input, application, applicationDirty = false, timeoutSeconds, onClose }: {
  input: AiPostingInput;
  application?: Application;
  applicationDirty?: boolean;
  timeoutSeconds: number;
  onClose: () => void;
}) {
  const { t } = useTranslation(['ai', 'common']);
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>({ name: 'preview' });
  const preview = useChannel('ai.preview', input);
  const profile = useChannel('profile.get', undefined);

  const send = async () => {
    setStep({ name: 'sending' });
    try {
      setStep({ name: 'result', analysis: await invoke('ai.analyze', input) });
    } catch (error) {
      setStep({ name: 'failed', error });
    }
  };
  const openSettings = () => {
    onClose();
    void navigate('/settings?section=ai');
  };

  const failure = step.name === 'failed' ? step.error : preview.error;
  const footer =
    step.name === 'result' ? (
      <Button onClick={onClose}>{t('common:actions.close')}</Button>
    ) : (
      <>
        {failure !== null && failure !== undefined && <Button onClick={openSettings}>{t('analyse.openSettings')}</Button>}
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        {step.name === 'failed' ? (
          <Button variant="primary" onClick={() => void send()}>
            {t('analyse.retry')}
          </Button>
        ) : (
          <Button variant="primary" autoFocus disabled={!preview.data || step.name === 'sending'} onClick={() => void send()}>
            {t('analyse.send')}
          </Button>
        )}
      </>
    );

  return (
    <Dialog open onClose={onClose} title={t('analyse.title')} width="min(760px, 92vw)" footer={footer} className="ai-dialog">
      {failure !== null && failure !== undefined && (
        <p className="notice notice-error" role="alert">
          {aiErrorMessage(t, failure, timeoutSeconds)}
        </p>
      )}
      {step.name === 'result' ? (
        <>
          <AnalysisResult analysis={step.analysis} profileHasSkills={(profile.data?.skills.length ?? 0) > 0} />
          {application && <UseFields analysis={step.analysis} application={application} blocked={applicationDirty} onDone={onClose} />}
        </>
      ) : (
        <>
          {step.name === 'sending' && (
            <p className="notice ai-sending" role="status">
              {t('analyse.sending', { seconds: timeoutSeconds })}
            </p>
          )}
          {preview.data ? <RequestPreview preview={preview.data} /> : !preview.error && <p role="status">{t('analyse.loadingPreview')}</p>}
        </>
      )}
    </Dialog>
  );
}
