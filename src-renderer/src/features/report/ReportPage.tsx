import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { builtInSources, stageCategories, type ApplicationFilters, type Rate } from '../../../../src-shared/contract';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { activeFilterCount, currentFilters } from '../applications/filters/viewStore';
import { reportReadyKey, reportReadyStates } from '../../../../src-shared/contract/shell';
import { exportFromReport, exportReportPdf } from '../files/actions';
import { localDay } from '../files/exportRun';
import { Bars } from './Bars';
import './report.css';

/** The list shows this many applications; the Excel export has them all. */
const listLimit = 500;

/**
 * Tells the Electron shell's PDF renderer (shell.printReportToPdf, which loads this page in a hidden window) that
 * the report has rendered its data, or could not.
 */
function useReportReadiness(state: 'loading' | 'ready' | 'failed'): void {
  useEffect(() => {
    if (state === 'loading') return;
    document.body.dataset[reportReadyKey] = state === 'ready' ? reportReadyStates.ready : reportReadyStates.failed;
    return () => {
      delete document.body.dataset[reportReadyKey];
    };
  }, [state]);
}

function RateFigure({ label, rate }: { label: string; rate: Rate }) {
  const { t, i18n } = useTranslation('files');
  // Nothing to divide by reads "—", as on the dashboard's cards.
  const percent = rate.denominator > 0 ? new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(rate.value) : '—';
  return (
    <div className="report-figure">
      <span className="report-figure-label">{label}</span>
      <span className="report-figure-value">{percent}</span>
      <span className="report-figure-detail">{t('report.ofTotal', { numerator: rate.numerator, denominator: rate.denominator })}</span>
    </div>
  );
}

function CountFigure({ label, value }: { label: string; value: string }) {
  return (
    <div className="report-figure">
      <span className="report-figure-label">{label}</span>
      <span className="report-figure-value">{value}</span>
    </div>
  );
}

