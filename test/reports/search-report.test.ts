import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../integration/support/fingerprint';
import { firstStages } from '../integration/support/fixtures';
import { expectError } from '../integration/support/results';
import { openTempApp, type TempApp } from '../support/temp-app';
import { pdfPages } from './support/pdf-text';

// Proof-of-search reports (issue 15, item 4): the activity of a period, and only of it, as PDF and CSV in the
// columns of France Travail, a German job centre and a US state work-search log, labelled in English or French.
// Runs as a job in the worker like every export; the PDF is read back with pdf.js.

let app: TempApp;
beforeAll(async () => {
  app = await openTempApp();
  const { api } = app;
  const stages = await firstStages(api);
  await api.invoke('profile.update', { name: 'Zoé Lefèvre' });
  const inside = await api.invoke('applications.create', {
    companyName: 'Société Générale Équipements',
    position: 'Développeuse back-end',
    appliedOn: '2024-03-04',
    source: 'email',
    stageId: stages.rejected,
  });
  await api.invoke('applications.create', { companyName: 'Łódź Robotics', position: 'Platform engineer', appliedOn: '2024-03-20', source: 'linkedin' });
  // Outside the period, on both sides.
  await api.invoke('applications.create', { companyName: 'Before Corp', position: 'Too early', appliedOn: '2024-02-29' });
  await api.invoke('applications.create', { companyName: 'After Ltd', position: 'Too late', appliedOn: '2024-04-01' });
  // Late on 31 March in Paris is already 1 April in UTC: inside the period for a person in Paris.
  await api.invoke('interviews.create', { applicationId: inside.id, scheduledAt: '2024-03-31T21:30:00Z', format: 'phone', status: 'completed', outcome: 'failed' });
  await api.invoke('interviews.create', { applicationId: inside.id, scheduledAt: '2024-03-12T09:00:00Z', format: 'video', status: 'cancelled' });
  const roaster = await api.invoke('companies.create', { name: 'Kaffeerösterei Müller' });
  const contact = await api.invoke('contacts.create', { name: 'Jürgen Weiß', companyId: roaster.id });
  await api.invoke('interactions.create', { contactId: contact.id, occurredOn: '2024-03-15', channel: 'meeting', note: 'Spontaneous visit\nsecond line' });
  await api.invoke('interactions.create', { contactId: contact.id, occurredOn: '2024-04-02', channel: 'phone', note: 'Outside the period' });
  // A fair: one booth visited in the period, one visited after it, one only planned.
  const fair = await api.invoke('fairs.create', { name: 'Forum Emploi', startsOn: '2024-03-26', place: 'Lyon Eurexpo' });
  const visited = await api.invoke('fairs.addBooth', { fairId: fair.id, companyName: 'Brasserie Dupré', recruitsFor: 'Data analyst' });
  await api.invoke('fairs.updateBooth', { id: visited.id, patch: { recruiterName: 'Amélie Roux', notes: 'Send my CV by Friday' } });
  await api.invoke('fairs.setVisitStatus', { id: visited.id, status: 'talking', at: '2024-03-26T10:00:00Z' });
  await api.invoke('fairs.setVisitStatus', { id: visited.id, status: 'done', at: '2024-03-26T10:20:00Z' });
  const later = await api.invoke('fairs.addBooth', { fairId: fair.id, companyName: 'Late Booth SA' });
  await api.invoke('fairs.setVisitStatus', { id: later.id, status: 'talking', at: '2024-04-03T10:00:00Z' });
  await api.invoke('fairs.addBooth', { fairId: fair.id, companyName: 'Planned Only SARL' });
}, 60_000);
afterAll(() => app?.close());

const period = { from: '2024-03-01', to: '2024-03-31', timeZone: 'Europe/Paris' } as const;

