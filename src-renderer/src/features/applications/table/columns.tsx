import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { ApplicationSortColumn, ApplicationSummary, Stage } from '../../../../../src-shared/contract';
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
  /** Whether this row is the keyboard-active one (its controls are then in the tab order). */
  active: boolean;
  /** Whether this row's stage is being changed (its select is shown and open). */
  editingStage: boolean;
}

export interface Column {
  id: string;
  /** Key in the `applications` catalogue (`fields.*`). */
  label: string;
  /** CSS grid track, and the minimum width in pixels it needs. */
  track: string;
  minWidth: number;
  sort?: ApplicationSortColumn;
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

/** Every column the table can show; the user picks which (column chooser), in this order. */
export const allColumns: Column[] = [
  {
    id: 'position',
    label: 'fields.position',
    track: 'minmax(200px, 2fr)',
    minWidth: 200,
    sort: 'position',
    required: true,
    render: (row) => <span className="cell-text cell-strong" title={row.position} dir="auto">{row.position}</span>,
  },
  { id: 'company', label: 'fields.company', track: 'minmax(150px, 1.3fr)', minWidth: 150, sort: 'company', render: (row) => text(row.companyName) },
  {
    id: 'stage',
    label: 'fields.stage',
    track: '180px',
    minWidth: 180,
    sort: 'stage',
    // A light button until the user wants to change the stage: a native select in every row would make scrolling
    // 100,000 rows heavy. The grid handles both (event delegation, see ApplicationsTable).
    render: (row, { t, stages, stageOptions, active, editingStage }) => {
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
              tabIndex={active ? 0 : -1}
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
  { id: 'appliedOn', label: 'fields.appliedOn', track: '136px', minWidth: 136, sort: 'appliedOn', render: (row, { format }) => text(format.date(row.appliedOn)) },
  {
    id: 'employmentType',
    label: 'fields.employmentType',
    track: '150px',
    minWidth: 150,
    sort: 'employmentType',
    render: (row, { t }) => text(row.employmentType && t(`common:employmentType.${row.employmentType}`)),
  },
  { id: 'schedule', label: 'fields.schedule', track: '110px', minWidth: 110, render: (row, { t }) => text(row.schedule && t(`common:schedule.${row.schedule}`)) },
  { id: 'workMode', label: 'fields.workMode', track: '130px', minWidth: 130, sort: 'workMode', render: (row, { t }) => text(row.workMode && t(`common:workMode.${row.workMode}`)) },
  { id: 'location', label: 'fields.location', track: 'minmax(120px, 1fr)', minWidth: 120, sort: 'location', render: (row) => text(row.location) },
  { id: 'source', label: 'fields.source', track: '140px', minWidth: 140, sort: 'source', render: (row, { sourceLabel }) => text(sourceLabel(row.source)) },
  { id: 'salary', label: 'fields.salary', track: '190px', minWidth: 190, sort: 'salaryMin', render: (row, { format }) => text(format.salary(row)) },
  {
    id: 'tags',
    label: 'fields.tags',
    track: 'minmax(130px, 1fr)',
    minWidth: 130,
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
  { id: 'priority', label: 'fields.priority', track: '90px', minWidth: 90, sort: 'priority', align: 'end', render: (row) => rating(row.priority) },
  { id: 'excitement', label: 'fields.excitement', track: '100px', minWidth: 100, sort: 'excitement', align: 'end', render: (row) => rating(row.excitement) },
  { id: 'deadline', label: 'fields.deadline', track: '120px', minWidth: 120, sort: 'deadline', render: (row, { format }) => text(format.date(row.deadline)) },
  {
    id: 'firstResponseOn',
    label: 'fields.firstResponseOn',
    track: '130px',
    minWidth: 130,
    sort: 'firstResponseOn',
    render: (row, { format }) => text(format.date(row.firstResponseOn)),
  },
  {
    id: 'stageChangedAt',
    label: 'fields.stageChangedAt',
    track: '140px',
    minWidth: 140,
    render: (row, { format }) => <span title={format.dateTime(row.stageChangedAt)}>{format.relative(row.stageChangedAt)}</span>,
  },
  { id: 'updatedAt', label: 'fields.updatedAt', track: '130px', minWidth: 130, sort: 'updatedAt', render: (row, { format }) => text(format.date(row.updatedAt)) },
  { id: 'createdAt', label: 'fields.createdAt', track: '130px', minWidth: 130, sort: 'createdAt', render: (row, { format }) => text(format.date(row.createdAt)) },
];

/** The chosen columns in table order; required ones are always there. */
export function visibleColumns(chosen: readonly string[]): Column[] {
  return allColumns.filter((column) => column.required || chosen.includes(column.id));
}

/** Dates and numbers read best newest/largest first; names A→Z. */
export function firstDirection(column: ApplicationSortColumn): 'asc' | 'desc' {
  return ['appliedOn', 'createdAt', 'updatedAt', 'favorite', 'priority', 'excitement', 'salaryMin', 'salaryMax', 'firstResponseOn'].includes(column)
    ? 'desc'
    : 'asc';
}
