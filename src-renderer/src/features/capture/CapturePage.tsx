import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { ReadPostingInput, ReadPostingResult } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { useStages } from '../applications/vocabulary';
import { CaptureConfirm } from './CaptureConfirm';
import { CaptureError } from './CaptureError';
import { CaptureSources, type CaptureInputs } from './CaptureSources';
import { PostingPicker } from './PostingPicker';
import './capture.css';

type Step =
  | { kind: 'start'; error?: unknown; cancelled?: boolean }
  | { kind: 'reading'; url: string | null }
  | { kind: 'pick'; result: ReadPostingResult }
  | { kind: 'confirm'; result: ReadPostingResult; index: number };

/**
 * `/capture`: a posting into Candid without typing. A link (main fetches it) or the page's HTML (pasted or a saved
 * file) → postings.read → pick one when the page lists several → the application form prefilled, the posting's
 * text shown and frozen on save. Nothing is written before the user saves the form.
 */
export default function CapturePage() {
  // Opening Capture again (header, palette, g l) while on it starts a new capture, as from another screen.
  return <CaptureScreen key={useLocation().key} />;
}

function CaptureScreen() {
  const { t } = useTranslation('capture');
  const stages = useStages();
  const profile = useChannel('profile.get', undefined);
  const [inputs, setInputs] = useState<CaptureInputs>({ link: '', html: '', htmlUrl: '' });
  const [step, setStep] = useState<Step>({ kind: 'start' });
  // Each reading has a number; Cancel (or a newer reading) makes an older one's answer arrive to no one. The main
  // process still ends its fetch within its own 15 s budget; nothing it returns is used or saved.
  const reading = useRef(0);
  const errorRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  const read = useCallback(async (input: ReadPostingInput) => {
    const ticket = ++reading.current;
    setStep({ kind: 'reading', url: 'url' in input && !('html' in input) ? (input.url ?? null) : null });
    try {
      const result = await invoke('postings.read', input);
      if (ticket !== reading.current) return;
      setStep(result.postings.length === 1 ? { kind: 'confirm', result, index: 0 } : { kind: 'pick', result });
    } catch (error) {
      if (ticket !== reading.current) return;
      setStep({ kind: 'start', error });
    }
  }, []);
  const cancel = useCallback(() => {
    reading.current += 1;
    setStep({ kind: 'start', cancelled: true });
  }, []);

  // Escape cancels a reading, from anywhere on the screen.
  useEffect(() => {
    if (step.kind !== 'reading') return;
    cancelRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [cancel, step.kind]);
  useEffect(() => {
    if (step.kind === 'start' && step.error) errorRef.current?.focus();
  }, [step]);

  const ready = profile.data && stages.some((stage) => stage.category === 'applied' || stage.category === 'wishlist');

  return (
    <div className="page capture-page">
      <header className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </header>

      {step.kind === 'start' && (
        <>
          {step.error !== undefined && <CaptureError ref={errorRef} error={step.error} />}
          {step.cancelled && (
            <p className="muted" role="status">
              {t('reading.cancelled')}
            </p>
          )}
          <CaptureSources
            inputs={inputs}
            onChange={setInputs}
            onReadLink={(url) => void read({ url })}
            onReadHtml={(html, url) => void read(url ? { html, url } : { html })}
          />
        </>
      )}

      {step.kind === 'reading' && (
        <div className="card capture-reading" role="status" aria-live="polite">
          <span className="capture-spinner" aria-hidden="true" />
          <div>
            <p className="capture-reading-title">{t('reading.title')}</p>
            <p className="muted">{step.url ? t('reading.link', { url: step.url }) : t('reading.html')}</p>
          </div>
          <Button ref={cancelRef} onClick={cancel} aria-keyshortcuts="Escape">
            {t('reading.cancel')}
          </Button>
        </div>
      )}

      {step.kind === 'pick' && (
        <PostingPicker postings={step.result.postings} onPick={(index) => setStep({ kind: 'confirm', result: step.result, index })} />
      )}

      {step.kind === 'confirm' && ready && (
        <CaptureConfirm
          key={`${step.result.capturedAt}-${step.index}`}
          result={step.result}
          draft={step.result.postings[step.index]}
          stages={stages}
          defaultCurrency={profile.data!.defaultCurrency}
          onOtherPostings={step.result.postings.length > 1 ? () => setStep({ kind: 'pick', result: step.result }) : undefined}
          onStartAgain={() => setStep({ kind: 'start' })}
        />
      )}
    </div>
  );
}
