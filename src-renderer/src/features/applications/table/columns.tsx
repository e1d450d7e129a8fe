import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { ApplicationSortColumn, ApplicationSummary, CustomField, Stage } from '../../../../../src-shared/contract';
import { customColumnId, valueText } from '../../customFields/model';
import type { ApplicationSort } from '../filters/viewStore';
import type { Formatters } from '../../../ui/format';
import { Icon } from '../../../ui/Icon';
import { StageSelect } from '../StageSelect';

/** Focuses the select that replaced the stage button and opens its list (the click that asked is still fresh). */
function openPicker(select: HTMLSelectElement | null) {
  if (!select) return;
  select.focus();
  try {
    select.showPicker();
  } catch {
    // No picker without a user gesture (e.g. keyboard focus moved here): arrows still change the value.
  }
}

export interface CellContext {
  t: TFunction;
  format: Formatters;
  sourceLabel(source: string | null): string;
  stages: Stage[];
  /** The stage <option>s, built once for every row's select. */
  stageOptions: ReactNode;
  /** Whether this row is the keyboard-active one. */
  active: boolean;
  /** Whether this row's stage is being changed (its select is shown and open). */
  editingStage: boolean;
}

/** The width in CSS pixels of a text in the cells' font (`weight` for bold text). */
export type TextWidth = (text: string, weight?: number) => number;

export interface Column {
  id: string;
  /** Key in the `applications` catalogue (`fields.*`)… */
  label: string;
  /** …or a title of the user's own (a custom field's name). */
  title?: string;
  /** Width in pixels before the rows are measured; `minWidth` and `maxWidth` bound the width fitted to the content. */
  width: number;
  minWidth: number;
  maxWidth: number;
  /** The width of the cell's content (padding aside), for sizing the column to it; none keeps `width`. */
  measure?(row: ApplicationSummary, context: CellContext, textWidth: TextWidth): number;
  sort?: ApplicationSortColumn;
  /** The custom field a `custom` sort is by. */
  sortFieldId?: string;
  /** The direction of a first click on the header, where the sort column alone does not say (custom fields). */
  firstDirection?: 'asc' | 'desc';
  /** Columns that cannot be hidden. */
  required?: boolean;
  align?: 'end';
  render(row: ApplicationSummary, context: CellContext): ReactNode;
}

// dir="auto": a right-to-left value is laid out in its own direction, its ellipsis at its own end.
const text = (value: string | null | undefined): ReactNode => (value ? <span className="cell-text" title={value} dir="auto">{value}</span> : <Blank />);

function Blank() {
  return <span className="cell-blank" aria-hidden="true" />;
}

function rating(value: number | null): ReactNode {
  return value == null ? <Blank /> : <span className="numeric">{`${value}/5`}</span>;
}

/** A column showing one text per row (or none): rendered and measured from the same text. */
function textColumn(
  column: Omit<Column, 'render' | 'measure'>,
  value: (row: ApplicationSummary, context: CellContext) => string | null | undefined,
): Column {
  return {
    ...column,
    render: (row, context) => text(value(row, context)),
    measure: (row, context, textWidth) => textWidth(value(row, context) ?? ''),
  };
}

/** Room for the stage's dot, its button's padding and border, and the chevron beside the name. */
const stageChrome = 52;
/** Each tag is a chip: its padding, border and the gap to the next. */
const tagChrome = 22;

/** A 1–5 rating, right-aligned ("3/5"). */
function ratingColumn(id: 'priority' | 'excitement', label: string, width: number): Column {
  return {
    id,
    label,
    width,
    minWidth: 64,
    maxWidth: 160,
    sort: id,
    align: 'end',
    render: (row) => rating(row[id]),
    measure: (_row, _context, textWidth) => textWidth('5/5'),
  };
}

