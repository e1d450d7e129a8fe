/**
 * The PDF report of the desktop app. The report page is rendered in a hidden window of the app's own pages (the
 * main window's hardened options and preload, so it reads its data over IPC like any page of the app), printed to
 * A4 once the page says its data has rendered, and written where the user chose, atomically.
 */
import { BrowserWindow, type WebContents } from 'electron';
import { reportReadyKey, reportReadyStates, reportRoute } from '../../src-shared/contract/shell';
import { AppError } from '../../src-shared/errors';
import type { AppContext } from '../context';
import { checkOutputPath, writeFileAtomically } from '../exports/output';
import { pathIssue } from './path-issue';
import { appWebPreferences } from './security';

export interface ReportWindowOptions {
  /** The page the main window loads (app://candid/index.html, or the dev server): the report is a route of it. */
  entryUrl: string;
  /** Absolute path of out/preload/index.cjs. */
  preload: string;
  /** How long loading and rendering may take before giving up; 30 s unless a test says otherwise. */
  timeoutMs?: number;
}

export const reportTimeoutMs = 30_000;

/** The report route in the hash of the app's entry page (the renderer uses a HashRouter). */
export function reportUrl(entryUrl: string, query: string): string {
  const url = new URL(entryUrl);
  url.hash = query ? `${reportRoute}?${query}` : reportRoute;
  return url.href;
}

/** `dataset.reportReady` as an attribute: `data-report-ready`. */
const readyAttribute = `data-${reportReadyKey.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/**
 * Run in the page: resolves to 'ready' once `document.body.dataset.reportReady` is 'true' (and the fonts are
 * loaded, so the PDF is not printed with fallback fonts), or to 'failed' once it is 'error'. A MutationObserver
 * rather than polling: the page is hidden, and its timers may be slowed down.
 */
export const waitForReportScript = `new Promise((resolve) => {
  const outcome = () => {
    const state = document.body ? document.body.dataset.${reportReadyKey} : undefined;
    return state === ${JSON.stringify(reportReadyStates.ready)} ? 'ready' : state === ${JSON.stringify(reportReadyStates.failed)} ? 'failed' : null;
  };
  const settle = () => {
    const result = outcome();
    if (result === null) return false;
    observer.disconnect();
    resolve(result === 'ready' && document.fonts ? document.fonts.ready.then(() => result) : result);
    return true;
  };
  const observer = new MutationObserver(settle);
  if (!settle()) observer.observe(document.documentElement, { attributes: true, attributeFilter: [${JSON.stringify(readyAttribute)}], subtree: true });
})`;

function reportError(reason: string, message: string): AppError {
  return new AppError('INTERNAL', message, { details: { reason } });
}

async function printWhenReady(contents: WebContents, url: string): Promise<Buffer> {
  await contents.loadURL(url);
  const outcome: unknown = await contents.executeJavaScript(waitForReportScript);
  if (outcome !== 'ready') throw reportError('report_failed', 'The report page could not load its data: no PDF was written.');
  return contents.printToPDF({ pageSize: 'A4', printBackground: true });
}

/** The report as PDF bytes; the hidden window is destroyed whatever happens (even a page stuck in beforeunload). */
async function renderReport(url: string, options: ReportWindowOptions): Promise<Buffer> {
  const window = new BrowserWindow({
    show: false,
    // Hidden windows are throttled like background tabs; this one exists only to render now.
    webPreferences: { ...appWebPreferences(options.preload), backgroundThrottling: false },
  });
  const timeoutMs = options.timeoutMs ?? reportTimeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timedOut = new Promise<never>((_resolve, reject) => {
      const seconds = Math.round(timeoutMs / 1000);
      timer = setTimeout(() => reject(reportError('timeout', `The report was not ready after ${seconds} s: no PDF was written.`)), timeoutMs);
    });
    const stopped = new Promise<never>((_resolve, reject) => {
      window.webContents.once('render-process-gone', (_event, details) => {
        reject(reportError('renderer_gone', `The report page stopped (${details.reason}): no PDF was written.`));
      });
    });
    return await Promise.race([printWhenReady(window.webContents, url), timedOut, stopped]);
  } finally {
    clearTimeout(timer);
    if (!window.isDestroyed()) window.destroy();
  }
}

/** `shell.printReportToPdf`: the path is checked before any window opens; the file is complete or untouched. */
export async function printReportToPdf(
  context: AppContext,
  input: { path: string; query?: string },
  options: ReportWindowOptions,
): Promise<{ path: string; bytes: number }> {
  const target = checkOutputPath(context, input.path);
  // A save dialog on Linux keeps the name as typed; writing PDF bytes to "report" or "notes.txt" would surprise.
  if (!/\.pdf$/i.test(target)) throw pathIssue('not_pdf', 'must be a .pdf file', { path: target });
  const pdf = await renderReport(reportUrl(options.entryUrl, input.query ?? ''), options);
  const { bytes } = await writeFileAtomically(target, async (out) => {
    out.end(pdf);
    return { rows: 0 };
  });
  return { path: target, bytes };
}
