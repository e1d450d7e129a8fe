import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi, type Api } from '../../src-main/api';
import { closeAppContext, openAppContext, type AppContext, type OpenContextOptions } from '../../src-main/context';

/** A fresh data folder in the OS temp dir; removed by `cleanup`. */
export function tempDir(prefix = 'candid-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TempApp {
  dir: string;
  context: AppContext;
  api: Api;
  close(): void;
}

/** The real app on a real SQLite file in a temp folder. */
export async function openTempApp(options: Partial<OpenContextOptions> = {}): Promise<TempApp> {
  const dir = options.dataDir ?? tempDir();
  const context = await openAppContext({ dataDir: dir, ...options });
  const api = createApi(context);
  return {
    dir,
    context,
    api,
    close() {
      closeAppContext(context);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
