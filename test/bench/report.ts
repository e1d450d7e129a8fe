import os from 'node:os';
import type { Figures } from './timing';

export interface CaseResult {
  key: string;
  label: string;
  /** What the raw baseline does for this case. */
  baseline: string;
  typed?: Figures;
  raw?: Figures;
  /** Peak RSS of the process that ran it (exports and imports run alone in a child process), MB. */
  peakRssMb?: number;
  rawPeakRssMb?: number;
  /** Set instead of figures when the case could not run: "n/a (not built yet)", "error: …". */
  status?: string;
}

export interface SizeResult {
  count: number;
  /** Seconds spent generating the database in this run; 0 when it came from the cache. */
  generatedSeconds: number;
  cases: CaseResult[];
}

export interface RendererResult {
  status?: string;
  applicationsFirstRowsMs?: number | string;
  boardFirstCardsMs?: number | string;
  scrollFrames?: Figures | string;
  boardScrollFrames?: Figures | string;
}

export interface Target {
  label: string;
  /** The case, and which figure of it is compared. */
  key: string;
  figure: 'p95' | 'ms' | 'peakRssMb' | 'ratio';
  limit: number;
  unit: 'ms' | 'MB' | '×';
}

export interface TargetCheck extends Target {
  measured: number | null;
  /** The same percentile of CPU time, for timed targets: what the work costs without waiting for a core. */
  cpu: number | null;
  met: boolean | null;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  sqlite: string;
  /** 1-minute load average when the run started and ended: above the core count, other work was competing. */
  loadAverage: { start: number; end?: number };
}

export function machineInfo(sqliteVersion: string): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    sqlite: sqliteVersion,
    loadAverage: { start: Math.round(os.loadavg()[0] * 10) / 10 },
  };
}

/** The targets of issues 6 and 16, at 100,000 applications. */
export const targets: readonly Target[] = [
  { label: 'list, first page, default sort (p95)', key: 'list.default', figure: 'p95', limit: 5, unit: 'ms' },
  { label: 'list, three filters (p95)', key: 'list.filtered', figure: 'p95', limit: 10, unit: 'ms' },
  { label: 'list, a page 36,000 rows down by cursor (p95)', key: 'list.keyset', figure: 'p95', limit: 10, unit: 'ms' },
  { label: 'list, a page 36,000 rows down by offset (p95)', key: 'list.deep', figure: 'p95', limit: 10, unit: 'ms' },
  { label: 'free-text search (p95)', key: 'list.search', figure: 'p95', limit: 10, unit: 'ms' },
  { label: 'get (p95)', key: 'get', figure: 'p95', limit: 2, unit: 'ms' },
  { label: 'create (p95)', key: 'create', figure: 'p95', limit: 2, unit: 'ms' },
  { label: 'update (p95)', key: 'update', figure: 'p95', limit: 2, unit: 'ms' },
  { label: 'setStage (p95)', key: 'setStage', figure: 'p95', limit: 2, unit: 'ms' },
  { label: 'dashboard (p95)', key: 'dashboard', figure: 'p95', limit: 50, unit: 'ms' },
  { label: 'dashboard, one filter (p95)', key: 'dashboard.filtered', figure: 'p95', limit: 100, unit: 'ms' },
  { label: 'dashboard, six-month range (p95)', key: 'dashboard.ranged', figure: 'p95', limit: 100, unit: 'ms' },
  { label: 'select all → archive, or its Undo (the slower step)', key: 'bulk.archiveByFilter', figure: 'p95', limit: 5000, unit: 'ms' },
  { label: 'Excel export, time', key: 'export', figure: 'ms', limit: 8000, unit: 'ms' },
  { label: 'Excel export, peak RSS', key: 'export', figure: 'peakRssMb', limit: 300, unit: 'MB' },
  { label: 'CSV import, time', key: 'import', figure: 'ms', limit: 10000, unit: 'ms' },
  { label: 'CSV import, peak RSS', key: 'import', figure: 'peakRssMb', limit: 600, unit: 'MB' },
  { label: 'list while the export runs (p95)', key: 'list.during.export', figure: 'p95', limit: 20, unit: 'ms' },
  { label: 'list while an import runs (p95)', key: 'list.during.import', figure: 'p95', limit: 20, unit: 'ms' },
  { label: 'get, typed / raw (p50)', key: 'get', figure: 'ratio', limit: 3, unit: '×' },
];

export function ratioOf(result: CaseResult): number | null {
  if (!result.typed || !result.raw || result.raw.p50 <= 0) return null;
  return result.typed.p50 / result.raw.p50;
}

