import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './cache';

/**
 * Parts of the app that other engineers are still writing (statistics, exports, imports): found at run time
 * by a dynamic import, so the benchmark runs, and says "n/a (not built yet)", before they exist.
 */
export type Found<T> = { ok: true; value: T; where: string } | { ok: false; reason: string };

export const notBuilt = 'n/a (not built yet)';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...args: any[]) => any;

/** The function exported as `name` by one of the modules of src-main/<domain>/. */
export async function findFunction(domain: string, name: string): Promise<Found<AnyFunction>> {
  const dir = path.join(repoRoot, 'src-main', domain);
  if (!fs.existsSync(dir)) return { ok: false, reason: notBuilt };
  const files = fs
    .readdirSync(dir)
    .filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts'))
    // The likeliest homes first: index, then a file named after the function's subject.
    .sort((a, b) => rank(a, name) - rank(b, name) || a.localeCompare(b));
  for (const file of files) {
    if (!fs.readFileSync(path.join(dir, file), 'utf8').includes(name)) continue;
    try {
      const module = (await import(path.join(dir, file))) as Record<string, unknown>;
      const value = module[name];
      if (typeof value === 'function') return { ok: true, value: value as AnyFunction, where: `src-main/${domain}/${file}` };
    } catch (error) {
      return { ok: false, reason: `n/a (src-main/${domain}/${file} failed to load: ${(error as Error).message.split('\n')[0]})` };
    }
  }
  return { ok: false, reason: notBuilt };
}

function rank(file: string, name: string): number {
  if (file === 'index.ts') return 0;
  const stem = file.replace(/\.ts$/, '').toLowerCase();
  return name.toLowerCase().includes(stem) ? 1 : 2;
}

/** Whether the handler table implements `channel` (the contract may list channels before their handlers land). */
export async function hasHandler(channel: string): Promise<boolean> {
  const { handlers } = await import('../../src-main/api');
  return typeof (handlers as Record<string, unknown>)[channel] === 'function';
}
