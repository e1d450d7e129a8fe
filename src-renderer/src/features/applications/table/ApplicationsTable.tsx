import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { ApplicationSummary, Stage } from '../../../../../src-shared/contract';
import { isModKey, isTypingTarget } from '../../../shell/typing';
import { useFormat } from '../../../ui/format';
import { Icon } from '../../../ui/Icon';
import { useToast } from '../../../ui/toast';
import { useSourceLabel } from '../vocabulary';
import type { ApplicationSort } from '../filters/viewStore';
import { columnTitle, firstDirection, isSortedBy, type Column } from './columns';
import { ColumnResizer } from './ColumnResizer';
import { CellEditor, type EditEnd } from './CellEditor';
import { cellEdits, type EditorValues } from './cellEdits';
import { useColumnSizing } from './useColumnSizing';
import { TableRow } from './TableRow';
import { useStageOptions } from '../StageSelect';
import { isSelected, selectAll, selectedCount, toggleSelected, withSelected, noSelection, type Selection } from './selection';
import { pageSize } from './firstPage';
import { placeOf, rememberPlace, rowHeight, type TablePlace } from './tablePlace';

export interface TableData {
  total: number;
  settled: boolean;
  /** Whether rows on screen are being fetched again (their pages arrive one by one). */
  refreshing?: boolean;
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
  /**
   * Changes when the rows mean something else (filters, sort): the list goes back to the top. A table shown again
   * for the same key (back from an application's page) opens where it was left.
   */
  resetKey: string;
}

/** Where the row `id` is now, looking up to a page either side of where it was. */
function findRow(rowAt: TableData['rowAt'], id: string, near: number): number | null {
  for (let distance = 1; distance <= pageSize; distance += 1) {
    if (rowAt(near + distance)?.id === id) return near + distance;
    if (near - distance >= 0 && rowAt(near - distance)?.id === id) return near - distance;
  }
  return null;
}

/**
 * Rows beyond those on screen whose page is asked for already: half a page, about fifteen frames of a fast scroll.
 * With only the drawn rows' margin (12), a page was asked for as its first rows were drawn: they showed as
 * placeholders (up to 29 rows under load) until it came, then were all drawn again in the frame it arrived.
 */
const rowsAskedAhead = pageSize / 2;

/** Cells before the data columns: the selection checkbox (0) and the favourite star (1). */
const leadingCells = 2;

/** A cell being edited: its row (index and id, as rows move when data refreshes), its column, the key that started it. */
interface Editing {
  index: number;
  rowId: string;
  col: number;
  typed?: string;
}

/**
 * The applications as a virtualized grid (ARIA grid pattern): only rows on screen exist in the page. One cell is
 * "active" (roving tabindex), as in a spreadsheet: arrows move it, Home/End go to the row's ends and Ctrl+Home/End
 * to the first/last row; Enter or F2 edits the cell (typing a character starts an edit with it), Escape cancels,
 * Tab saves and moves on; on a cell that is not editable Enter opens the application (Mod+Enter from any cell).
 * Space selects the row, Shift+arrows extend, Mod+A selects every matching row, Delete deletes the selection.
 * Each edit is one call of the usual channel, undoable from its toast or with Ctrl/Cmd+Z.
 */
