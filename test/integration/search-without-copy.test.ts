import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import type { Api } from '../../src-main/api';
import { closeAppContext } from '../../src-main/context';
import { indexedWords } from '../support/indexed-words';
import { openTempApp } from '../support/temp-app';
import { createApplication } from './support/fixtures';
import { foundByText } from './support/found';

/**
 * Migration 0310 makes the full-text table contentless: it no longer keeps a copy of the texts it indexes. An upgraded
 * database must find exactly what it found before, hold no copy, and follow every later write, deletes included
 * (a contentless table deletes a row by its rowid alone only with `contentless_delete`).
 */
const typed = ['ly', 'lyon', 'ko', 'kotlin', 'acme', 'remote', 'éco', 'marseille', 'globex', 'kotlin ly'];

const found = (api: Api) => foundByText(api, typed);

describe('the full-text table without a copy of its texts (migration 0310)', () => {
  it('finds after the upgrade what it found before, keeps no copy, and follows updates, deletes and restores', async () => {
    const before = await openTempApp({ migrations: migrations.filter((migration) => migration.version < 310) });
    const lyon = await createApplication(before.api, { companyName: 'Acme', position: 'Kotlin developer', location: 'Lyon', tags: ['Remote'] });
    const grenoble = await createApplication(before.api, { companyName: 'Acme', position: 'Développeur Kotlin', location: 'Grenoble', notes: 'École' });
    const archived = await createApplication(before.api, { companyName: 'Globex', position: 'Kotlin lead', location: 'Lyonnais' });
    await before.api.invoke('applications.archive', { ids: [archived.id] });
    const deleted = await createApplication(before.api, { companyName: 'Globex', position: 'Kotlin intern', location: 'Lyon' });
    await before.api.invoke('applications.delete', { id: deleted.id });
    const expected = await found(before.api);
    expect(expected.ly).toEqual([lyon.id, archived.id].sort());
    expect(expected.remote).toEqual([lyon.id]);
    expect(expected.éco).toEqual([grenoble.id]);
    closeAppContext(before.context);

    const after = await openTempApp({ dataDir: before.dir });
    try {
      const db = after.context.db;
      const definition = db.sql(`SELECT sql FROM sqlite_master WHERE name = 'applications_fts'`).pluck().get() as string;
      expect(definition).toMatch(/content\s*=\s*''/);
      expect(definition).toMatch(/prefix\s*=\s*'2 3'/);
      expect(db.sql(`SELECT count(*) FROM sqlite_master WHERE name LIKE 'applications_fts_%content'`).pluck().get()).toBe(0);
      const config = Object.fromEntries(db.sql(`SELECT k, v FROM applications_fts_config`).raw().all() as [string, unknown][]);
      expect(config).toMatchObject({ automerge: 0, crisismerge: 64, usermerge: 16 });
      expect(await found(after.api)).toEqual(expected);
      expect(indexedWords(db.sqlite).find((row) => row.rowid === (db.sql(`SELECT seq FROM applications WHERE id = ?`).pluck().get(lyon.id) as number)))
        .toMatchObject({ company: 'acme', position: 'developer kotlin', location: 'lyon', tags: 'remote' });

      await after.api.invoke('applications.update', { id: lyon.id, patch: { location: 'Marseille' } });
      await after.api.invoke('companies.update', { id: lyon.companyId, patch: { name: 'Initech' } });
      const now = await found(after.api);
      expect(now.ly).toEqual([archived.id]);
      expect(now.marseille).toEqual([lyon.id]);
      expect(now.acme).toEqual([]);

      await after.api.invoke('applications.delete', { id: lyon.id });
      expect((await found(after.api)).marseille).toEqual([]);
      await after.api.invoke('applications.restore', { ids: [lyon.id] });
      expect((await found(after.api)).marseille).toEqual([lyon.id]);
    } finally {
      after.close();
    }
  });
});