/** The printable report of the current view (A4): overview, charts and the list of applications. */
export default function ReportPage() {
  const { t } = useTranslation(['files', 'common']);
  const format = useFormat();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: ApplicationFilters = currentFilters();
  const filtered = activeFilterCount(filters) > 0;
  const statistics = useChannel('statistics.dashboard', { ...filters, today: localDay(), granularity: 'auto' });
  const list = useChannel('applications.list', { ...filters, sort: { column: 'appliedOn', direction: 'desc' }, limit: listLimit, offset: 0 });
  const ready = statistics.isSuccess && list.isSuccess;
  const printed = useRef(false);
  useReportReadiness(statistics.isError || list.isError ? 'failed' : ready ? 'ready' : 'loading');

  // In a browser, File > Export PDF opens this page with print=1: print once the data is on the page.
  useEffect(() => {
    if (!ready || printed.current || searchParams.get('print') !== '1') return;
    printed.current = true;
    requestAnimationFrame(() => {
      window.print();
      setSearchParams({}, { replace: true });
    });
  }, [ready, searchParams, setSearchParams]);

  const print = () => (window.candid ? void exportReportPdf((path) => navigate(path)) : window.print());

  const sourceLabel = (key: string | null) =>
    key === null ? t('report.none') : (builtInSources as readonly string[]).includes(key) ? t(`common:source.${key}`) : key;

  const toolbar = (
    <div className="report-toolbar">
      <Button icon="chevronLeft" variant="ghost" onClick={() => navigate(-1)}>
        {t('report.back')}
      </Button>
      <div className="report-toolbar-actions">
        <Button icon="download" onClick={() => void exportFromReport('excel', filters)}>
          {t('report.exportExcel')}
        </Button>
        <Button icon="download" onClick={() => void exportFromReport('csv', filters)}>
          {t('report.exportCsv')}
        </Button>
        <Button icon="download" onClick={() => void exportFromReport('statisticsWorkbook', filters)}>
          {t('report.exportStatistics')}
        </Button>
        <Button icon="report" variant="primary" onClick={print} disabled={!ready}>
          {t('report.print')}
        </Button>
      </div>
    </div>
  );

  if (statistics.isError || list.isError) {
    return (
      <main className="report">
        {toolbar}
        <p role="alert">{t(`common:errors.${(statistics.error ?? list.error)?.code ?? 'INTERNAL'}`)}</p>
      </main>
    );
  }
  if (!statistics.data || !list.data) {
    return (
      <main className="report">
        {toolbar}
        <p role="status">{t('report.loading')}</p>
      </main>
    );
  }

  const { overview, breakdowns, funnel } = statistics.data;
  if (!overview || !breakdowns || !funnel) {
    // A printed report is whole or not at all: a figure that failed is said, never left out silently.
    const failure = Object.values(statistics.data.failed ?? {})[0];
    return (
      <main className="report">
        {toolbar}
        <p role="alert">{t(`common:errors.${failure?.code ?? 'INTERNAL'}`)}</p>
      </main>
    );
  }
  const applications = list.data;
  const count = (value: number) => format.number(value);

  return (
    <main className="report" data-ready="true">
      {toolbar}
      <header className="report-header">
        <h1>{t('report.title')}</h1>
        <p>
          {t('report.generatedOn', { date: format.date(localDay()) })}
          {filtered && <span className="report-badge">{t('report.filtered')}</span>}
        </p>
      </header>

      {overview.total === 0 ? (
        <p className="report-empty">{t('report.empty')}</p>
      ) : (
        <>
          <section className="report-section" aria-labelledby="report-overview">
            <h2 id="report-overview">{t('report.overview')}</h2>
            <div className="report-figures">
              <CountFigure label={t('report.total')} value={count(overview.total)} />
              <CountFigure label={t('report.sent')} value={count(overview.sent)} />
              <RateFigure label={t('report.responseRate')} rate={overview.responseRate} />
              <RateFigure label={t('report.interviewRate')} rate={overview.interviewRate} />
              <RateFigure label={t('report.offerRate')} rate={overview.offerRate} />
            </div>
          </section>

          <section className="report-section report-charts">
            <Bars
              title={t('report.byStage')}
              format={count}
              bars={stageCategories
                .filter((category) => overview.byCategory[category] > 0)
                .map((category) => ({
                  key: category,
                  label: t(`common:stageCategory.${category}`),
                  value: overview.byCategory[category],
                  color: `var(--cat-${category})`,
                }))}
            />
            <Bars
              title={t('report.bySource')}
              format={count}
              bars={breakdowns.source.buckets.slice(0, 10).map((bucket) => ({ key: bucket.key ?? 'none', label: sourceLabel(bucket.key), value: bucket.count }))}
            />
            <Bars
              title={t('files:exports.statistics.sheets.funnel')}
              format={count}
              bars={funnel.steps.map((step) => ({
                key: step.category,
                label: t(`common:stageCategory.${step.category}`),
                value: step.count,
                color: `var(--cat-${step.category})`,
              }))}
            />
          </section>

          <section className="report-section" aria-labelledby="report-applications">
            <h2 id="report-applications">
              {t('report.applications')} ({count(applications.total)})
            </h2>
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t('files:exports.columns.company')}</th>
                  <th scope="col">{t('files:exports.columns.position')}</th>
                  <th scope="col">{t('files:exports.columns.stage')}</th>
                  <th scope="col">{t('files:exports.columns.appliedOn')}</th>
                  <th scope="col">{t('files:exports.columns.source')}</th>
                  <th scope="col">{t('files:exports.columns.location')}</th>
                </tr>
              </thead>
              <tbody>
                {applications.items.map((application) => (
                  <tr key={application.id}>
                    <td>{application.companyName}</td>
                    <td>{application.position}</td>
                    <td>{application.stageName ?? t(`common:stageCategory.${application.stageCategory}`)}</td>
                    <td className="report-nowrap">{format.date(application.appliedOn) || t('report.none')}</td>
                    <td>{application.source ? sourceLabel(application.source) : t('report.none')}</td>
                    <td>{application.location ?? t('report.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {applications.total > applications.items.length && (
              <p className="report-more">{t('report.more', { count: applications.total - applications.items.length })}</p>
            )}
          </section>
        </>
      )}
    </main>
  );
}
