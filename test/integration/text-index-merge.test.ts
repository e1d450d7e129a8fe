import { afterEach, describe, expect, it, vi } from 'vitest';
import { mergeTextIndexStep, textMergeIdleMs } from '../../src-main/changes/text-index-merge';
import { openTempApp, type TempApp } from '../support/temp-app';

let app: TempApp | undefined;
afterEach(() => app?.close());

/** The full-text index's segments: each holds its own rows of the _idx table. */
const segments = (app: TempApp) => app.context.db.sql(`SELECT count(DISTINCT segid) FROM applications_fts_idx`).pluck().get() as number;
const config = (app: TempApp) =>
  Object.fromEntries(app.context.db.sql(`SELECT k, v FROM applications_fts_config`).raw().all() as [string, unknown][]);
const found = async (app: TempApp, text: string) => {
  const page = (await app.api.invoke('applications.list', { text })) as { items: { id: string }[] };
  return page.items.map((item) => item.id).sort();
};

describe('the full-text index is merged when the app is idle', () => {
  it('leaves a burst of creations unmerged, then merges it once writes pause, finding the same rows', async () => {
    app = await openTempApp();
    expect(config(app)).toMatchObject({ automerge: 0, crisismerge: 64, usermerge: 16 });
    const start = segments(app);
    for (let index = 0; index < 40; index += 1) {
      await app.api.invoke('applications.create', {
        companyName: `Company ${index % 7}`,
        position: index % 2 ? `Data analyst ${index}` : `Developer ${index}`,
        location: index % 3 ? 'Lyon' : 'Paris',
        tags: index % 4 ? ['remote'] : [],
      });
    }
    // No write merged: one more segment per creation (FTS5's own merging at 16 would have left fewer).
    expect(segments(app) - start).toBeGreaterThanOrEqual(40);
    const before = { da: await found(app, 'da'), lyon: await found(app, 'lyon'), remote: await found(app, 'remote') };
    expect(before.lyon.length).toBeGreaterThan(0);

    const deadline = Date.now() + textMergeIdleMs * 20;
    while (segments(app) > 4 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(segments(app)).toBeLessThanOrEqual(4);
    expect({ da: await found(app, 'da'), lyon: await found(app, 'lyon'), remote: await found(app, 'remote') }).toEqual(before);
    // Nothing left to merge: a step says so.
    expect(mergeTextIndexStep(app.context.db)).toBe(false);
  });

  it('is put off while writes keep coming', async () => {
    app = await openTempApp();
    const start = segments(app);
    // Writes closer together than the idle time (more than the 16 segments a merge waits for): none runs between them.
    for (let index = 0; index < 20; index += 1) {
      await app.api.invoke('applications.create', { companyName: 'Acme', position: `Developer ${index}` });
      await new Promise((resolve) => setTimeout(resolve, textMergeIdleMs / 5));
    }
    expect(segments(app) - start).toBeGreaterThanOrEqual(20);
  });

  it('leaves no timer behind when the database closes with a merge pending (quitting the app stops everything)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      app = await openTempApp();
      await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' });
      expect(vi.getTimerCount()).toBeGreaterThan(0);
      app.close();
      app = undefined;
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
