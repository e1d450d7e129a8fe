import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../support/temp-app';
import { fingerprint, listAll, upload } from './support/files';

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

describe('imports.run', () => {
  it('writes all rows or none: a row that cannot be imported stops everything, and nothing is half-written', async () => {
    await app.api.invoke('applications.create', { companyName: 'Existing', position: 'Developer' });
    const before = fingerprint(app);
    const events: unknown[] = [];
    app.context.changes.onChanged((event) => events.push(event));
    const csv = `Company,Position\nAcme,Developer\nGlobex,\nInitech,Analyst\n`;
    await expect(app.api.invoke('imports.run', { source: upload(csv, 'one-bad.csv') })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'rows_invalid', rowsWithErrors: 1, problems: [{ row: 3, column: 1, field: 'position', code: 'missing_required' }] },
    });
    expect(fingerprint(app)).toBe(before);
    expect(events).toEqual([]);

    // Asked to skip invalid rows, the others are imported; the summary says which row was skipped and why.
    const result = await app.api.invoke('imports.run', { source: upload(csv, 'one-bad.csv'), options: { skipInvalidRows: true } });
    expect(result).toMatchObject({ created: 2, skippedInvalid: 1, companiesCreated: 2 });
    expect(result.summary).toMatchObject({ applications: 2, skipped: [{ row: 3, column: null, reasons: ['missing_required'] }], skippedCount: 1 });
    expect((await listAll(app)).map((row) => row.companyName)).toEqual(['Acme', 'Existing', 'Initech']);
  });

  it('keeps a row whose position is too long: cut, the whole text in the notes, with a warning', async () => {
    const long = `${'Senior '.repeat(30)}Developer`;
    const result = await app.api.invoke('imports.run', { source: upload(`Company,Position\nAcme,${long}\n`, 'long.csv') });
    expect(result.summary!.warnings).toMatchObject([{ code: 'too_long', count: 1, items: [{ row: 2, column: 1, field: 'position' }] }]);
    const [row] = await listAll(app);
    const detail = await app.api.invoke('applications.get', { id: row.id });
    expect(detail.position).toBe(long.slice(0, 200).trim());
    expect(detail.notes).toBe(`Position: ${long}`);
  });

  it('records the stage history: the first stage on the applied date, then an event at the response date', async () => {
    const csv = [
      'Entreprise;Poste;Date de candidature;Statut;Date de réponse',
      'Acme;Développeur;01/03/2024;Refusé;20/03/2024',
      'Globex;Testeur;02/03/2024;Entretien;',
      'Initech;Analyste;03/03/2024;En attente;',
      'Hooli;Designer;;Offre;15/04/2024',
    ].join('\n');
    const result = await app.api.invoke('imports.run', { source: upload(csv, 'history.csv') });
    expect(result).toMatchObject({ created: 4, stageEvents: 7 });
    const rows = await listAll(app);
    const history = async (company: string) => {
      const detail = await app.api.invoke('applications.get', { id: rows.find((row) => row.companyName === company)!.id });
      return {
        stage: detail.stageCategory,
        firstResponseOn: detail.firstResponseOn,
        events: detail.stageHistory
          .map((event) => [event.fromCategory, event.toCategory, event.occurredAt] as const)
          .sort((a, b) => a[2].localeCompare(b[2])),
      };
    };
    expect(await history('Acme')).toEqual({
      stage: 'rejected',
      firstResponseOn: '2024-03-20',
      events: [
        [null, 'applied', '2024-03-01T12:00:00.000Z'],
        ['applied', 'rejected', '2024-03-20T12:00:00.000Z'],
      ],
    });
    // No response date: the move happens on the applied date, just after the first event.
    expect(await history('Globex')).toMatchObject({
      stage: 'interviewing',
      events: [
        [null, 'applied', '2024-03-02T12:00:00.000Z'],
        ['applied', 'interviewing', '2024-03-02T12:00:00.001Z'],
      ],
    });
    expect(await history('Initech')).toMatchObject({ stage: 'applied', firstResponseOn: null, events: [[null, 'applied', '2024-03-03T12:00:00.000Z']] });
    // No applied date: the history starts at the response date, and still ends in the file's stage.
    expect(await history('Hooli')).toMatchObject({ stage: 'offer', firstResponseOn: '2024-04-15' });
  });

  it('keeps a response dated before the application in the notes, with a warning, and the move undated', async () => {
    const csv = 'Company,Position,Applied,Status,Response date\nAcme,Developer,2024-03-12,Rejected,2024-03-01\n';
    const preview = await app.api.invoke('imports.preview', { source: upload(csv, 'r.csv') });
    expect(preview.problems).toMatchObject([{ row: 2, column: 4, field: 'responseOn', code: 'response_before_applied', severity: 'warning' }]);
    await app.api.invoke('imports.run', { source: upload(csv, 'r.csv') });
    const [row] = await listAll(app);
    const detail = await app.api.invoke('applications.get', { id: row.id });
    expect(detail).toMatchObject({ stageCategory: 'rejected', firstResponseOn: null, notes: 'Response date: 2024-03-01' });
  });

  it('invents no first answer: an undated move counts as answered, on no day (issue 19 item 9)', async () => {
    const csv = [
      'Company,Position,Applied,Status,Response date',
      'Acme,Developer,2024-03-01,Rejected,',
      'Globex,Tester,2024-03-02,Interview,',
      'Initech,Analyst,2024-03-03,Offer,',
      'Hooli,Designer,2024-03-04,Rejected,2024-03-14',
    ].join('\n');
    await app.api.invoke('imports.run', { source: upload(csv, 'answers.csv') });
    const overview = await app.api.invoke('statistics.overview', {});
    // All four were answered (the funnel knows), but only Hooli's answer has a day: 10 days, not three 0-day ones.
    expect(overview.responseRate).toMatchObject({ numerator: 4, denominator: 4 });
    expect(overview.daysToFirstResponse).toEqual({ count: 1, median: 10, mean: 10 });
    const times = await app.api.invoke('statistics.responseTimes', {});
    expect(times.summary.count).toBe(1);
    const globex = (await listAll(app)).find((row) => row.companyName === 'Globex')!;
    const history = (await app.api.invoke('applications.get', { id: globex.id })).stageHistory;
    expect(history.map((event) => [event.toCategory, event.dateUnknown])).toEqual([
      ['applied', false],
      ['interviewing', true],
    ]);
  });

  it('takes a backup before writing, which restores the database as it was', async () => {
    await app.api.invoke('applications.create', { companyName: 'Existing', position: 'Developer' });
    const result = await app.api.invoke('imports.run', { source: upload('Company,Position\nAcme,Developer\n', 'a.csv') });
    expect(result.backup).not.toBeNull();
    expect(fs.existsSync(result.backup!.path)).toBe(true);
    expect((await app.api.invoke('backups.list', undefined)).some((backup) => backup.path === result.backup!.path && backup.reason === 'pre-import')).toBe(true);

    await app.api.invoke('backups.restore', { path: result.backup!.path });
    expect((await listAll(app)).map((row) => row.companyName)).toEqual(['Existing']);
  });

  it('flags duplicates of saved applications and within the file, and skips them when asked', async () => {
    await app.api.invoke('applications.create', { companyName: 'Société Générale', position: 'Développeur Java H/F', postingUrl: 'https://jobs.example.com/1?utm_source=x' });
    const csv = [
      'Company,Position,Link',
      'societe generale,Développeur Java,', // similar position at the same company (accents, case, H/F ignored)
      'Other,Tester,https://jobs.example.com/1', // same posting
      'Acme,Data engineer,',
      'ACME,Engineer: data,', // the row above, words in another order
      'Acme,Senior data engineer,', // another seniority: another position
      'Acme,Chef de projet,',
    ].join('\n');
    const preview = await app.api.invoke('imports.preview', { source: upload(csv, 'dups.csv') });
    expect(preview.duplicates).toEqual([
      { row: 2, reason: 'similar_position', existing: expect.objectContaining({ kind: 'database', companyName: 'Société Générale' }) },
      { row: 3, reason: 'same_url', existing: expect.objectContaining({ kind: 'database' }) },
      { row: 5, reason: 'similar_position', existing: { kind: 'file', row: 4 } },
    ]);
    const result = await app.api.invoke('imports.run', { source: upload(csv, 'dups.csv'), options: { skipDuplicates: true } });
    expect(result).toMatchObject({ created: 3, skippedDuplicates: 3 });
  });

  it('keeps what it could not place in the notes, and unmapped columns when asked', async () => {
    const csv = 'Company,Position,Link,Salary,Referred by\nAcme,Developer,via a friend,selon profil,Jeanne\n';
    const preview = await app.api.invoke('imports.preview', { source: upload(csv, 'n.csv') });
    expect(preview.problems.map((problem) => [problem.code, problem.severity])).toEqual([
      ['bad_url', 'warning'],
      ['bad_salary', 'warning'],
    ]);
    await app.api.invoke('imports.run', { source: upload(csv, 'n.csv'), options: { unmappedToNotes: true } });
    const [row] = await listAll(app);
    expect((await app.api.invoke('applications.get', { id: row.id })).notes).toBe('Referred by: Jeanne\nLink: via a friend\nSalary: selon profil');
  });

  it('uses the mapping it is given, and ignores columns mapped to nothing', async () => {
    const csv = 'A,B,C\nAcme,Developer,Lyon\n';
    const preview = await app.api.invoke('imports.preview', { source: upload(csv, 'm.csv'), mapping: ['company', 'position', null] });
    expect(preview.problems).toEqual([]);
    await app.api.invoke('imports.run', { source: upload(csv, 'm.csv'), mapping: ['company', 'position', null] });
    expect(await listAll(app)).toMatchObject([{ companyName: 'Acme', position: 'Developer', location: null }]);
    await expect(app.api.invoke('imports.run', { source: upload(csv, 'm.csv'), mapping: ['company', 'company', 'position'] })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('sends one changed event after the import commits', async () => {
    const events: { tables: string[] }[] = [];
    app.context.changes.onChanged((event) => events.push(event));
    await app.api.invoke('imports.run', { source: upload('Company,Position,Status\nAcme,Developer,Refusé\nGlobex,Tester,\n', 'e.csv') });
    expect(events).toEqual([{ tables: ['applications', 'companies', 'stage_events'], origin: 'local' }]);
  });
});
