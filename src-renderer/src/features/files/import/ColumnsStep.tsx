import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { importFields, multiColumnFields, requiredImportFields, type ImportField, type ImportPreview, type ImportProblem } from '../../../../../src-shared/contract';
import { columnName, problemMessage } from './messages';

/** Problems by "row:column", to mark the cells of the preview table. */
function problemsByCell(problems: readonly ImportProblem[]): Map<string, ImportProblem> {
  const cells = new Map<string, ImportProblem>();
  for (const problem of problems) {
    if (problem.row === null || problem.column === null) continue;
    const key = `${problem.row}:${problem.column}`;
    if (!cells.has(key) || problem.severity === 'error') cells.set(key, problem);
  }
  return cells;
}

/** Step 2: the first rows of the file, with what each column becomes above it. */
export function ColumnsStep({ preview, onMap }: { preview: ImportPreview; onMap: (column: number, field: ImportField | null) => void }) {
  const { t, i18n } = useTranslation('files');
  const cells = useMemo(() => problemsByCell(preview.problems), [preview.problems]);
  const missing = requiredImportFields.filter((field) => !preview.mapping.includes(field));
  const number = new Intl.NumberFormat(i18n.language);

  return (
    <section className="card imp-columns" aria-labelledby="imp-columns-title">
      <header className="imp-section-header">
        <h2 id="imp-columns-title">{t('imports.columns.title')}</h2>
        <p className="muted">{t('imports.columns.hint')}</p>
        {missing.length > 0 && (
          <p className="notice notice-error" role="alert">
            {t('imports.columns.required')}
          </p>
        )}
      </header>
      <div className="imp-table-scroll" tabIndex={0} role="region" aria-labelledby="imp-columns-title">
        <table className="imp-table">
          <thead>
            <tr>
              <th scope="col" className="imp-row-number" />
              {preview.columns.map((column) => {
                const name = columnName(t, preview, column.index);
                const field = preview.mapping[column.index];
                return (
                  <th key={column.index} scope="col" data-mapped={field ? 'true' : 'false'}>
                    <span className="imp-header-name" title={name}>
                      {name}
                    </span>
                    <select
                      className="select select-sm"
                      aria-label={t('imports.columns.mapTo', { column: name })}
                      value={field ?? ''}
                      onChange={(event) => onMap(column.index, (event.target.value || null) as ImportField | null)}
                    >
                      <option value="">{t('imports.columns.ignore')}</option>
                      {importFields.map((option) => (
                        <option key={option} value={option}>
                          {t(`imports.fields.${option}`)}
                          {requiredImportFields.includes(option) ? ' *' : ''}
                          {option !== field && !multiColumnFields.includes(option) && preview.mapping.includes(option) ? ' ✓' : ''}
                        </option>
                      ))}
                    </select>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.row}>
                <th scope="row" className="imp-row-number">
                  {row.row}
                </th>
                {row.cells.map((cell, column) => {
                  const problem = cells.get(`${row.row}:${column}`);
                  return (
                    <td
                      key={column}
                      data-problem={problem?.severity}
                      data-unmapped={preview.mapping[column] ? undefined : 'true'}
                      title={problem ? problemMessage(t, problem) : cell}
                    >
                      {cell}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted imp-small">{t('imports.columns.shown', { shown: number.format(preview.rows.length), count: number.format(preview.rowCount) })}</p>
    </section>
  );
}
