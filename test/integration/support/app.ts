import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Api } from '../../../src-main/api';
import type { Database } from '../../../src-main/db/connection';
import { openTempApp, type TempApp } from '../../support/temp-app';

export interface AppHandle {
  readonly app: TempApp;
  readonly api: Api;
  readonly db: Database;
}

/**
 * A real app on a real SQLite file for the tests of the enclosing file or describe block: a fresh one per
 * test (`each`, the default) or one shared by all of them (`all`, for tables of read-only cases).
 */
export function useTempApp(scope: 'each' | 'all' = 'each'): AppHandle {
  let current: TempApp | undefined;
  const open = async () => {
    current = await openTempApp();
  };
  const close = () => {
    current?.close();
    current = undefined;
  };
  if (scope === 'each') {
    beforeEach(open);
    afterEach(close);
  } else {
    beforeAll(open);
    afterAll(close);
  }
  const app = () => {
    if (!current) throw new Error('the temp app is only open inside a test');
    return current;
  };
  return {
    get app() {
      return app();
    },
    get api() {
      return app().api;
    },
    get db() {
      return app().context.db;
    },
  };
}