export function ApplicationsTable(props: ApplicationsTableProps) {
  const { data, columns, stages, sort, selection, onSelectionChange, onVisiblePagesChange, resetKey } = props;
  const { t } = useTranslation(['applications', 'common', 'grid']);
  const format = useFormat();
  const toast = useToast();
  const sourceLabel = useSourceLabel();
  const stageOptions = useStageOptions(stages);
  const scrollRef = useRef<HTMLDivElement>(null);
  /** Where this view was left, until the table has rows to scroll to it. */
  const [returningTo] = useState(() => placeOf(resetKey));
  const pendingPlace = useRef<TablePlace | undefined>(returningTo);
  const [active, setActive] = useState(returningTo?.active ?? 0);
  const [activeCol, setActiveCol] = useState(returningTo?.col ?? leadingCells);
  const [anchor, setAnchor] = useState<number | null>(null);
  /** The row whose stage select is open (the others show a light button). */
  const [editingStage, setEditingStage] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const focusPending = useRef(false);

  const activeIndex = Math.min(active, Math.max(data.total - 1, 0));
  const lastCol = columns.length + leadingCells - 1;
  const col = Math.min(activeCol, lastCol);
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
    setEditing(null);
  }
  const scrolledKey = useRef(resetKey);
  useEffect(() => {
    if (scrolledKey.current === resetKey) return;
    scrolledKey.current = resetKey;
    pendingPlace.current = undefined;
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  // Back where it was: once the rows are counted (the list is as tall as they are), before the browser paints.
  useLayoutEffect(() => {
    const place = pendingPlace.current;
    if (!place || !data.settled || data.total === 0 || !scrollRef.current) return;
    pendingPlace.current = undefined;
    scrollRef.current.scrollTop = place.top;
  }, [data.settled, data.total]);

  const remember = useCallback(() => {
    // Not while the place to return to is still ahead: the top of a table not yet scrolled would replace it.
    if (pendingPlace.current || !scrollRef.current) return;
    rememberPlace(resetKey, { top: scrollRef.current.scrollTop, active: activeIndex, col });
  }, [resetKey, activeIndex, col]);
  useEffect(remember, [remember]);

  const items = virtualizer.getVirtualItems();
  const firstVisible = virtualizer.range?.startIndex ?? 0;
  const lastVisible = virtualizer.range?.endIndex ?? 0;

  /**
   * The two rows at the top of the view, by id. When a refresh moves both by the same number of places (rows added
   * or removed above them, in this window or another), the view moves with them, so what the user was reading stays
   * where it was on screen. One row moved alone (its sorted field was edited) is not followed, nor are rows at the
   * very top: there the user sees what was added.
   */
  const topRows = useRef<{ key: string; index: number; ids: [string, string | undefined] } | null>(null);
  useLayoutEffect(() => {
    // Rows on screen come a page at a time: until they all have, two pages may disagree on where a row is.
    if (data.refreshing) return;
    const element = scrollRef.current;
    const kept = topRows.current;
    if (element && element.scrollTop > 0 && kept && kept.key === resetKey && !pendingPlace.current && data.rowAt(kept.index)?.id !== kept.ids[0]) {
      const moved = findRow(data.rowAt, kept.ids[0], kept.index);
      const shift = moved === null ? 0 : moved - kept.index;
      if (moved !== null && (kept.ids[1] === undefined || data.rowAt(kept.index + 1 + shift)?.id === kept.ids[1])) {
        topRows.current = { ...kept, index: moved };
        element.scrollTop += shift * rowHeight;
        return;
      }
    }
    const first = data.rowAt(firstVisible);
    if (first) topRows.current = { key: resetKey, index: firstVisible, ids: [first.id, data.rowAt(firstVisible + 1)?.id] };
  });
  const startPage = Math.floor(Math.max(firstVisible - rowsAskedAhead, 0) / pageSize);
  const endPage = Math.floor((lastVisible + rowsAskedAhead) / pageSize);
  useEffect(() => {
    onVisiblePagesChange({ start: startPage * pageSize, end: endPage * pageSize + pageSize - 1 });
  }, [startPage, endPage, onVisiblePagesChange]);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const cell = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"] [data-col="${col}"]`);
    if (cell) {
      focusPending.current = false;
      cell.focus({ preventScroll: true });
      cell.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    }
  });

  const moveTo = (index: number, extend: boolean, toCol = col) => {
    const target = Math.max(0, Math.min(index, data.total - 1));
    if (extend) {
      const from = anchor ?? activeIndex;
      void data.idsBetween(Math.min(from, target), Math.max(from, target)).then((ids) => onSelectionChange(withSelected(selection, ids)));
      if (anchor === null) setAnchor(activeIndex);
    } else {
      setAnchor(target);
    }
    setActive(target);
    setActiveCol(Math.max(0, Math.min(toCol, lastCol)));
    focusPending.current = true;
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const selectRange = (index: number) => {
    const from = anchor ?? index;
    void data.idsBetween(Math.min(from, index), Math.max(from, index)).then((ids) => onSelectionChange(withSelected(selection, ids)));
  };

  const columnAt = (cell: number): Column | undefined => columns[cell - leadingCells];
  const editable = (cell: number) => {
    const column = columnAt(cell);
    return column !== undefined && (column.id === 'stage' || column.id in cellEdits);
  };

  /** The row (index and data) an event happened in, its cell, and the control it hit (data-action), if any. */
  const locate = (target: EventTarget) => {
    const element = target as HTMLElement;
    const rowElement = element.closest<HTMLElement>('[data-index]');
    const cellElement = element.closest<HTMLElement>('[data-col]');
    const index = rowElement ? Number(rowElement.dataset.index) : -1;
    return {
      index,
      row: index >= 0 ? data.rowAt(index) : undefined,
      rowElement,
      cellElement,
      cell: cellElement ? Number(cellElement.dataset.col) : -1,
      action: element.closest<HTMLElement>('[data-action]')?.dataset.action,
      inEditor: element.closest('[data-editor]') !== null,
    };
  };

  /** Starts editing a cell (the stage opens its select); `typed` is the character that started it. */
  const startEdit = (index: number, row: ApplicationSummary, cell: number, typed?: string) => {
    const column = columnAt(cell);
    if (!column) return;
    if (column.id === 'stage') {
      setEditingStage(row.id);
      return;
    }
    if (column.id in cellEdits) setEditing({ index, rowId: row.id, col: cell, typed });
  };

  const saveEdit = async (row: ApplicationSummary, column: Column, values: EditorValues) => {
    const undo = await cellEdits[column.id].save(row, values);
    if (undo) toast.showUndo(t('grid:saved', { field: columnTitle(t, column), position: row.position }), undo);
  };

  const endEdit = (end: EditEnd) => {
    setEditing(null);
    if (end === 'next') setActiveCol(Math.min(col + 1, lastCol));
    if (end === 'previous') setActiveCol(Math.max(col - 1, 0));
    focusPending.current = true;
  };

  const onGridClick = (event: MouseEvent) => {
    const { index, row, action, cell, inEditor } = locate(event.target);
    if (!row || inEditor) return;
    setActive(index);
    if (cell >= 0) setActiveCol(cell);
    if (action === 'stage') return;
    if (action === 'open') {
      // The position is a link: opening keeps the app's navigation (and its guards) rather than the browser's.
      event.preventDefault();
      props.onOpen(row.id);
      return;
    }
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
  };

  const onGridDoubleClick = (event: MouseEvent) => {
    const { index, row, action, cell, inEditor } = locate(event.target);
    if (!row || inEditor || action || cell < leadingCells) return;
    if (editable(cell)) startEdit(index, row, cell);
    else props.onOpen(row.id);
  };

  const onGridChange = (event: ChangeEvent) => {
    const { row, action } = locate(event.target);
    if (row && action === 'stage') {
      setEditingStage(null);
      focusPending.current = true;
      props.onChangeStage(row, (event.target as HTMLSelectElement).value);
    }
  };

  const pageRows = Math.max(Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1, 1);
  const onCellKeyDown = (event: KeyboardEvent, index: number, row: ApplicationSummary | undefined, cellElement: HTMLElement | null) => {
    if (event.target !== cellElement) {
      // On a control of the cell (the stage's select): it keeps its keys; Escape gives the cell back.
      const control = event.target as HTMLElement;
      if (control.tagName === 'SELECT' && event.key === 'Escape') {
        event.preventDefault();
        setEditingStage(null);
        focusPending.current = true;
        cellElement?.focus();
        return;
      }
      if (control.tagName === 'SELECT' || isTypingTarget(control) || event.key === ' ' || event.key === 'Enter') return;
    }
    const mod = isModKey(event);
    const enter = () => {
      if (!row) return;
      if (mod) props.onOpen(row.id);
      else if (col === 0) onSelectionChange(toggleSelected(selection, row.id));
      else if (col === 1) props.onToggleFavorite(row);
      else if (editable(col)) startEdit(index, row, col);
      else props.onOpen(row.id);
    };
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(index + 1, event.shiftKey),
      ArrowUp: () => moveTo(index - 1, event.shiftKey),
      ArrowLeft: () => moveTo(index, false, col - 1),
      ArrowRight: () => moveTo(index, false, col + 1),
      PageDown: () => moveTo(index + pageRows, event.shiftKey),
      PageUp: () => moveTo(index - pageRows, event.shiftKey),
      Home: () => (mod ? moveTo(0, event.shiftKey) : moveTo(index, false, 0)),
      End: () => (mod ? moveTo(data.total - 1, event.shiftKey) : moveTo(index, false, lastCol)),
      ' ': () => row && onSelectionChange(toggleSelected(selection, row.id)),
      Enter: enter,
      F2: () => row && editable(col) && startEdit(index, row, col),
      Delete: () => props.onDelete(row),
      Backspace: () => props.onDelete(row),
      Escape: () => onSelectionChange(noSelection),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
      return;
    }
    // Typing a character on an editable cell starts editing it with that character (as in a spreadsheet).
    const column = columnAt(col);
    if (row && column && column.id in cellEdits && event.key.length === 1 && !mod && !event.altKey) {
      event.preventDefault();
      startEdit(index, row, col, event.key);
    }
  };

  const onGridKeyDown = (event: KeyboardEvent) => {
    const { index, row, rowElement, cellElement, inEditor } = locate(event.target);
    if (inEditor) return;
    if (isModKey(event) && event.key.toLowerCase() === 'a' && !isTypingTarget(event.target)) {
      event.preventDefault();
      onSelectionChange(selectAll());
      return;
    }
    if (rowElement) onCellKeyDown(event, index, row, cellElement);
  };

  const measureContext = useMemo(() => ({ t, format, sourceLabel, stages, stageOptions }), [t, format, sourceLabel, stages, stageOptions]);
  const headerLabel = useCallback((column: Column) => columnTitle(t, column), [t]);
  const sizing = useColumnSizing(columns, data.rowAt, data.total, measureContext, scrollRef, headerLabel);
  const { template, totalWidth: minWidth } = sizing;
  const count = selectedCount(selection, data.total);
  const allChecked = data.total > 0 && count === data.total;

  const toggleSort = (column: Column) => {
    if (!column.sort) return;
    const direction = isSortedBy(sort, column) ? (sort.direction === 'asc' ? 'desc' : 'asc') : (column.firstDirection ?? firstDirection(column.sort));
    props.onSortChange({ column: column.sort, direction, ...(column.sortFieldId ? { fieldId: column.sortFieldId } : {}) });
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
      onScroll={remember}
      onClick={onGridClick}
      onDoubleClick={onGridDoubleClick}
      onChange={onGridChange}
      onBlur={(event) => {
        // The select closes back into a button once the user leaves it.
        if ((event.target as HTMLElement).dataset.action === 'stage') setEditingStage(null);
      }}
      onFocus={(event) => {
        // A cell focused by a click or by the browser's own moves becomes the active one.
        const cellElement = event.target as HTMLElement;
        const rowElement = cellElement.closest<HTMLElement>('[data-index]');
        if (cellElement.dataset.col === undefined || !rowElement) return;
        setActive(Number(rowElement.dataset.index));
        setActiveCol(Number(cellElement.dataset.col));
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
            const sorted = isSortedBy(sort, column);
            return (
              <div
                key={column.id}
                className={['cell', 'header-cell', column.align === 'end' && 'cell-end'].filter(Boolean).join(' ')}
                role="columnheader"
                // Named by its label alone (its resize handle has a name of its own).
                aria-label={columnTitle(t, column)}
                aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {column.sort ? (
                  <button type="button" className="sort-button" onClick={() => toggleSort(column)} title={columnTitle(t, column)}>
                    <span className="header-label">{columnTitle(t, column)}</span>
                    {sorted && <Icon name="chevronDown" size={12} />}
                  </button>
                ) : (
                  <span className="header-label" title={columnTitle(t, column)}>
                    {columnTitle(t, column)}
                  </span>
                )}
                <ColumnResizer
                  label={columnTitle(t, column)}
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
          const isActive = item.index === activeIndex;
          const editingHere = editing && row && editing.rowId === row.id ? editing : null;
          const editedColumn = editingHere ? columnAt(editingHere.col) : undefined;
          return (
            <TableRow
              key={item.key}
              index={item.index}
              start={item.start}
              row={row}
              selected={row ? isSelected(selection, row.id) : false}
              active={isActive}
              activeCol={isActive ? col : -1}
              editingCol={editingHere && editedColumn ? editingHere.col : -1}
              editor={
                editingHere && editedColumn && row ? (
                  <CellEditor
                    key={`${row.id}:${editedColumn.id}`}
                    row={row}
                    edit={cellEdits[editedColumn.id]}
                    label={t('grid:editLabel', { field: columnTitle(t, editedColumn), position: row.position })}
                    typed={editingHere.typed}
                    onSave={(values) => saveEdit(row, editedColumn, values)}
                    onEnd={endEdit}
                  />
                ) : null
              }
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
