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
  /** The active cell of this row (roving tabindex), -1 on every other row. */
  activeCol: number;
  /** The cell being edited and its editor, when this row has one (-1 and null otherwise). */
  editingCol: number;
  editor: ReactNode;
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
 * One row of the grid. Memoized and free of handlers (the grid listens for its rows, see data-action and
 * data-col), so scrolling renders only the rows coming into view, not every row on screen at every frame.
 * Cells take the focus, one at a time (`activeCol`); controls inside them stay out of the tab order.
 */
export const TableRow = memo(function TableRow(props: TableRowProps) {
  const { index, start, row, selected, active, activeCol, editingCol, editor, editingStage, columns, template, stages, stageOptions, t, format, sourceLabel } = props;
  const className = ['table-row', selected && 'is-selected', active && 'is-active', row?.archived && 'is-archived'].filter(Boolean).join(' ');
  const style = { gridTemplateColumns: template, transform: `translateY(${start}px)` };
  const tabIndex = (col: number) => (activeCol === col ? 0 : -1);
  if (!row) {
    return (
      <div data-index={index} className={className} role="row" aria-rowindex={index + 2} style={style}>
        <div className="cell cell-loading" role="gridcell" data-col={0} tabIndex={active ? 0 : -1} style={{ gridColumn: '1 / -1' }}>
          <span className="skeleton" style={{ width: '40%' }} />
          <span className="sr-only">{t('common:loading')}</span>
        </div>
      </div>
    );
  }
  const context = { t, format, sourceLabel, stages, stageOptions, active, editingStage };
  return (
    <div data-index={index} data-id={row.id} className={className} role="row" aria-rowindex={index + 2} aria-selected={selected} style={style}>
      <div className="cell cell-check" role="gridcell" data-col={0} aria-colindex={1} tabIndex={tabIndex(0)}>
        <input
          type="checkbox"
          data-action="select"
          tabIndex={-1}
          aria-label={t('applications:table.selectRow', { position: row.position, company: row.companyName })}
          checked={selected}
          onChange={() => undefined}
        />
      </div>
      <div className="cell cell-star" role="gridcell" data-col={1} aria-colindex={2} tabIndex={tabIndex(1)}>
        <button
          type="button"
          data-action="favorite"
          className={['star-button', row.favorite && 'is-on'].filter(Boolean).join(' ')}
          tabIndex={-1}
          aria-pressed={row.favorite}
          aria-label={t('applications:table.favorite', { position: row.position })}
        >
          <Icon name="star" size={15} filled={row.favorite} />
        </button>
      </div>
      {columns.map((column, position) => {
        const col = position + 2;
        const editing = editingCol === col;
        return (
          <div
            key={column.id}
            className={['cell', column.align === 'end' && 'cell-end', editing && 'is-editing'].filter(Boolean).join(' ')}
            role="gridcell"
            data-col={col}
            aria-colindex={col + 1}
            tabIndex={editing ? -1 : tabIndex(col)}
          >
            {editing ? editor : column.render(row, context)}
          </div>
        );
      })}
    </div>
  );
});
