import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '../../src-shared/contract';
import { openTempApp, type TempApp } from '../support/temp-app';
import { listAll, upload } from './support/files';

// The import writes applications with what createApplication and changeStage look up resolved once per file
// (src-main/imports/write.ts): these check that it writes the same rows they would.

let app: TempApp;
let reference: TempApp;
beforeEach(async () => {
  app = await openTempApp();
  reference = await openTempApp();
});
afterEach(() => {
  app.close();
  reference.close();
});

const csv = [
  'Entreprise;Poste;Date de candidature;Statut;Date de réponse;Tags',
  'ACME;Développeur;01/03/2024;Refusé;20/03/2024;remote, Remote, Été, ete',
  'Globex;Testeur;02/03/2024;Entretien;;',
  'globex;Analyste;;Offre;15/04/2024;remote',
  'Initech;Designer;03/03/2024;En attente;;',
].join('\n');

/** What the user sees of an application, without its ids and the time it was written. */
function shape(application: ApplicationDetail) {
  return {
    company: application.companyName,
    position: application.position,
    appliedOn: application.appliedOn,
    stage: application.stageCategory,
    stageChangedAt: application.stageChangedAt,
    firstResponseOn: application.firstResponseOn,
    tags: [...application.tags].sort(),
    history: application.stageHistory
      .map((event) => [event.fromCategory, event.toCategory, event.occurredAt] as const)
      .sort((a, b) => a[2].localeCompare(b[2])),
  };
}

async function details(target: TempApp) {
  const rows = await listAll(target);
  const all = await Promise.all(rows.map((row) => target.api.invoke('applications.get', { id: row.id })));
  return all.map(shape).sort((a, b) => a.position.localeCompare(b.position));
}

describe('the import writer', () => {
  it('writes the rows applications.create and setStage would, reusing companies and tags by name', async () => {
    for (const target of [app, reference]) await target.api.invoke('applications.create', { companyName: 'Acme', position: 'Existing', appliedOn: '2024-01-01' });
    await app.api.invoke('imports.run', { source: upload(csv, 'history.csv') });

    // The same applications made one by one through the handlers, from what the import wrote.
    const stageOf = new Map((await reference.api.invoke('stages.list', undefined)).map((stage) => [stage.category, stage.id]));
    for (const imported of await details(app)) {
      if (imported.position === 'Existing') continue;
      const [first, ...later] = imported.history;
      const created = await reference.api.invoke('applications.create', {
        companyName: imported.company,
        position: imported.position,
        appliedOn: imported.appliedOn ?? undefined,
        stageAt: first[2],
        tags: imported.tags,
      });
      for (const [, to, occurredAt] of later) await reference.api.invoke('applications.setStage', { id: created.id, stageId: stageOf.get(to!)!, occurredAt });
      // A move the file does not date is no answer on any day (setStage, dating it, takes it as the first answer).
      if (imported.firstResponseOn === null) await reference.api.invoke('applications.update', { id: created.id, patch: { firstResponseOn: null } });
    }
    expect(await details(app)).toEqual(await details(reference));

    const imported = await details(app);
    // Undated moves leave the first answer unknown; dated ones give it.
    expect(imported.map((row) => [row.position, row.firstResponseOn])).toEqual([
      ['Analyste', '2024-04-15'],
      ['Designer', null],
      ['Développeur', '2024-03-20'],
      ['Existing', null],
      ['Testeur', null],
    ]);
    // "ACME" is the saved Acme; "globex" is the Globex of the row above, created with the first spelling met.
    expect(imported.map((row) => [row.position, row.company])).toEqual([
      ['Analyste', 'Globex'],
      ['Designer', 'Initech'],
      ['Développeur', 'Acme'],
      ['Existing', 'Acme'],
      ['Testeur', 'Globex'],
    ]);
    expect((await app.api.invoke('companies.list', {})).items.map((company) => company.name).sort()).toEqual(['Acme', 'Globex', 'Initech']);
    // Two spellings of a tag link it once; the same tag on two rows is one tag.
    expect(imported.find((row) => row.position === 'Développeur')!.tags).toEqual(['Remote', 'Été']);
    expect(imported.find((row) => row.position === 'Analyste')!.tags).toEqual(['Remote']);
    expect((await app.api.invoke('tags.list', undefined)).map((tag) => tag.name).sort()).toEqual(['Remote', 'Été']);
  });

  it('logs each new row as one change-log entry', async () => {
    await app.api.invoke('imports.run', { source: upload(csv, 'history.csv') });
    const count = (sql: string) => app.context.db.sqlite.prepare(sql).pluck().get() as number;
    const rows = ['applications', 'stage_events', 'application_tags', 'companies', 'tags'].reduce((sum, table) => sum + count(`SELECT count(*) FROM ${table}`), 0);
    expect(count(`SELECT count(*) FROM change_log WHERE column_name = '*'`)).toBe(rows);
    expect(count(`SELECT count(*) FROM change_log WHERE column_name <> '*'`)).toBe(0);
  });
});
