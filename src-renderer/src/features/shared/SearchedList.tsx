import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';

/** A list's search text and how many rows it shows; a new search starts again from the first page. */
export function useSearchedList(pageSize: number) {
  const [text, setTextState] = useState('');
  const [limit, setLimit] = useState(pageSize);
  return {
    text,
    /** The text to send to the list channel: undefined when empty. */
    search: text.trim() || undefined,
    limit,
    setText(value: string) {
      setTextState(value);
      setLimit(pageSize);
    },
    showMore: () => setLimit((current) => current + pageSize),
  };
}

export function SearchField({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  return (
    <Field label={label} className="rec-search">
      {(control) => (
        <input {...control} type="search" className="input" value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}

/** "Show more" under a list that has more rows than it shows. */
export function ShowMore({ shown, total, onClick }: { shown: number; total: number | undefined; onClick(): void }) {
  const { t } = useTranslation('records');
  const format = useFormat();
  if (total === undefined || total <= shown) return null;
  return (
    <Button className="rec-show-more" onClick={onClick}>
      {t('showMore', { shown: format.number(shown), total: format.number(total) })}
    </Button>
  );
}
