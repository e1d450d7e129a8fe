import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { postingReadFailures, type PostingReadFailure } from '../../../../src-shared/contract';
import type { AppError } from '../../../../src-shared/errors';
import { Icon } from '../../ui/Icon';
import { errorMessage } from '../../ui/issues';

/** The reason postings.read gave (`details.reason`), when it is one the screen explains. */
export function readFailureOf(error: unknown): PostingReadFailure | null {
  const reason = (error as Partial<AppError> | null)?.details?.reason;
  return (postingReadFailures as readonly unknown[]).includes(reason) ? (reason as PostingReadFailure) : null;
}

/** Why no posting was read, and what to do next, in the user's language; focusable so it is read on arrival. */
export const CaptureError = forwardRef<HTMLDivElement, { error: unknown }>(function CaptureError({ error }, ref) {
  const { t } = useTranslation('capture');
  const reason = readFailureOf(error);
  const status = (error as Partial<AppError> | null)?.details?.status;
  return (
    <div ref={ref} className="notice notice-error capture-error" role="alert" tabIndex={-1}>
      <Icon name="alert" />
      <div>
        <p className="capture-error-title">{t('errors.title')}</p>
        <p>{reason ? t(`errors.${reason}.what`, { status: typeof status === 'number' ? status : '' }) : errorMessage(t, error)}</p>
        {reason && <p>{t(`errors.${reason}.next`)}</p>}
      </div>
    </div>
  );
});