/** Every column the table can show; the user picks which (column chooser), in this order. */
export const allColumns: Column[] = [
  {
    id: 'position',
    label: 'fields.position',
    width: 240,
    minWidth: 120,
    maxWidth: 420,
    sort: 'position',
    required: true,
    // A link to the application (a click opens it); the cell itself is edited like the others (Enter, F2, typing).
    render: (row) => (
      <a className="cell-text cell-strong cell-link" href={`#/applications/${row.id}`} data-action="open" tabIndex={-1} title={row.position} dir="auto">
        {row.position}
      </a>
    ),
    // In bold (.cell-strong; 600 rather than 550: a font without that weight draws the next one up).
    measure: (row, _context, textWidth) => textWidth(row.position, 600),
  },
  textColumn({ id: 'company', label: 'fields.company', width: 180, minWidth: 80, maxWidth: 320, sort: 'company' }, (row) => row.companyName),
  {
    id: 'stage',
    label: 'fields.stage',
    width: 180,
    minWidth: 100,
    maxWidth: 300,
    sort: 'stage',
    measure: (row, { t }, textWidth) => textWidth(row.stageName ?? t(`common:stageCategory.${row.stageCategory}`)) + stageChrome,
    // A light button until the user wants to change the stage: a native select in every row would make scrolling
    // 100,000 rows heavy. The grid handles both (event delegation, see ApplicationsTable).
    render: (row, { t, stages, stageOptions, editingStage }) => {
      const name = row.stageName ?? t(`common:stageCategory.${row.stageCategory}`);
      return (
        <span className={`stage-cell cat-${row.stageCategory}`}>
          <span className="dot" aria-hidden="true" />
          {editingStage ? (
            <StageSelect
              size="sm"
              className="stage-inline"
              stages={stages}
              options={stageOptions}
              value={row.stageId}
              data-action="stage"
              aria-label={t('applications:table.stageOf', { position: row.position })}
              ref={openPicker}
              onChange={() => undefined}
            />
          ) : (
            <button
              type="button"
              className="stage-button"
              data-action="stage-edit"
              tabIndex={-1}
              aria-haspopup="listbox"
              aria-label={t('applications:table.changeStage', { position: row.position, stage: name })}
            >
              <span className="cell-text">{name}</span>
              <Icon name="chevronDown" size={12} />
            </button>
          )}
        </span>
      );
    },
  },
  textColumn({ id: 'appliedOn', label: 'fields.appliedOn', width: 120, minWidth: 72, maxWidth: 200, sort: 'appliedOn' }, (row, { format }) => format.date(row.appliedOn)),
  textColumn(
    { id: 'employmentType', label: 'fields.employmentType', width: 150, minWidth: 72, maxWidth: 260, sort: 'employmentType' },
    (row, { t }) => row.employmentType && t(`common:employmentType.${row.employmentType}`),
  ),
  textColumn({ id: 'schedule', label: 'fields.schedule', width: 110, minWidth: 72, maxWidth: 200 }, (row, { t }) => row.schedule && t(`common:schedule.${row.schedule}`)),
  textColumn(
    { id: 'workMode', label: 'fields.workMode', width: 120, minWidth: 72, maxWidth: 200, sort: 'workMode' },
    (row, { t }) => row.workMode && t(`common:workMode.${row.workMode}`),
  ),
  textColumn({ id: 'location', label: 'fields.location', width: 140, minWidth: 72, maxWidth: 280, sort: 'location' }, (row) => row.location),
  textColumn({ id: 'source', label: 'fields.source', width: 130, minWidth: 72, maxWidth: 240, sort: 'source' }, (row, { sourceLabel }) => sourceLabel(row.source)),
  textColumn({ id: 'salary', label: 'fields.salary', width: 190, minWidth: 80, maxWidth: 320, sort: 'salaryMin' }, (row, { format }) => format.salary(row)),
  {
    id: 'tags',
    label: 'fields.tags',
    width: 150,
    minWidth: 72,
    maxWidth: 320,
    measure: (row, _context, textWidth) => row.tags.reduce((sum, tag) => sum + textWidth(tag) * 0.9 + tagChrome, 0),
    render: (row) =>
      row.tags.length === 0 ? (
        <Blank />
      ) : (
        <span className="cell-tags" title={row.tags.join(', ')}>
          {row.tags.map((tag) => (
            <span className="tag" key={tag}>
              {tag}
            </span>
          ))}
        </span>
      ),
  },
  {
    id: 'nextStep',
    label: 'fields.nextStep',
    width: 200,
    minWidth: 90,
    maxWidth: 340,
    render: (row, { format }) =>
      row.nextStep ? (
        <span className="cell-next-step" title={row.nextStep.title}>
          <span className="cell-text">{row.nextStep.title}</span>
          {row.nextStep.dueOn && <span className="cell-next-due">{format.date(row.nextStep.dueOn)}</span>}
        </span>
      ) : (
        <Blank />
      ),
    measure: (row, { format }, textWidth) =>
      row.nextStep ? textWidth(row.nextStep.title) + (row.nextStep.dueOn ? textWidth(format.date(row.nextStep.dueOn), 400) * 0.9 + 8 : 0) : 0,
  },
  ratingColumn('priority', 'fields.priority', 90),
  ratingColumn('excitement', 'fields.excitement', 100),
  textColumn({ id: 'deadline', label: 'fields.deadline', width: 120, minWidth: 72, maxWidth: 200, sort: 'deadline' }, (row, { format }) => format.date(row.deadline)),
  textColumn(
    { id: 'firstResponseOn', label: 'fields.firstResponseOn', width: 130, minWidth: 72, maxWidth: 220, sort: 'firstResponseOn' },
    (row, { format }) => format.date(row.firstResponseOn),
  ),
  {
    id: 'stageChangedAt',
    label: 'fields.stageChangedAt',
    width: 140,
    minWidth: 72,
    maxWidth: 220,
    render: (row, { format }) => <span title={format.dateTime(row.stageChangedAt)}>{format.relative(row.stageChangedAt)}</span>,
    measure: (row, { format }, textWidth) => textWidth(format.relative(row.stageChangedAt)),
  },
  textColumn({ id: 'updatedAt', label: 'fields.updatedAt', width: 120, minWidth: 72, maxWidth: 200, sort: 'updatedAt' }, (row, { format }) => format.date(row.updatedAt)),
  textColumn({ id: 'createdAt', label: 'fields.createdAt', width: 120, minWidth: 72, maxWidth: 200, sort: 'createdAt' }, (row, { format }) => format.date(row.createdAt)),
];

