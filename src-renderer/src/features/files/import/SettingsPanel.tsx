import { useTranslation } from 'react-i18next';
import { csvDelimiters, dateOrders, importEncodings, type CsvDelimiter, type DateOrder, type ImportEncoding, type ImportPreview, type ImportSettings } from '../../../../../src-shared/contract';
import { Field } from '../../../ui/Field';
import { columnName } from './messages';

const delimiterNames: Record<CsvDelimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** Which row holds the column names: the one Candid found (said in words), or the user's choice. */
function HeaderRowChoice({ preview, settings, onChange }: { preview: ImportPreview; settings: ImportSettings; onChange: (change: Partial<ImportSettings>) => void }) {
  const { t } = useTranslation('imports');
  const detected = preview.settings;
  const candidates = detected.headerCandidates;
  const value = settings.hasHeader === false ? 'none' : String(settings.headerRow ?? detected.headerRow ?? 'none');
  const skipped = detected.headerRow === null ? 0 : candidates.filter((candidate) => candidate.row < detected.headerRow!).length;
  return (
    <div className="imp-header-row">
      <Field label={t('headerRow.label')}>
        {(control) => (
          <select
            {...control}
            className="select"
            value={value}
            onChange={(event) =>
              onChange(event.target.value === 'none' ? { hasHeader: false, headerRow: undefined } : { hasHeader: true, headerRow: Number(event.target.value) })
            }
          >
            <option value="none">{t('headerRow.none')}</option>
            {candidates.map((candidate) => (
              <option key={candidate.row} value={String(candidate.row)}>
                {t('headerRow.row', { row: candidate.row, cells: candidate.cells.filter(Boolean).join(' · ') })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="muted imp-small" role="status" data-testid="imp-header-row">
        {detected.headerRow === null ? t('headerRow.noHeader') : t('headerRow.taken', { row: detected.headerRow })}
        {skipped > 0 && ` ${t('headerRow.skipped', { count: skipped })}`}
      </p>
    </div>
  );
}

/** What Candid detected about the file (format, encoding, delimiter, header row, sheet, date orders), each overridable. */
export function SettingsPanel({
  preview,
  settings,
  onChange,
}: {
  preview: ImportPreview;
  settings: ImportSettings;
  onChange: (change: Partial<ImportSettings>) => void;
}) {
  const { t } = useTranslation('files');
  const detected = preview.settings;
  const isText = preview.format === 'csv' || preview.format === 'json';
  const encodingLabel = (encoding: ImportEncoding) => {
    const name = t(`imports.settings.encodings.${encoding}`);
    return encoding === detected.encoding && detected.bom ? t('imports.settings.withBom', { encoding: name }) : name;
  };
  const dateColumns = preview.columns.filter((column) => column.dates?.order);

  return (
    <aside className="card imp-settings" aria-labelledby="imp-settings-title">
      <h2 id="imp-settings-title" className="section-title">
        {t('imports.settings.title')}
      </h2>
      <dl className="imp-facts">
        <dt>{t('imports.settings.format')}</dt>
        <dd>{t(`imports.settings.formats.${preview.format}`)}</dd>
      </dl>
      {preview.format === 'xlsx' && detected.sheets.length > 1 && (
        <Field label={t('imports.settings.sheet')}>
          {(control) => (
            <select {...control} className="select" value={settings.sheet ?? detected.sheet ?? ''} onChange={(event) => onChange({ sheet: event.target.value })}>
              {detected.sheets.map((sheet) => (
                <option key={sheet} value={sheet}>
                  {sheet}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {isText && (
        <Field label={t('imports.settings.encoding')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={settings.encoding ?? detected.encoding ?? 'utf-8'}
              onChange={(event) => onChange({ encoding: event.target.value as ImportEncoding })}
            >
              {importEncodings.map((encoding) => (
                <option key={encoding} value={encoding}>
                  {encodingLabel(encoding)}
                  {encoding === detected.encoding ? ` · ${t('imports.settings.detected')}` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {preview.format === 'csv' && (
        <Field label={t('imports.settings.delimiter')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={settings.delimiter ?? detected.delimiter ?? ','}
              onChange={(event) => onChange({ delimiter: event.target.value as CsvDelimiter })}
            >
              {csvDelimiters.map((delimiter) => (
                <option key={delimiter} value={delimiter}>
                  {t(`imports.settings.delimiters.${delimiterNames[delimiter]}`)}
                  {delimiter === detected.delimiter ? ` · ${t('imports.settings.detected')}` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {preview.format !== 'json' && <HeaderRowChoice preview={preview} settings={settings} onChange={onChange} />}
      {dateColumns.map((column) => {
        const name = columnName(t, preview, column.index);
        const value = settings.dateOrders?.[String(column.index)] ?? detected.dateOrders[String(column.index)] ?? 'dmy';
        return (
          <div key={column.index} className="imp-date-order">
            <Field label={t('imports.settings.dateOrder', { column: name })}>
              {(control) => (
                <select
                  {...control}
                  className="select"
                  value={value}
                  onChange={(event) => onChange({ dateOrders: { ...settings.dateOrders, [String(column.index)]: event.target.value as DateOrder } })}
                >
                  {dateOrders.map((order) => (
                    <option key={order} value={order}>
                      {t(`imports.settings.dateOrders.${order}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {column.dates?.ambiguous && !settings.dateOrders?.[String(column.index)] && (
              <p className="notice imp-small">{t('imports.settings.ambiguousDates', { column: name })}</p>
            )}
            {column.dates?.mixed && <p className="notice imp-small">{t('imports.settings.mixedDates', { column: name })}</p>}
          </div>
        );
      })}
    </aside>
  );
}
