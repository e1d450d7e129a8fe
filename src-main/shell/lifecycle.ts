/**
 * The desktop app from launch to quit: one instance, hardened web contents, the app:// protocol, the database
 * opened with the Electron build of better-sqlite3, the IPC transport, the menu, the main window, the
 * scheduled backups and automation (its reminders shown as system notifications).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, ipcMain, safeStorage, session, shell, type BrowserWindow } from 'electron';
import { createApi } from '../api';
import { startConnectorServer } from '../transports/connector';
import { startAutomation } from '../automation';
import { startBackupSchedule } from '../backups/schedule';
import { closeAppContext, openAppContext, type AppContext } from '../context';
import { databaseFileName } from '../db/open';
import { FileGrants } from '../transports/file-grants';
import { registerIpcTransport } from '../transports/ipc';
import { createShellActions } from './actions';
import { installMenu } from './menu';
import { messagesFor } from './messages';
import { appEntryUrl, senderCheck } from './origin';
import { nativeBindingPath, resolveDataDir } from './paths';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { desktopSecretStore } from './secret-store';
import { limitPermissions, hardenWebContents } from './security';
import { createSystemNotifier } from './notifications';
import { claimSingleInstance } from './single-instance';
import { openWithStartupDialogs } from './startup-error';
import { broadcast, createMainWindow, sendToWindow, showRoute } from './window';
import { retireIdleWorker } from '../jobs/runner';

/** out/main once bundled: the renderer and the preload are its siblings. */
const outDir = path.dirname(fileURLToPath(import.meta.url));

export function startDesktopApp(): void {
  registerAppScheme();
  let mainWindow: BrowserWindow | null = null;
  if (!claimSingleInstance(() => mainWindow)) return;

  // Windows shows a notification only for the app id its Start-menu shortcut carries (electron-builder.yml's appId).
  if (process.platform === 'win32') app.setAppUserModelId('fr.candid.app');
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('session-created', (created) => limitPermissions(created));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(async () => {
      limitPermissions(session.defaultSession);
      registerAppProtocol(path.join(outDir, '..', 'renderer'));

      const dataDir = resolveDataDir(app.getPath('userData'));
      const context = await openContext(dataDir);
      if (!context) return;

      // Checked every hour while the app runs; a 'scheduled' backup is taken once a day when something changed.
      const backups = startBackupSchedule(context);
      // Sync in the background when it is set up (Settings ▸ Sync).
      context.sync.start();

      // electron-vite dev serves the renderer with hot reload; a packaged app only ever loads app://candid/.
      const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
      const pages = { entryUrl: devServerUrl ?? appEntryUrl, preload: path.join(outDir, '..', 'preload', 'index.cjs') };
      // The files picked in the shell's dialogs: pages name files only through these handles.
      const grants = new FileGrants();
      const api = createApi(context);
      const disposeIpc = registerIpcTransport({
        ipcMain,
        api,
        isTrustedSender: senderCheck(devServerUrl),
        shell: createShellActions(context, pages, grants),
        broadcast,
        grants,
      });
      installMenu(
        messagesFor(app.getLocale()),
        {
          send: (action) => sendToWindow(mainWindow, 'menu', { action }),
          openDataFolder: () => void shell.openPath(dataDir),
        },
        { isMac: process.platform === 'darwin', devTools: !app.isPackaged },
      );

      /** Opens the main window, on a route of the renderer when given one. */
      const openWindow = (route?: string) => {
        const window = createMainWindow({ preload: pages.preload, url: route ? `${pages.entryUrl}#${route}` : pages.entryUrl });
        window.on('closed', () => {
          if (mainWindow === window) mainWindow = null;
        });
        mainWindow = window;
      };
      openWindow();
      app.on('activate', () => {
        if (!mainWindow) openWindow();
      });

      // Reminders, follow-ups and summaries; a click on one of their notifications opens its screen.
      const automation = startAutomation(context, {
        deliver: createSystemNotifier({
          context,
          open: (route) => showRoute(mainWindow, route, openWindow),
        }),
      });
      // The browser extension's "Save to Candid" (capture only; docs/capture.md). The desktop app has no address to
      // open an application at: the extension's "Open in Candid" asks the connector, which brings this window to it.
      const connector = startConnectorServer({
        api,
        showApplication: (applicationId) => showRoute(mainWindow, `/applications/${applicationId}`, openWindow),
      }).catch((error: unknown) => {
        console.error('[candid] the browser extension connector could not start:', error);
        return null;
      });
      app.once('will-quit', () => {
        void connector.then((server) => server?.close());
        automation.stop();
        backups.stop();
        disposeIpc();
        closeAppContext(context);
        retireIdleWorker();
      });
    })
    .catch((error: unknown) => {
      console.error('[candid] startup failed:', error);
      app.exit(1);
    });
}

/**
 * Opens the database; when its file is damaged, offers to restore the latest intact backup and opens that.
 * Otherwise explains in a dialog why it cannot, and exits.
 */
async function openContext(dataDir: string): Promise<AppContext | null> {
  const nativeBinding = nativeBindingPath({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron,
  });
  const context = await openWithStartupDialogs(
    async () => {
      if (!fs.existsSync(nativeBinding)) {
        throw Object.assign(new Error(`${nativeBinding} does not exist`), { code: 'NATIVE_MISSING' });
      }
      return openAppContext({ dataDir, shell: 'desktop', nativeBinding, secrets: desktopSecretStore(dataDir, safeStorage) });
    },
    { locale: app.getLocale(), dataDir, file: path.join(dataDir, databaseFileName), nativeBinding },
  );
  if (!context) app.exit(1);
  return context;
}
