import { describe, expect, it } from 'vitest';
import type { ApplicationFilters } from '../../src-shared/contract';
import { countRows } from '../../src-main/applications/count';
import { applicationWhere } from '../../src-main/applications/filters';
import { useTempApp } from './support/app';
import { createApplication } from './support/fixtures';

/**
 * The list's total with a text filter is counted one of two ways (applications/count.ts): from the full-text
 * matches through the index of live rows by sequence (migration 0240) when text and archived are the only filters,
 * else by walking the live rows. Both must count the same rows: live ones, archived or not as the filter says,
 * matching every word and every other filter.
 */
describe('the list’s total with a text filter', () => {
  const handle = useTempApp();

  it('counts the same rows from the matches as by walking the rows', async () => {
    const { api, db } = handle;
    const kept = await createApplication(api, { position: 'Kotlin developer', location: 'Lyon', workMode: 'remote' });
    await createApplication(api, { position: 'Kotlin lead', location: 'Paris', workMode: 'on_site' });
    const archived = await createApplication(api, { position: 'Kotlin engineer', location: 'Lyon', workMode: 'remote' });
    await api.invoke('applications.archive', { ids: [archived.id] });
    const deleted = await createApplication(api, { position: 'Kotlin intern', location: 'Lyon', workMode: 'remote' });
    await api.invoke('applications.delete', { id: deleted.id });
    await createApplication(api, { position: 'Java developer', location: 'Lyon', notes: 'Not the right language' });

    const cases: [ApplicationFilters, number][] = [
      [{ text: 'kotlin' }, 2],
      [{ text: 'kotlin', archived: 'all' }, 3],
      [{ text: 'kotlin', archived: true }, 1],
      [{ text: 'kotlin lyon' }, 1],
      [{ text: 'kotlin', workModes: ['remote'] }, 1],
      [{ text: 'lyon' }, 2],
      [{ text: 'cobol' }, 0],
    ];
    for (const [filters, expected] of cases) {
      const name = JSON.stringify(filters);
      expect(countRows(db, applicationWhere(filters)), name).toBe(expected);
      expect((await api.invoke('applications.list', filters)).total, `${name} in the list`).toBe(expected);
    }
    // Without the index (a database at an older schema), every count walks the rows.
    db.sqlite.exec('DROP INDEX applications_live_seq');
    for (const [filters, expected] of cases) expect(countRows(db, applicationWhere(filters)), `${JSON.stringify(filters)} walking`).toBe(expected);
    expect((await api.invoke('applications.list', { text: 'kotlin lyon' })).items.map((item) => item.id)).toEqual([kept.id]);
  });
});
