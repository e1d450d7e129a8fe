import { afterEach } from 'vitest';
import type { TempApp } from './temp-app';

/**
 * `open` with every app it opens closed after the test that opened it: registers the calling file's `afterEach`,
 * so a test file states how its apps are opened and nothing else.
 */
export function closedAfterEach<Args extends unknown[]>(open: (...args: Args) => Promise<TempApp>): (...args: Args) => Promise<TempApp> {
  const apps: TempApp[] = [];
  afterEach(() => {
    for (const app of apps.splice(0)) app.close();
  });
  return async (...args) => {
    const app = await open(...args);
    apps.push(app);
    return app;
  };
}