describe('the proof-of-search PDF', () => {
  it('holds the rows of the period, in the France Travail columns and in French, and nothing outside it', async () => {
    const file = path.join(app.dir, 'justificatif.pdf');
    const result = await app.api.invoke('exports.searchReport', { ...period, template: 'franceTravail', format: 'pdf', language: 'fr', path: file });
    expect(result).toMatchObject({ kind: 'file', path: file, rows: 5 });
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfPages(file)).join('\n');
    for (const expected of [
      'Actes positifs de recherche d’emploi (France Travail)',
      'Période : du 1 mars 2024 au 31 mars 2024',
      'Nom : Zoé Lefèvre',
      'Type de démarche',
      'Moyen de contact',
      'Société Générale Équipements',
      'Développeuse back-end',
      'Candidature non retenue',
      'Łódź Robotics',
      'Non retenu·e après l’entretien',
      'Kaffeerösterei Müller',
      'Spontaneous visit',
      'Visite d’un salon',
      'Brasserie Dupré',
      'Send my CV by Friday',
      'Page 1 sur 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('31 mars 2024');
    for (const outside of ['Before Corp', 'After Ltd', 'Outside the period', 'second line', '1 avr.', 'Late Booth', 'Planned Only']) expect(text).not.toContain(outside);
  });

  it('writes the US log in English with its own columns, and the job centre’s with German names glossed', async () => {
    const us = path.join(app.dir, 'us.pdf');
    await app.api.invoke('exports.searchReport', { ...period, template: 'usWorkSearch', language: 'en', path: us });
    const usText = (await pdfPages(us)).join('\n');
    for (const expected of ['Work-search log', 'Person contacted', 'Type of action', 'Mar 4, 2024', 'E-mail', 'In person', 'Jürgen Weiß']) expect(usText).toContain(expected);
    const german = path.join(app.dir, 'nachweis.pdf');
    await app.api.invoke('exports.searchReport', { ...period, template: 'jobcentre', language: 'en', path: german });
    const germanText = (await pdfPages(german)).join('\n');
    for (const expected of ['Nachweis der Eigenbemühungen', 'Arbeitgeber (employer)', 'Art der Bewerbung (how I applied)', '4 Mar 2024']) expect(germanText).toContain(expected);
  });

  it('says so when the period holds nothing, and comes back as base64 content without a path', async () => {
    const result = await app.api.invoke('exports.searchReport', { from: '2020-01-01', to: '2020-01-31', template: 'franceTravail' });
    if (result.kind !== 'content') throw new Error('expected content');
    expect(result).toMatchObject({ encoding: 'base64', mimeType: 'application/pdf', rows: 0 });
    expect(result.fileName).toMatch(/^candid-proof-of-search-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = path.join(app.dir, 'empty.pdf');
    fs.writeFileSync(file, Buffer.from(result.content, 'base64'));
    expect((await pdfPages(file)).join('\n')).toContain('Nothing recorded in this period.');
  });
});

describe('the proof-of-search CSV', () => {
  it('has the template’s headers and one line per activity of the period, ISO dates first', async () => {
    const result = await app.api.invoke('exports.searchReport', { ...period, template: 'jobcentre', format: 'csv', language: 'fr', delimiter: ';' });
    if (result.kind !== 'content') throw new Error('expected content');
    const lines = result.content.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Datum (date);Arbeitgeber (employeur);Anschrift (adresse);Stelle (poste);Art der Bewerbung (moyen de contact);Ansprechpartner (personne contactée);Ergebnis (résultat)');
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual(['2024-03-04', '2024-03-15', '2024-03-20', '2024-03-26', '2024-03-31']);
    expect(lines[4]).toBe('2024-03-26;Brasserie Dupré;Forum Emploi, Lyon Eurexpo;Data analyst;En personne;Amélie Roux;Send my CV by Friday');
    expect(lines[1]).toContain('Société Générale Équipements;;Développeuse back-end;E-mail;;Candidature non retenue');
    expect(lines[2]).toBe('2024-03-15;Kaffeerösterei Müller;;;En personne;Jürgen Weiß;Spontaneous visit');
  });
});

describe('refused input changes nothing', () => {
  it('refuses a period that ends before it starts, an unknown template and a relative path', async () => {
    const before = databaseFingerprint(app.context.db);
    expectError(await app.api.call('exports.searchReport', { from: '2024-03-31', to: '2024-03-01', template: 'franceTravail' }), 'VALIDATION');
    expectError(await app.api.call('exports.searchReport', { ...period, template: 'pole-emploi' }), 'VALIDATION');
    expectError(await app.api.call('exports.searchReport', { ...period, template: 'franceTravail', path: 'relative.pdf' }), 'VALIDATION');
    expect(databaseFingerprint(app.context.db)).toEqual(before);
    expect(fs.existsSync(path.join(process.cwd(), 'relative.pdf'))).toBe(false);
  });
});
