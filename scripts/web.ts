/**
 * `npm run web -- [--data DIR] [--port N] [--restore-latest-backup] [--no-build]`: Candid in the browser. Serves
 * the built renderer and the handler table over HTTP on 127.0.0.1, prints a one-time launch address (it lets one
 * browser in with a session cookie) and writes the API token for scripts to `<data>/api-token` (0600). A database
 * that cannot be opened is explained in one paragraph; when its file is damaged,
 * `--restore-latest-backup` puts the latest intact backup in its place (the damaged file is kept aside).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createApi } from '../src-main/api';
import { startAutomation } from '../src-main/automation';
import { startBackupSchedule } from '../src-main/backups/schedule';
import { closeAppContext, openAppContext } from '../src-main/context';
import { databaseFileName } from '../src-main/db/open';
import { openWithRecovery } from '../src-main/db/recovery';
import { writePrivateFile } from '../src-main/db/private-files';
import { formatBackupDate, messagesFor, startupParagraph } from '../src-main/shell/messages';
import { defaultDataDir } from '../src-main/data-dir';
import { startHttpServer, type HttpServer } from '../src-main/transports/http';
import { startConnectorServer } from '../src-main/transports/connector';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const rendererDir = path.join(root, 'out', 'renderer');

export interface WebOptions {
  dataDir?: string;
  port?: number;
  /** Why the browser shell is used (printed by `npm start` before this). */
  reason?: string;
  /** When the database file is damaged: replace it with the latest intact backup instead of stopping. */
  restoreLatestBackup?: boolean;
  /** false: serve out/renderer as it is, without rebuilding it when the sources are newer. */
  build?: boolean;
  /** For the messages; default: the system's (LANG). */
  locale?: string;
}

/** Builds the renderer when it is missing or older than its sources. */
export function ensureRendererBuilt(): void {
  const index = path.join(rendererDir, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built > newestSource(path.join(root, 'src-renderer')) && built > newestSource(path.join(root, 'src-shared'))) return;
  console.log('Building the interface…');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export async function runWeb(options: WebOptions = {}): Promise<void> {
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir());
  const locale = options.locale ?? Intl.DateTimeFormat().resolvedOptions().locale;
  // The database first: a damaged one is explained at once, not after building the interface.
  const outcome = await openWithRecovery(() => openAppContext({ dataDir, shell: 'browser' }), {
    file: path.join(dataDir, databaseFileName),
    dataDir,
    chooseRestore: () => options.restoreLatestBackup === true,
  });
  if (!outcome.ok) {
    console.error(startupParagraph(outcome.problem, locale, dataDir));
    console.error(`(${outcome.problem.code}: ${outcome.problem.message})`);
    process.exitCode = 1;
    return;
  }
  const context = outcome.context;
  if (outcome.restored) {
    const date = formatBackupDate(outcome.restored.backup.createdAt, locale);
    console.log(messagesFor(locale).startup.restored(date, outcome.restored.movedAside ?? '—'));
  }
  if (options.build !== false) ensureRendererBuilt();
  const backups = startBackupSchedule(context);
  // Reminders and summaries fill the notification centre; the page shows them as browser notifications.
  const automation = startAutomation(context);
  // Each launch address lets one browser in, once: after one is used, the next is printed for another browser.
  const api = createApi(context);
  const server: HttpServer = await startHttpServer({
    api,
    port: options.port ?? 0,
    staticDir: rendererDir,
    onLaunched: () => console.log(`A browser was let in. To open Candid in another browser: ${server.launchUrl()}`),
  });
  // The browser extension's "Save to Candid" (capture only; docs/capture.md); a saved application opens here.
  const connector = await startConnectorServer({ api, openUrl: (id) => `${server.url}/#/applications/${id}` });
  // Sync in the background when it is set up (Settings ▸ Sync); its secrets live in <data>/sync-secrets.json (0600).
  context.sync.start();
  const tokenFile = path.join(dataDir, 'api-token');
  // Replaces a token file a crash left behind, whatever its mode, with a new one only the user can read.
  writePrivateFile(tokenFile, `${server.token}\n`);
  console.log(`Candid is running at ${server.launchUrl()} (data: ${dataDir})`);
  console.log(`Open that address in your browser; it works once. Scripts find the API token in ${tokenFile}.`);
  const stop = async () => {
    automation.stop();
    backups.stop();
    await connector?.close();
    await server.close();
    closeAppContext(context);
    fs.rmSync(tokenFile, { force: true });
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      'restore-latest-backup': { type: 'boolean' },
      'no-build': { type: 'boolean' },
    },
    allowPositionals: false,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number between 0 and 65535, not ${values.port}`);
    process.exit(2);
  }
  void runWeb({ dataDir: values.data, port, restoreLatestBackup: values['restore-latest-backup'], build: !values['no-build'] });
}
