import { useTranslation } from 'react-i18next';
import { plausibleDayRange, type IgnoredSyncDate } from '../../../../src-shared/contract';
import { useFormat } from '../../ui/format';

/**
 * Dates another device sent outside the plausible bounds: not applied here (src-main/sync/dates.ts). Listed so that
 * the person knows which field on which item kept this device's value, and can correct it.
 */
export function IgnoredDates({ items }: { items: readonly IgnoredSyncDate[] }) {
  const { t, i18n } = useTranslation('syncDates');
  const format = useFormat();
  if (items.length === 0) return null;
  const range = plausibleDayRange();
  const field = (column: string) => (i18n.exists(`syncDates:fields.${column}`) ? t(`fields.${column}`) : t('fields.other', { column }));
  return (
    <section className="notice sy-warning sy-ignored" role="status" aria-labelledby="sy-ignored-title">
      <h3 id="sy-ignored-title">{t('title')}</h3>
      <p>{t('intro', { first: range.first.slice(0, 4), last: range.last.slice(0, 4) })}</p>
      <ul>
        {items.map((item) => (
          <li key={`${item.table}-${item.column}-${item.writtenAt}-${item.value}-${item.subject ?? ''}`}>
            {t(item.customField && item.customField.kind !== 'date' ? 'valueItem' : 'item', {
              subject: item.subject ?? t('unnamed'),
              field: item.customField?.name ?? field(item.column),
            })}{' '}
            <span className="muted">{t('value', { value: item.value, when: format.dateTime(item.writtenAt) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
