import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { ApplicationSummary, Stage } from '../../../../../src-shared/contract';
import { isModKey, isTypingTarget } from '../../../shell/typing';
import { useFormat } from '../../../ui/format';
import { Icon } from '../../../ui/Icon';
import { useSourceLabel } from '../vocabulary';
import type { ApplicationSort } from '../filters/viewStore';
import { firstDirection, type Column } from './columns';
import { ColumnResizer } from './ColumnResizer';
import { useColumnSizing } from './useColumnSizing';
import { TableRow } from './TableRow';
import { useStageOptions } from '../StageSelect';
import { isSelected, selectAll, selectedCount, toggleSelected, withSelected, noSelection, type Selection } from './selection';
import { pageSize } from './usePagedApplications';

const rowHeight = 40;

export interface TableData {
  total: number;
  settled: boolean;
  rowAt(index: number): ApplicationSummary | undefined;
  idsBetween(start: number, end: number): Promise<string[]>;
}

interface ApplicationsTableProps {
  data: TableData;
  columns: Column[];
  stages: Stage[];
  sort: ApplicationSort;
  onSortChange(sort: ApplicationSort): void;
  selection: Selection;
  onSelectionChange(selection: Selection): void;
  /** Reports the rows on screen, rounded to whole pages, so only those pages are fetched. */
  onVisiblePagesChange(range: { start: number; end: number }): void;
  onOpen(id: string): void;
  /** Delete key: the selection, or the active row when nothing is selected. */
  onDelete(activeRow: ApplicationSummary | undefined): void;
  onToggleFavorite(row: ApplicationSummary): void;
  onChangeStage(row: ApplicationSummary, stageId: string): void;
  /** Changes when the rows mean something else (filters, sort): the list goes back to the top. */
  resetKey: string;
}

/**
 * The applications as a virtualized grid (ARIA grid pattern): only rows on screen exist in the page. One row is
 * "active" (roving tabindex): arrows move it, Space selects, Shift extends, Enter opens, Mod+A selects every
 * matching row, Delete deletes the selection.
 */
