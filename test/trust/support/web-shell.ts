import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** `tsx scripts/web.ts …` as a child process, as a user starts the browser shell. */
export interface WebShell {
  child: ChildProcess;
  output(): { stdout: string; stderr: string };
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** Resolves with the first match of `pattern` in stdout; rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
}

export function startWebShell(args: string[], env: Record<string, string> = {}): WebShell {
  // --no-build: serve out/renderer as it is; building the interface is not what these tests are about.
  const child = spawn(tsx, ['scripts/web.ts', '--port', '0', '--no-build', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | string>((resolve) => child.on('close', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    child,
    output: () => ({ stdout, stderr }),
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (!match) return false;
          child.stdout!.off('data', check);
          resolve(match);
          return true;
        };
        if (check()) return;
        child.stdout!.on('data', check);
        void exited.then((code) => reject(new Error(`web shell exited (${code}) before printing ${pattern}:\n${stdout}\n${stderr}`)));
      }),
  };
}
