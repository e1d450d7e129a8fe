import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardPart } from '../../../../src-shared/contract';
import type { AppErrorShape } from '../../../../src-shared/errors';
import { Button } from '../../ui/Button';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { errorMessage } from '../../ui/issues';

/** The card of a statistic that could not be computed or drawn: its title, why, and Retry when it can help. */
function FailedCard({ part, reason, onRetry }: { part: DashboardPart; reason: string; onRetry?: () => void }) {
  const { t } = useTranslation(['dashboard', 'layout']);
  const titleId = useId();
  return (
    <section className="dash-card dash-card-wide dash-card-failed" aria-labelledby={titleId} data-part={part}>
      <header className="dash-card-header">
        <h2 id={titleId}>{t(`dashboard:${part}.title`)}</h2>
      </header>
      <p className="notice notice-error" role="alert">
        {t('layout:cardFailed', { reason })}
        {onRetry && (
          <Button size="sm" onClick={onRetry}>
            {t('dashboard:retry')}
          </Button>
        )}
      </p>
    </section>
  );
}

/**
 * One statistic of the dashboard: its cards when it was computed, else an error in its place. A card that fails to
 * draw (a stored value no chart expected) shows the same error and leaves the rest of the dashboard working.
 */
export function DashboardPartCard<T>({ part, value, error, children }: { part: DashboardPart; value: T | null; error?: AppErrorShape; children: (value: T) => ReactNode }) {
  const { t } = useTranslation(['layout', 'common']);
  if (value === null) return <FailedCard part={part} reason={errorMessage(t, error)} />;
  return (
    <ErrorBoundary fallback={(retry) => <FailedCard part={part} reason={t('layout:cardDrawFailed')} onRetry={retry} />}>{children(value)}</ErrorBoundary>
  );
}
