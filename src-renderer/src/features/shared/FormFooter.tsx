import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { FormError } from './FormError';

/**
 * The end of a record form: its form-wide error, then Cancel and the submit button (disabled while saving).
 * `submitLabel` says what submitting does ("Save" when editing, "Create"/"Add" when new).
 */
export function FormFooter({
  error,
  pending,
  submitLabel,
  onCancel,
}: {
  error: string | null;
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation('common');
  return (
    <>
      <div className="rec-span-2">
        <FormError message={error} />
      </div>
      <div className="rec-form-actions rec-span-2">
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </>
  );
}
