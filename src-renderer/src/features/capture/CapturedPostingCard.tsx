import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ExternalLink } from '../../ui/ExternalLink';
import { useFormat } from '../../ui/format';
import './capture.css';

interface CapturedPostingCardProps {
  posting: { text: string | null; url: string | null; capturedAt: string };
}

/**
 * The posting's text as it was read, with its address and capture date: read-only, on the capture form before
 * saving and on the application's page after (the text is frozen there; no edit changes it).
 */
export function CapturedPostingCard({ posting }: CapturedPostingCardProps) {
  const { t } = useTranslation('capture');
  const format = useFormat();
  const titleId = useId();
  return (
    <section className="card capture-posting" aria-labelledby={titleId}>
      <h2 className="section-title" id={titleId}>
        {t('posting.title')}
      </h2>
      <p className="capture-posting-meta">
        <span>{t('posting.captured', { date: format.dateTime(posting.capturedAt) })}</span>
        {posting.url && (
          <span>
            {t('posting.source')}{' '}
            <ExternalLink href={posting.url} className="capture-posting-url">
              {posting.url}
            </ExternalLink>
          </span>
        )}
      </p>
      {posting.text ? (
        // Focusable so the keyboard can scroll a long text; named after the card for screen readers.
        <div className="capture-posting-text" tabIndex={0} role="region" aria-labelledby={titleId}>
          {posting.text}
        </div>
      ) : (
        <p className="muted">{t('posting.noText')}</p>
      )}
      <p className="field-hint">{t('posting.hint')}</p>
    </section>
  );
}
