import { memo, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { ApplicationSummary, Stage } from '../../../../../src-shared/contract';
import type { Formatters } from '../../../ui/format';
import { Icon } from '../../../ui/Icon';
import type { Column } from './columns';

interface TableRowProps {
  index: number;
  start: number;
  row: ApplicationSummary | undefined;
  selected: boolean;
  active: boolean;
  editingStage: boolean;
  columns: Column[];
  template: string;
  stages: Stage[];
  stageOptions: ReactNode;
  t: TFunction;
  format: Formatters;
  sourceLabel(source: string | null): string;
}

/**
 * One row of the grid. Memoized and free of handlers (the grid listens for its rows, see data-action), so
 * scrolling renders only the rows coming into view, not every row on screen at every frame.
 */
export const TableRow = memo(function TableRow({ index, start, row, selected, active, editingStage, columns, template, stages, stageOptions, t, format, sourceLabel }: TableRowProps) {
  const className = ['table-row', selected && 'is-selected', row?.archived && 'is-archived'].filter(Boolean).join(' ');
  const style = { gridTemplateColumns: template, transform: `translateY(${start}px)` };
  if (!row) {
    return (
      <div data-index={index} className={className} role="row" aria-rowindex={index + 2} tabIndex={active ? 0 : -1} style={style}>
        <div className="cell cell-loading" role="gridcell" style={{ gridColumn: '1 / -1' }}>
          <span className="skeleton" style={{ width: '40%' }} />
          <span className="sr-only">{t('common:loading')}</span>
        </div>
      </div>
    );
  }
  const context = { t, format, sourceLabel, stages, stageOptions, active, editingStage };
  return (
    <div
      data-index={index}
      data-id={row.id}
      className={className}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={active ? 0 : -1}
      style={style}
    >
      <div className="cell cell-check" role="gridcell">
        <input
          type="checkbox"
          data-action="select"
          tabIndex={active ? 0 : -1}
          aria-label={t('applications:table.selectRow', { position: row.position, company: row.companyName })}
          checked={selected}
          onChange={() => undefined}
        />
      </div>
      <div className="cell cell-star" role="gridcell">
        <button
          type="button"
          data-action="favorite"
          className={['star-button', row.favorite && 'is-on'].filter(Boolean).join(' ')}
          tabIndex={active ? 0 : -1}
          aria-pressed={row.favorite}
          aria-label={t('applications:table.favorite', { position: row.position })}
        >
          <Icon name="star" size={15} filled={row.favorite} />
        </button>
      </div>
      {columns.map((column) => (
        <div key={column.id} className={['cell', column.align === 'end' && 'cell-end'].filter(Boolean).join(' ')} role="gridcell">
          {column.render(row, context)}
        </div>
      ))}
    </div>
  );
});
