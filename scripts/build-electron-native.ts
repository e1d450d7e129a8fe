/**
 * `npm run native:electron [-- --force] [-- --verbose]`: compiles better-sqlite3 against Electron's headers into
 * native/electron-<version>/better_sqlite3.node, which the desktop app loads through `nativeBinding`.
 *
 * It builds in a temporary copy of node_modules/better-sqlite3 and never touches node_modules/better-sqlite3/build
 * (the Node build that the tests and the browser shell use). Electron's headers come from electronjs.org; without
 * network access this fails with one line of explanation and exit code 1.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string };

export const electronVersion = readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version;
const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');

/** Where the Electron-ABI build goes (the path src-main/shell/paths.ts reads in development). */
export function electronNativeFile(version = electronVersion): string {
  return path.join(root, 'native', `electron-${version}`, 'better_sqlite3.node');
}

export type NativeBuildResult = { ok: true; file: string; built: boolean } | { ok: false; reason: string };

export interface NativeBuildOptions {
  /** Rebuild even when an up-to-date file exists. */
  force?: boolean;
  /** Stream node-gyp's output instead of keeping it for the error line. */
  verbose?: boolean;
  /** Give up after this long (default 15 minutes). */
  timeoutMs?: number;
}

/** npm passes its configuration as npm_config_* variables; these would point node-gyp at Node's own headers. */
const npmOverrides = /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source)$/i;

export async function buildElectronNative(options: NativeBuildOptions = {}): Promise<NativeBuildResult> {
  const target = electronNativeFile();
  const sourceStamp = fs.statSync(path.join(sqliteDir, 'package.json')).mtimeMs;
  if (!options.force && fs.existsSync(target) && fs.statSync(target).mtimeMs >= sourceStamp) {
    return { ok: true, file: target, built: false };
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'candid-electron-native-'));
  try {
    const copy = path.join(work, 'better-sqlite3');
    fs.cpSync(sqliteDir, copy, {
      recursive: true,
      filter: (source) => path.relative(sqliteDir, source).split(path.sep)[0] !== 'build',
    });

    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) if (!npmOverrides.test(key)) env[key] = value;
    const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    const args = [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
      `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
    ];
    const run = await runProcess(process.execPath, args, { cwd: copy, env, verbose: options.verbose, timeoutMs: options.timeoutMs ?? 15 * 60_000 });
    if (!run.ok) return { ok: false, reason: `node-gyp failed (${run.summary})` };

    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!fs.existsSync(built)) return { ok: false, reason: 'node-gyp finished but produced no better_sqlite3.node' };
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(built, target);
    return { ok: true, file: target, built: true };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  verbose?: boolean;
  timeoutMs: number;
}

function runProcess(command: string, args: string[], options: RunOptions): Promise<{ ok: boolean; summary: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: options.verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, summary: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ ok: true, summary: '' });
      else resolve({ ok: false, summary: summarize(output, code, signal) });
    });
  });
}

/** The most telling part of node-gyp's output: a failed header download if that is what happened. */
function summarize(output: string, code: number | null, signal: NodeJS.Signals | null): string {
  const exit = signal ? `killed by ${signal}` : `exit code ${code}`;
  const download = /gyp http GET (\S+)/.exec(output)?.[1];
  if (/network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|proxy/i.test(output)) {
    return `could not download Electron's headers${download ? ` from ${download}` : ''}: no network access to electronjs.org, ${exit}`;
  }
  const lines = output
    .split(/\r?\n/)
    .filter((line) => line.startsWith('gyp ERR!') || /\berror\b/i.test(line))
    .map((line) => line.replace(/^gyp ERR!\s*(stack\s*)?/, '').trim())
    .filter((line) => line && !/^(configure error|build error|not ok|System |command |cwd |node -v|node-gyp -v|\$npm_|at )/.test(line));
  return `${(lines[0] ?? 'see npm run native:electron -- --verbose').slice(0, 200)}, ${exit}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const result = await buildElectronNative({ force: argv.includes('--force'), verbose: argv.includes('--verbose') });
  if (result.ok) {
    const where = path.relative(root, result.file);
    console.log(result.built ? `Built ${where} for Electron ${electronVersion}.` : `${where} is up to date.`);
  } else {
    console.error(`Cannot build better-sqlite3 for Electron ${electronVersion}: ${result.reason}.`);
    process.exit(1);
  }
}
