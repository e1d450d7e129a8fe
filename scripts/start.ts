/**
 * `npm start [-- --data DIR] [-- --port N]`: the desktop app when Electron can run on this machine, otherwise
 * Candid in the browser (scripts/web.ts) after one line saying why. Never downloads Electron.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildElectronNative } from './build-electron-native';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ElectronCheck {
  root: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}

/** Why Electron cannot run here, or null when it can (its binary is installed and there is a display). */
export function electronUnavailableReason(check: ElectronCheck = { root, env: process.env, platform: process.platform }): string | null {
  const electronDir = path.join(check.root, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) return 'the electron package is not installed';
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return 'the Electron binary is not installed (node_modules/electron/path.txt is missing)';
  const executable = fs.readFileSync(pathFile, 'utf8').trim();
  if (!executable || !fs.existsSync(path.join(electronDir, 'dist', executable))) {
    return `the Electron binary node_modules/electron/dist/${executable} is missing`;
  }
  if (check.platform === 'linux' && !check.env.DISPLAY && !check.env.WAYLAND_DISPLAY) {
    return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  }
  return null;
}

/** Builds main, preload and renderer, then runs Electron on the result (electron-vite preview). */
function launchElectron(dataDir: string | undefined): void {
  const env = { ...process.env };
  if (dataDir) env.CANDID_DATA_DIR = path.resolve(dataDir);
  const cli = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const child = spawn(process.execPath, [cli, 'preview', '--logLevel', 'warn'], { cwd: root, env, stdio: 'inherit' });
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string' } }, allowPositionals: false });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    console.error(`--port must be a number between 0 and 65535, not ${values.port}`);
    process.exit(2);
  }

  let reason = electronUnavailableReason();
  if (reason === null) {
    const native = await buildElectronNative();
    if (!native.ok) reason = `better-sqlite3 could not be compiled for Electron: ${native.reason}`;
  }
  if (reason === null) {
    launchElectron(values.data);
    return;
  }

  console.log(`Electron cannot start here: ${reason}. Candid is served in the browser instead.`);
  const web = await import('./web');
  web.ensureRendererBuilt();
  await web.runWeb({ dataDir: values.data, port, reason });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
