import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { Popover } from '../../../ui/Popover';
import { defaultColumns } from '../filters/viewStore';
import { useCustomFields } from '../../customFields/model';
import { columnTitle, columnsFor } from './columns';

/** Which columns the table shows; the position is always there. */
export function ColumnChooser({ columns, onChange }: { columns: string[]; onChange(columns: string[]): void }) {
  const { t } = useTranslation('applications');
  const fields = useCustomFields();
  return (
    <Popover
      label={t('columns.title')}
      align="end"
      trigger={(props) => (
        <Button icon="columns" {...props}>
          {t('columns.button')}
        </Button>
      )}
    >
      <fieldset className="filter-group column-chooser">
        <legend>{t('columns.title')}</legend>
        <div className="filter-options">
          {columnsFor(fields).map((column) => (
            <label className="check" key={column.id}>
              <input
                type="checkbox"
                disabled={column.required}
                checked={column.required || columns.includes(column.id)}
                onChange={(event) =>
                  onChange(event.target.checked ? [...columns, column.id] : columns.filter((id) => id !== column.id))
                }
              />
              {columnTitle(t, column)}
            </label>
          ))}
        </div>
        <Button size="sm" variant="ghost" onClick={() => onChange(defaultColumns)}>
          {t('columns.reset')}
        </Button>
      </fieldset>
    </Popover>
  );
}
