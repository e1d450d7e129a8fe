import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ApplicationSummary } from '../../../../src-shared/contract';
import { useChannel } from '../../api/hooks';
import { newApplicationPath } from '../../shell/navigation';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { useFormat } from '../../ui/format';
import { errorMessage } from '../../ui/issues';
import { useStageName } from '../../ui/StageBadge';
import { useToast } from '../../ui/toast';
import { FilterBar } from './filters/FilterBar';
import { SavedViewsMenu } from './filters/SavedViewsMenu';
import { activeFilterCount, setFilters, updateView, useApplicationsView } from './filters/viewStore';
import { ApplicationsTable } from './table/ApplicationsTable';
import { BulkBar } from './table/BulkBar';
import { ColumnChooser } from './table/ColumnChooser';
import { visibleColumns } from './table/columns';
import { noSelection, resolveSelection, selectedCount, type Selection } from './table/selection';
import { placeOf, rowsAround } from './table/tablePlace';
import { usePagedApplications } from './table/usePagedApplications';
import { tableBase } from './table/firstPage';
import { useApplicationActions } from './useApplicationActions';
import { useCustomFields } from '../customFields/model';
import { useStages } from './vocabulary';
import './applications.css';

/** The applications table: filters, saved views, columns, multi-select with bulk actions, 100,000 rows. */
export default function ApplicationsPage() {
  const { t } = useTranslation(['applications', 'common']);
  const navigate = useNavigate();
  const toast = useToast();
  const format = useFormat();
  const stageName = useStageName();
  const view = useApplicationsView();
  const stages = useStages();
  const actions = useApplicationActions();
  const [selection, setSelection] = useState<Selection>(noSelection);
  const [busy, setBusy] = useState(false);

  const base = useMemo(() => tableBase({ filters: view.filters, sort: view.sort }), [view.filters, view.sort]);
  const resetKey = JSON.stringify(base);
  // Coming back to the table: the pages where it was are asked for at once, before it has measured itself.
  const [visible, setVisible] = useState(() => rowsAround(placeOf(resetKey)));
  const [selectionKey, setSelectionKey] = useState(resetKey);
  if (selectionKey !== resetKey) {
    // Other filters, other rows: a selection made under the old ones would act on rows no longer shown.
    setSelectionKey(resetKey);
    setSelection(noSelection);
  }
  const paged = usePagedApplications(base, visible);
  const customFields = useCustomFields();
  const columns = useMemo(() => visibleColumns(view.columns, customFields), [view.columns, customFields]);
  const count = selectedCount(selection, paged.total);
  const filtered = activeFilterCount(view.filters) > 0;

  const withSelection = async (work: (ids: string[]) => Promise<boolean>) => {
    setBusy(true);
    try {
      const ids = await resolveSelection(selection, paged.allIds);
      if (ids.length > 0 && (await work(ids))) setSelection(noSelection);
    } catch (error) {
      toast.show(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  /** An action on "all matching the filters": main picks the rows, the table never lists their ids. */
  const withBusy = async (work: () => Promise<boolean>) => {
    setBusy(true);
    try {
      if (await work()) setSelection(noSelection);
    } finally {
      setBusy(false);
    }
  };

  const onVisiblePagesChange = useCallback((range: { start: number; end: number }) => {
    setVisible((current) => (current.start === range.start && current.end === range.end ? current : range));
  }, []);

  const deleteSelected = (fallback?: ApplicationSummary) => {
    if (count === 0 && fallback) void actions.remove([fallback.id]);
    else if (count > 0) void withSelection((ids) => actions.remove(ids));
  };

  const empty = paged.settled && paged.total === 0;
  // "Nothing yet" would be wrong when everything is archived: say so, and offer to show them.
  const archivedCount = useChannel(
    'applications.list',
    { archived: true, sort: view.sort, limit: 1, offset: 0 },
    { enabled: empty && !filtered },
  ).data?.total;

  return (
    <div className="page page-fill applications-page">
      <div className="page-header">
        <h1>
          {t('title')}{' '}
          {paged.settled && <span className="page-subtitle numeric">{t('count', { count: paged.total, formatted: format.number(paged.total) })}</span>}
        </h1>
        <SavedViewsMenu view={view} />
        <ColumnChooser columns={view.columns} onChange={(chosen) => updateView({ columns: chosen })} />
      </div>
      <FilterBar filters={view.filters} onChange={setFilters} />
      {count > 0 && (
        <BulkBar
          count={count}
          stages={stages}
          busy={busy}
          showingArchived={view.filters.archived === true}
          onStage={(stageId) => {
            const stage = stages.find((candidate) => candidate.id === stageId);
            void withSelection((ids) => actions.bulkStage(ids, stageId, stage ? stageName(stage) : ''));
          }}
          onArchive={(archived) =>
            selection.all
              ? void withBusy(() => actions.archiveMatching(view.filters, [...selection.except], archived))
              : void withSelection((ids) => actions.archive(ids, archived))
          }
          onDelete={() => deleteSelected()}
          onTags={(change) => void withSelection((ids) => actions.bulkTags(ids, change))}
          onClear={() => setSelection(noSelection)}
        />
      )}
      {paged.error && <p className="notice notice-error">{errorMessage(t, paged.error)}</p>}
      {empty ? (
        filtered ? (
          <EmptyState
            icon="filter"
            title={t('empty.filteredTitle')}
            actions={<Button onClick={() => setFilters({})}>{t('filters.clearAll')}</Button>}
          >
            {t('empty.filteredBody')}
          </EmptyState>
        ) : archivedCount ? (
          <EmptyState
            icon="archive"
            title={t('empty.archivedTitle')}
            actions={<Button onClick={() => setFilters({ archived: true })}>{t('empty.showArchived')}</Button>}
          >
            {t('empty.archivedBody', { count: archivedCount })}
          </EmptyState>
        ) : (
          <EmptyState
            icon="briefcase"
            title={t('empty.title')}
            actions={
              <>
                <Button variant="primary" icon="plus" onClick={() => navigate(newApplicationPath)}>
                  {t('empty.add')}
                </Button>
                <Link className="btn" to="/import">
                  {t('empty.import')}
                </Link>
              </>
            }
          >
            {t('empty.body')}
          </EmptyState>
        )
      ) : (
        <ApplicationsTable
          data={paged}
          columns={columns}
          stages={stages}
          sort={view.sort}
          onSortChange={(sort) => updateView({ sort })}
          selection={selection}
          onSelectionChange={setSelection}
          onVisiblePagesChange={onVisiblePagesChange}
          onOpen={(id) => navigate(`/applications/${id}`)}
          onDelete={(row) => deleteSelected(row)}
          onToggleFavorite={(row) => void actions.toggleFavorite(row.id)}
          onChangeStage={(row, stageId) => {
            const stage = stages.find((candidate) => candidate.id === stageId);
            void actions.setStage(row.id, stageId, stage ? stageName(stage) : '');
          }}
          resetKey={resetKey}
        />
      )}
    </div>
  );
}