export function checkTargets(size: SizeResult | undefined): TargetCheck[] {
  return targets.map((target) => {
    const result = size?.cases.find((candidate) => candidate.key === target.key);
    let measured: number | null = null;
    let cpu: number | null = null;
    if (result?.typed) {
      if (target.figure === 'p95') cpu = result.typed.cpuP95 ?? null;
      if (target.figure === 'ms') cpu = result.typed.cpuP50 ?? null;
      if (target.figure === 'p95' || target.figure === 'ms') measured = result.typed.p95;
      else if (target.figure === 'ratio') measured = ratioOf(result);
    }
    if (target.figure === 'peakRssMb') measured = result?.peakRssMb ?? null;
    return { ...target, measured, cpu, met: measured === null ? null : measured <= target.limit };
  });
}

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '' : value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0));

const cpuCell = (figures: Figures | undefined) =>
  figures?.cpuP50 === undefined ? '' : figures.cpuP95 === undefined || figures.n === 1 ? ms(figures.cpuP50) : `${ms(figures.cpuP50)} / ${ms(figures.cpuP95)}`;

/** One Markdown table per size: typed figures, raw baseline, ratio, peak memory. */
export function sizeTable(size: SizeResult): string {
  const lines = [
    `### ${size.count.toLocaleString('en')} applications`,
    '',
    '| Operation | p50 ms | p95 ms | CPU p50 / p95 | raw p50 | raw p95 | typed / raw | peak RSS MB (raw) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const result of size.cases) {
    if (result.status) {
      lines.push(`| ${result.label} | ${result.status} | | | | | | |`);
      continue;
    }
    const ratio = ratioOf(result);
    const rss = result.peakRssMb === undefined ? '' : `${result.peakRssMb}${result.rawPeakRssMb === undefined ? '' : ` (${result.rawPeakRssMb})`}`;
    lines.push(
      `| ${result.label} | ${ms(result.typed?.p50)} | ${ms(result.typed?.p95)} | ${cpuCell(result.typed)} | ${ms(result.raw?.p50)} | ${ms(result.raw?.p95)} | ` +
        `${ratio === null ? '' : `${ratio.toFixed(1)}×`} | ${rss} |`,
    );
  }
  return lines.join('\n');
}

export function targetsTable(checks: readonly TargetCheck[]): string {
  const lines = [
    '### Targets at 100,000 applications',
    '',
    '| Target | Limit | Measured | CPU time | Verdict |',
    '| --- | ---: | ---: | ---: | --- |',
  ];
  for (const check of checks) {
    const measured = check.measured === null ? 'n/a' : check.unit === '×' ? `${check.measured.toFixed(1)}×` : `${ms(check.measured)} ${check.unit}`;
    const verdict = check.met === null ? 'not measured' : check.met ? 'met' : '**missed**';
    const cpu = check.cpu === null ? '' : `${ms(check.cpu)} ms`;
    lines.push(`| ${check.label} | ${check.limit} ${check.unit} | ${measured} | ${cpu} | ${verdict} |`);
  }
  return lines.join('\n');
}

export function rendererTable(result: RendererResult): string {
  const lines = ['### Renderer at 100,000 applications (Chromium, headless)', ''];
  if (result.status) return [...lines, result.status].join('\n');
  const value = (figure: number | string | undefined) => (typeof figure === 'number' ? `${ms(figure)} ms` : (figure ?? 'n/a'));
  lines.push('| Measure | Value |', '| --- | ---: |');
  lines.push(`| navigation → first rows of the applications table | ${value(result.applicationsFirstRowsMs)} |`);
  lines.push(`| navigation → first cards of the board | ${value(result.boardFirstCardsMs)} |`);
  const framesLine = (what: string, frames: Figures | string | undefined) =>
    typeof frames === 'object'
      ? `| frame time while scrolling ${what}, p50 / p95 / max (${frames.n} frames) | ${ms(frames.p50)} / ${ms(frames.p95)} / ${ms(frames.max)} ms |`
      : `| frame time while scrolling ${what} | ${frames ?? 'n/a'} |`;
  lines.push(framesLine('the table', result.scrollFrames), framesLine('the board (down its fullest column, then across)', result.boardScrollFrames));
  return lines.join('\n');
}

export function machineLine(machine: MachineInfo): string {
  const { start, end } = machine.loadAverage;
  return (
    `Measured on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM, Node ${machine.node}, SQLite ${machine.sqlite}, ` +
    `${machine.platform}; load average ${start} at the start, ${end ?? '?'} at the end.`
  );
}
