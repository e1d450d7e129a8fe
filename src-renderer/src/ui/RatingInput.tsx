import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

interface RatingInputProps {
  legend: string;
  /** '' for none, else '1'…'5'. */
  value: string;
  onChange(value: string): void;
  error?: string;
}

/** One to five stars as a radio group (arrow keys move, like any radio group), with a way back to "none". */
export function RatingInput({ legend, value, onChange, error }: RatingInputProps) {
  const { t } = useTranslation('common');
  const name = useId();
  const current = Number(value) || 0;
  return (
    <fieldset className="field rating" aria-invalid={error ? true : undefined}>
      <legend className="field-label">{legend}</legend>
      <div className="rating-stars">
        {[1, 2, 3, 4, 5].map((star) => (
          <label key={star} className={['rating-star', star <= current && 'is-on'].filter(Boolean).join(' ')} title={t('rating.value', { count: star })}>
            <input
              type="radio"
              className="sr-only"
              name={name}
              value={star}
              checked={current === star}
              onChange={() => onChange(String(star))}
            />
            <span className="sr-only">{t('rating.value', { count: star })}</span>
            <Icon name="star" size={18} filled={star <= current} />
          </label>
        ))}
        {current > 0 && (
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange('')}>
            {t('rating.clear')}
          </button>
        )}
      </div>
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}