/** A column's header in the user's language. */
export function columnTitle(t: TFunction, column: Column): string {
  return column.title ?? t(`applications:${column.label}`);
}

/** Whether the list is sorted by this column. */
export function isSortedBy(sort: ApplicationSort, column: Column): boolean {
  return column.sort !== undefined && sort.column === column.sort && (column.sort !== 'custom' || sort.fieldId === column.sortFieldId);
}

/** A custom field's column: its values as shown (a choice's label…), sorted by the field. */
function customColumn(field: CustomField): Column {
  return textColumn(
    {
      id: customColumnId(field.id),
      label: '',
      title: field.name,
      width: 140,
      minWidth: 72,
      maxWidth: 320,
      sort: 'custom',
      sortFieldId: field.id,
      // Like the built-in ones: numbers and dates largest or newest first, texts and choices in order.
      firstDirection: field.kind === 'number' || field.kind === 'date' ? 'desc' : 'asc',
    },
    (row, { format }) => valueText(field, row.customValues[field.id], format),
  );
}

/** Every column the table can show: the built-in ones, then one per custom field. */
export function columnsFor(fields: readonly CustomField[]): Column[] {
  return [...allColumns, ...fields.map(customColumn)];
}

/** The chosen columns in table order; required ones are always there. */
export function visibleColumns(chosen: readonly string[], fields: readonly CustomField[] = []): Column[] {
  return columnsFor(fields).filter((column) => column.required || chosen.includes(column.id));
}

/** Dates and numbers read best newest/largest first; names A→Z. */
export function firstDirection(column: ApplicationSortColumn): 'asc' | 'desc' {
  return ['appliedOn', 'createdAt', 'updatedAt', 'favorite', 'priority', 'excitement', 'salaryMin', 'salaryMax', 'firstResponseOn'].includes(column)
    ? 'desc'
    : 'asc';
}
