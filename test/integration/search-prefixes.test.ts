import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import type { Api } from '../../src-main/api';
import { closeAppContext } from '../../src-main/context';
import { openTempApp } from '../support/temp-app';
import { createApplication } from './support/fixtures';
import { foundByText } from './support/found';

/**
 * Migration 0255 rebuilds the full-text index with prefix indexes of two and three characters, for the first letters
 * typed in the search box. An upgraded database must find exactly what it found before, by short and long prefixes,
 * and keep following writes.
 */
const typed = ['ly', 'lyo', 'lyon', 'ko', 'kot', 'kotlin', 'de', 'dev', 'devoxx', 'gr', 'é', 'ec', 'éco', 'kotlin ly'];

const found = (api: Api) => foundByText(api, typed);

describe('the full-text index with short-prefix indexes (migration 0255)', () => {
  it('finds after the upgrade exactly what it found before, and follows later writes', async () => {
    const before = await openTempApp({ migrations: migrations.filter((migration) => migration.version < 255) });
    const lyon = await createApplication(before.api, { position: 'Kotlin developer', location: 'Lyon', notes: 'Met them at Devoxx' });
    const grenoble = await createApplication(before.api, { position: 'Développeur Kotlin', location: 'Grenoble', notes: 'École' });
    await createApplication(before.api, { position: 'Data engineer', location: 'Lyon' });
    const archived = await createApplication(before.api, { position: 'Kotlin lead', location: 'Lyonnais' });
    await before.api.invoke('applications.archive', { ids: [archived.id] });
    const deleted = await createApplication(before.api, { position: 'Kotlin intern', location: 'Lyon' });
    await before.api.invoke('applications.delete', { id: deleted.id });
    const expected = await found(before.api);
    expect(expected.ly).toHaveLength(3);
    expect(expected.ko).toHaveLength(3);
    expect(expected.éco).toEqual([grenoble.id]);
    closeAppContext(before.context);

    const after = await openTempApp({ dataDir: before.dir });
    try {
      const definition = after.context.db.sql(`SELECT sql FROM sqlite_master WHERE name = 'applications_fts'`).pluck().get() as string;
      expect(definition).toMatch(/prefix\s*=\s*'2 3'/);
      // 0255 set automerge to 16; 0280 turned it off (the merges run when the app is idle).
      expect(after.context.db.sql(`SELECT v FROM applications_fts_config WHERE k = 'automerge'`).pluck().get()).toBe(0);
      expect(await found(after.api)).toEqual(expected);

      await after.api.invoke('applications.update', { id: lyon.id, patch: { location: 'Marseille' } });
      const marseille = await createApplication(after.api, { position: 'Kotlin architect', location: 'Marseille' });
      const now = await found(after.api);
      expect(now.ly).toEqual(expected.ly.filter((id) => id !== lyon.id));
      const ma = (await after.api.invoke('applications.list', { text: 'ma' })).items.map((item) => item.id).sort();
      expect(ma).toEqual([lyon.id, marseille.id].sort());
    } finally {
      after.close();
    }
  });
});