export function ApplicationsTable(props: ApplicationsTableProps) {
  const { data, columns, stages, sort, selection, onSelectionChange, onVisiblePagesChange, resetKey } = props;
  const { t } = useTranslation(['applications', 'common']);
  const format = useFormat();
  const sourceLabel = useSourceLabel();
  const stageOptions = useStageOptions(stages);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [anchor, setAnchor] = useState<number | null>(null);
  /** The row whose stage select is open (the others show a light button). */
  const [editingStage, setEditingStage] = useState<string | null>(null);
  const focusPending = useRef(false);

  const activeIndex = Math.min(active, Math.max(data.total - 1, 0));
  const rangeExtractor = useCallback(
    (range: Range) => {
      // The active row stays mounted even when scrolled away, so keyboard focus is never lost.
      const indexes = defaultRangeExtractor(range);
      if (data.total > 0 && !indexes.includes(activeIndex)) indexes.push(activeIndex);
      return indexes.sort((a, b) => a - b);
    },
    [activeIndex, data.total],
  );
  // The virtualizer's functions change identity on every scroll; this component is not memoized, so that is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: data.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    rangeExtractor,
    // The sticky header row takes the first row's height; scrolling to a row keeps it clear of the header.
    paddingStart: rowHeight,
    scrollPaddingStart: rowHeight,
  });

  const [shownKey, setShownKey] = useState(resetKey);
  if (shownKey !== resetKey) {
    setShownKey(resetKey);
    setActive(0);
    setAnchor(null);
  }
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const items = virtualizer.getVirtualItems();
  const firstVisible = virtualizer.range?.startIndex ?? 0;
  const lastVisible = virtualizer.range?.endIndex ?? 0;
  const startPage = Math.floor(Math.max(firstVisible - 12, 0) / pageSize);
  const endPage = Math.floor((lastVisible + 12) / pageSize);
  useEffect(() => {
    onVisiblePagesChange({ start: startPage * pageSize, end: endPage * pageSize + pageSize - 1 });
  }, [startPage, endPage, onVisiblePagesChange]);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (row) {
      focusPending.current = false;
      row.focus({ preventScroll: true });
    }
  });

  const moveTo = (index: number, extend: boolean) => {
    const target = Math.max(0, Math.min(index, data.total - 1));
    if (extend) {
      const from = anchor ?? activeIndex;
      void data.idsBetween(Math.min(from, target), Math.max(from, target)).then((ids) => onSelectionChange(withSelected(selection, ids)));
      if (anchor === null) setAnchor(activeIndex);
    } else {
      setAnchor(target);
    }
    setActive(target);
    focusPending.current = true;
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const selectRange = (index: number) => {
    const from = anchor ?? index;
    void data.idsBetween(Math.min(from, index), Math.max(from, index)).then((ids) => onSelectionChange(withSelected(selection, ids)));
  };

  /** The row (index and data) an event happened in, and the control it hit (data-action), if any. */
  const locate = (target: EventTarget) => {
    const element = target as HTMLElement;
    const rowElement = element.closest<HTMLElement>('[data-index]');
    const index = rowElement ? Number(rowElement.dataset.index) : -1;
    return { index, row: index >= 0 ? data.rowAt(index) : undefined, rowElement, action: element.closest<HTMLElement>('[data-action]')?.dataset.action };
  };

  const onGridClick = (event: MouseEvent) => {
    const { index, row, action } = locate(event.target);
    if (!row) return;
    setActive(index);
    if (action === 'stage') return;
    if (action === 'stage-edit') {
      setEditingStage(row.id);
      return;
    }
    if (action === 'favorite') {
      props.onToggleFavorite(row);
      return;
    }
    if (event.shiftKey) {
      selectRange(index);
      return;
    }
    setAnchor(index);
    if (action === 'select' || isModKey(event)) onSelectionChange(toggleSelected(selection, row.id));
    else props.onOpen(row.id);
  };

  const onGridChange = (event: ChangeEvent) => {
    const { row, action } = locate(event.target);
    if (row && action === 'stage') {
      setEditingStage(null);
      props.onChangeStage(row, (event.target as HTMLSelectElement).value);
    }
  };

  const pageRows = Math.max(Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1, 1);
  const onRowKeyDown = (event: KeyboardEvent, index: number, row: ApplicationSummary | undefined, rowElement: HTMLElement) => {
    if (event.target !== rowElement) {
      // On a control of the row: Space and Enter are the control's, and a select keeps its arrows.
      const control = event.target as HTMLElement;
      if (control.tagName === 'SELECT' && event.key === 'Escape') {
        event.preventDefault();
        setEditingStage(null);
        rowElement.focus();
        return;
      }
      if (control.tagName === 'SELECT' || isTypingTarget(control) || event.key === ' ' || event.key === 'Enter') return;
    }
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(index + 1, event.shiftKey),
      ArrowUp: () => moveTo(index - 1, event.shiftKey),
      PageDown: () => moveTo(index + pageRows, event.shiftKey),
      PageUp: () => moveTo(index - pageRows, event.shiftKey),
      Home: () => moveTo(0, event.shiftKey),
      End: () => moveTo(data.total - 1, event.shiftKey),
      ' ': () => row && onSelectionChange(toggleSelected(selection, row.id)),
      Enter: () => row && props.onOpen(row.id),
      Delete: () => props.onDelete(row),
      Backspace: () => props.onDelete(row),
      Escape: () => onSelectionChange(noSelection),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const onGridKeyDown = (event: KeyboardEvent) => {
    if (isModKey(event) && event.key.toLowerCase() === 'a' && !isTypingTarget(event.target)) {
      event.preventDefault();
      onSelectionChange(selectAll());
      return;
    }
    const { index, row, rowElement } = locate(event.target);
    if (rowElement) onRowKeyDown(event, index, row, rowElement);
  };

  const measureContext = useMemo(() => ({ t, format, sourceLabel, stages, stageOptions }), [t, format, sourceLabel, stages, stageOptions]);
  const headerLabel = useCallback((column: Column) => t(`applications:${column.label}`), [t]);
  const sizing = useColumnSizing(columns, data.rowAt, data.total, measureContext, scrollRef, headerLabel);
  const { template, totalWidth: minWidth } = sizing;
  const count = selectedCount(selection, data.total);
  const allChecked = data.total > 0 && count === data.total;

  const toggleSort = (column: Column) => {
    if (!column.sort) return;
    const direction = sort.column === column.sort ? (sort.direction === 'asc' ? 'desc' : 'asc') : firstDirection(column.sort);
    props.onSortChange({ column: column.sort, direction });
  };

  return (
    <div
      ref={scrollRef}
      className="table-scroll"
      role="grid"
      aria-label={t('applications:table.label')}
      aria-rowcount={data.total + 1}
      aria-colcount={columns.length + 2}
      aria-multiselectable="true"
      onKeyDown={onGridKeyDown}
      onClick={onGridClick}
      onChange={onGridChange}
      onBlur={(event) => {
        // The select closes back into a button once the user leaves it.
        if ((event.target as HTMLElement).dataset.action === 'stage') setEditingStage(null);
      }}
      onFocus={(event) => {
        const rowElement = event.target as HTMLElement;
        if (rowElement.dataset.index !== undefined && rowElement.getAttribute('role') === 'row') setActive(Number(rowElement.dataset.index));
      }}
    >
      <div className="table-inner" style={{ minWidth, height: virtualizer.getTotalSize() }}>
        <div className="table-row table-header" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
          <div className="cell cell-check" role="columnheader">
            <input
              type="checkbox"
              aria-label={t('applications:table.selectAll')}
              checked={allChecked}
              ref={(element) => {
                if (element) element.indeterminate = count > 0 && !allChecked;
              }}
              onChange={() => onSelectionChange(allChecked || count > 0 ? noSelection : selectAll())}
            />
          </div>
          <div className="cell cell-star" role="columnheader">
            <span className="sr-only">{t('applications:fields.favorite')}</span>
            <Icon name="star" size={14} />
          </div>
          {columns.map((column, index) => {
            const sorted = column.sort && sort.column === column.sort;
            return (
              <div
                key={column.id}
                className={['cell', 'header-cell', column.align === 'end' && 'cell-end'].filter(Boolean).join(' ')}
                role="columnheader"
                // Named by its label alone (its resize handle has a name of its own).
                aria-label={t(`applications:${column.label}`)}
                aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {column.sort ? (
                  <button type="button" className="sort-button" onClick={() => toggleSort(column)} title={t(`applications:${column.label}`)}>
                    <span className="header-label">{t(`applications:${column.label}`)}</span>
                    {sorted && <Icon name="chevronDown" size={12} />}
                  </button>
                ) : (
                  <span className="header-label" title={t(`applications:${column.label}`)}>
                    {t(`applications:${column.label}`)}
                  </span>
                )}
                <ColumnResizer
                  label={t(`applications:${column.label}`)}
                  width={sizing.widths[index]}
                  onPreview={(width) => sizing.preview(column, width)}
                  onCommit={(width) => sizing.commit(column, width)}
                  onFit={() => sizing.fit(column)}
                />
              </div>
            );
          })}
        </div>
        {items.map((item) => {
          const row = data.rowAt(item.index);
          return (
            <TableRow
              key={item.key}
              index={item.index}
              start={item.start}
              row={row}
              selected={row ? isSelected(selection, row.id) : false}
              active={item.index === activeIndex}
              editingStage={row !== undefined && row.id === editingStage}
              columns={columns}
              template={template}
              stages={stages}
              stageOptions={stageOptions}
              t={t}
              format={format}
              sourceLabel={sourceLabel}
            />
          );
        })}
      </div>
    </div>
  );
}
