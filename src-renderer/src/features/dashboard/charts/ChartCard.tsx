import { useContext, useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { echarts, type ChartOption } from './echarts';
import type { Palette } from './palette';
import { ChartPeriodContext } from './period';
import { chartFileName, savePng, saveSvg } from './save';

export interface DataTable {
  columns: string[];
  rows: (string | number)[][];
}

export interface ChartCardProps {
  /** Names the saved files: candid-<name>-<date>.png. */
  name: string;
  title: string;
  /** Read by screen readers in place of the picture: what the chart says, in a sentence or two. */
  summary: string;
  /** The figures behind the chart, as a table for screen readers. */
  table: DataTable;
  option: ChartOption;
  palette: Palette;
  height?: number;
  /** Controls of this chart (a choice of series, of dimension…), shown next to the title. */
  controls?: ReactNode;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: string | null;
  /** Below the chart. */
  footer?: ReactNode;
  wide?: boolean;
}

/**
 * A chart in a card: title, controls, "save as PNG/SVG", and text alternatives (a summary as the picture's
 * label, the figures as a visually hidden table). Drawn with the canvas renderer, resized with its card.
 */
export function ChartCard({ name, title, summary, table, option, palette, height = 300, controls, empty, footer, wide }: ChartCardProps) {
  const { t } = useTranslation('dashboard');
  const titleId = useId();
  const element = useRef<HTMLDivElement | null>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const hasChart = !empty;
  const period = useContext(ChartPeriodContext);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [hasChart]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, hasChart]);

  const size = () => ({ width: element.current?.clientWidth ?? 800, height: element.current?.clientHeight ?? height });

  return (
    <section className={`dash-card${wide ? ' dash-card-wide' : ''}`} aria-labelledby={titleId} data-chart={name}>
      <header className="dash-card-header">
        <h2 id={titleId}>{title}</h2>
        {controls}
        {!empty && (
          <div className="dash-card-save" role="group" aria-label={t('save.group', { title })}>
            <Button size="sm" variant="ghost" icon="download" aria-label={t('save.png', { title })} title={t('save.png', { title })}
              onClick={() => {
                if (!chart.current) return;
                const caption = { title, period, text: palette.text, muted: palette.muted, background: palette.surface };
                void savePng(chart.current, chartFileName(name, 'png'), caption);
              }}>
              {t('save.pngLabel')}
            </Button>
            <Button size="sm" variant="ghost" icon="download" aria-label={t('save.svg', { title })} title={t('save.svg', { title })}
              onClick={() => saveSvg(option, size(), chartFileName(name, 'svg'), palette.surface)}>
              {t('save.svgLabel')}
            </Button>
          </div>
        )}
      </header>
      {empty ? (
        <p className="dash-card-empty">{empty}</p>
      ) : (
        <div ref={element} className="dash-chart" style={{ minHeight: height }} role="img" aria-label={summary} />
      )}
      {footer}
      {!empty && (
        // A table ignores the 1 px width of .sr-only: the wrapper keeps it from widening the page.
        <div className="sr-only">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                {table.columns.map((column) => (
                  <th key={column} scope="col">{column}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, cellIndex) => (cellIndex === 0 ? <th key={cellIndex} scope="row">{cell}</th> : <td key={cellIndex}>{cell}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
