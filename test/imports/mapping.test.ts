import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src-shared/contract';
import { openTempApp, type TempApp } from '../support/temp-app';
import { listAll, upload } from './support/files';

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

const preview = (text: string, name = 'file.csv') => app.api.invoke('imports.preview', { source: upload(text, name) });
const mapping = (result: ImportPreview) => Object.fromEntries(result.columns.map((column) => [column.header, result.mapping[column.index]]));
const reasons = (result: ImportPreview, header: string) =>
  result.columns.find((column) => column.header === header)!.proposal.reasons.map((reason) => (reason.field ? `${reason.code}:${reason.field}` : reason.code));

describe('column mapping from headers', () => {
  it('maps French headers, whatever their accents and case', async () => {
    const result = await preview(
      [
        'ENTREPRISE;Intitulé du poste;date de candidature;Réponse;Date de réponse;Moyen;Type de poste;Lien;Commentaire;Ville;Salaire;Télétravail;Contrat',
        'Airbus;Développeur;12/03/2024;Refusé;20/03/2024;LinkedIn;CDI;https://airbus.com/1;Très bien;Toulouse;45k€;Hybride;CDI',
      ].join('\n'),
    );
    expect(result.mapping).toEqual(['company', 'position', 'appliedOn', 'stage', 'responseOn', 'source', 'employmentType', 'postingUrl', 'notes', 'location', 'salary', 'workMode', null]);
  });

  it('maps English headers and the snake_case or camelCase keys of other trackers', async () => {
    const result = await preview('Company,Job title,Date applied,Status,Link,Work mode,Salary,Contract type\nAcme,Developer,2024-03-12,Applied,https://acme.com/1,Remote,50k,Permanent\n');
    expect(result.mapping).toEqual(['company', 'position', 'appliedOn', 'stage', 'postingUrl', 'workMode', 'salary', 'employmentType']);
    const keys = await preview('entreprise,poste,type_poste,date_candidature,date_reponse,is_favorite,companyName\nA,Dev,CDI,2024-03-01,2024-03-05,true,x\n');
    expect(keys.mapping).toEqual(['company', 'position', 'employmentType', 'appliedOn', 'responseOn', 'favorite', null]);
  });

  it('gives a field to one column only, except notes, tags and a second status; leaves unknown headers unmapped', async () => {
    expect((await preview('Société,Entreprise,Notes,Remarques,Poste\nA,B,c,d,Dev\n')).mapping).toEqual(['company', null, 'notes', 'notes', 'position']);
    expect((await preview('Company,Position,Colonne 1,xyz\nA,Dev,1,2\n')).mapping).toEqual(['company', 'position', null, null]);
  });
});

describe('column mapping from headers and values together', () => {
  it('takes the column of dates as the applied date, not the Yes/No column named "applied" beside it', async () => {
    const result = await preview('Company,Position,applied,appliedDate\nAcme,Dev,Yes,2024-03-02\nGlobex,Dev,No,N/A\nInitech,Dev,Yes,2024-03-05\n');
    expect(mapping(result)).toMatchObject({ applied: null, appliedDate: 'appliedOn' });
    expect(reasons(result, 'applied')).toEqual(['overruled:appliedOn', 'yes_no']);
    expect(reasons(result, 'appliedDate')).toEqual(['header', 'dates']);
  });

  it('reads "Full Time / Part Time / Contract" as a schedule, and "Contract" as the contract type', async () => {
    const csv = 'Company,Position,jobType\nAcme,Dev,Full Time\nGlobex,Dev,Part Time\nInitech,Dev,Contract\nHooli,Dev,Full Time\n';
    const result = await preview(csv);
    expect(mapping(result)).toMatchObject({ jobType: 'schedule' });
    expect(reasons(result, 'jobType')).toEqual(['overruled:employmentType', 'vocabulary:schedule']);
    await app.api.invoke('imports.run', { source: upload(csv, 'file.csv') });
    expect((await listAll(app)).map((row) => [row.companyName, row.schedule ?? null, row.employmentType])).toEqual([
      ['Acme', 'full_time', null],
      ['Globex', 'part_time', null],
      ['Hooli', 'full_time', null],
      ['Initech', null, 'fixed_term'],
    ]);
  });

  it('recognises a status column by its values, whatever its name', async () => {
    const result = await preview('Company,Position,Result,Where it stands\nA,Dev,Rejected,Offer\nB,Dev,Offer,Ghosted\nC,Dev,Ghosted,Rejected\n');
    expect(mapping(result)).toMatchObject({ Result: 'stage', 'Where it stands': null });
    expect(reasons(result, 'Result')).toEqual(['header', 'vocabulary:stage']);
    const unnamed = await preview('Company,Position,Column C\nA,Dev,Rejected\nB,Dev,Interview\nC,Dev,Applied\nD,Dev,No response\n');
    expect(mapping(unnamed)).toMatchObject({ 'Column C': 'stage' });
    expect(reasons(unnamed, 'Column C')).toEqual(['vocabulary:stage']);
  });

  it('tells contacts apart by their values: names, e-mail addresses, phones, LinkedIn profiles', async () => {
    const result = await preview(
      'Company,Position,Recruiter,Email,Phone,LinkedIn\nAcme,Dev,Jane Doe,jane@acme.com,+33 6 12 34 56 78,https://www.linkedin.com/in/janedoe\n',
    );
    expect(result.mapping).toEqual(['company', 'position', 'contactName', 'contactEmail', 'contactPhone', 'contactLinkedin']);
    // A column named LinkedIn that holds job postings is the posting link.
    const postings = await preview('Company,Position,LinkedIn\nAcme,Dev,https://www.linkedin.com/jobs/view/123\nGlobex,Dev,https://www.linkedin.com/jobs/view/456\n');
    expect(postings.mapping).toEqual(['company', 'position', 'postingUrl']);
  });

  it('reads priority levels written as words (Low, Medium, High, Haute) as ratings from 1 to 5', async () => {
    const source = upload('Company,Position,Priority\nA,Dev,High\nB,Dev,Medium\nC,Dev,Low\nD,Dev,4\nE,Dev,Haute\n', 'r.csv');
    expect((await app.api.invoke('imports.preview', { source })).mapping).toEqual(['company', 'position', 'priority']);
    await app.api.invoke('imports.run', { source });
    expect((await listAll(app)).map((row) => row.priority)).toEqual([5, 3, 1, 4, 5]);
  });

  it('maps separate minimum and maximum salary columns', async () => {
    const result = await preview('Company,Position,Min. Salary,Max. Salary\nAcme,Dev,45000,55000\n');
    expect(result.mapping).toEqual(['company', 'position', 'salaryMin', 'salaryMax']);
  });
});

describe('value mapping', () => {
  const csv = [
    'Entreprise;Poste;Statut;Type',
    'A;Dev;Refusé;CDI',
    'B;Dev;Entretien;Stage',
    'C;Dev;En attente;Alternance',
    'D;Dev;Pas de réponse;CDD',
    'E;Dev;Refusé après entretien;Intérim',
    'F;Dev;Mystère;VDI',
    'G;Dev;refuse;cdi',
  ].join('\n');

  it('recognises French stage and type values and lists the unknown ones first', async () => {
    const result = await preview(csv, 'values.csv');
    const stages = await app.api.invoke('stages.list', undefined);
    const categoryOf = (id: string | null | undefined) => stages.find((stage) => stage.id === id)?.category;
    const stage = result.values.stage!;
    expect(stage[0]).toMatchObject({ value: 'Mystère', resolved: false, count: 1 });
    expect(stage[0].target).toBeUndefined();
    const byValue = Object.fromEntries(stage.map((choice) => [choice.value, categoryOf(choice.target)]));
    expect(byValue).toMatchObject({
      Refusé: 'rejected',
      Entretien: 'interviewing',
      'En attente': 'applied',
      'Pas de réponse': 'ghosted',
      'Refusé après entretien': 'rejected',
    });
    // "Refusé" and "refuse" are one value (accents and case ignored), counted twice.
    expect(stage.find((choice) => choice.key === 'refuse')?.count).toBe(2);
    const types = Object.fromEntries(result.values.employmentType!.map((choice) => [choice.value, choice.target]));
    expect(types).toMatchObject({ CDI: 'permanent', Stage: 'internship', Alternance: 'apprenticeship', CDD: 'fixed_term', Intérim: 'temporary' });
    expect(result.values.employmentType![0]).toMatchObject({ value: 'VDI', resolved: false });
    expect(result.problems.filter((problem) => problem.code === 'unknown_value').map(({ row, field, value, severity }) => ({ row, field, value, severity }))).toEqual([
      { row: 7, field: 'stage', value: 'Mystère', severity: 'warning' },
      { row: 7, field: 'employmentType', value: 'VDI', severity: 'warning' },
    ]);
  });

  it('keeps the row of an unknown value (its text in the notes), or follows what the user chose for it', async () => {
    const source = upload(csv, 'values.csv');
    await app.api.invoke('imports.run', { source });
    const kept = (await listAll(app)).find((row) => row.companyName === 'F')!;
    expect(kept).toMatchObject({ stageCategory: 'wishlist', employmentType: null });
    expect((await app.api.invoke('applications.get', { id: kept.id })).notes).toBe('Statut: Mystère\nType: VDI');

    const other = await openTempApp();
    try {
      const offer = (await other.api.invoke('stages.list', undefined)).find((stage) => stage.category === 'offer')!;
      const result = await other.api.invoke('imports.run', { source, valueMaps: { stage: { mystere: offer.id }, employmentType: { vdi: null } } });
      expect(result.created).toBe(7);
      const chosen = (await listAll(other)).find((row) => row.companyName === 'F')!;
      expect(chosen).toMatchObject({ stageCategory: 'offer', employmentType: null });
      expect((await other.api.invoke('applications.get', { id: chosen.id })).notes).toBeNull();
    } finally {
      other.close();
    }
  });

  it('matches the user’s own stage names before the built-in vocabulary', async () => {
    const custom = await app.api.invoke('stages.create', { name: 'Test technique maison', category: 'screening' });
    const result = await preview('Company,Position,Status\nA,Dev,Test technique maison\n', 's.csv');
    expect(result.values.stage).toMatchObject([{ target: custom.id, resolved: true }]);
  });

  it('keeps unknown sources as typed, matches known ones as whole words where a name begins', async () => {
    const source = upload(
      'Company,Position,Source\nA,Dev,Pôle emploi\nB,Dev,Newsletter Tech\nC,Dev,Linkedin\nD,Dev,ZipRecruiter\nE,Dev,Recruiter reached out\nF,Dev,Bright Network\nG,Dev,Applied via LinkedIn\nH,Dev,Trouvé sur Indeed\n',
      's.csv',
    );
    await app.api.invoke('imports.run', { source });
    expect((await listAll(app)).map((row) => row.source)).toEqual(['france_travail', 'Newsletter Tech', 'linkedin', 'ZipRecruiter', 'recruiter', 'Bright Network', 'linkedin', 'indeed']);
  });

  it('reads placeholders (N/A, -, none, —, TBD) as empty', async () => {
    const source = upload('Company,Position,Location,Source,Salary,Link\nA,Dev,N/A,-,TBD,none\nB,Dev,—,n/a,?,N/A\n', 'p.csv');
    const result = await app.api.invoke('imports.preview', { source });
    expect(result.problems).toEqual([]);
    await app.api.invoke('imports.run', { source });
    expect((await listAll(app)).map((row) => [row.location, row.source, row.salaryMin, row.postingUrl])).toEqual([
      [null, null, null, null],
      [null, null, null, null],
    ]);
  });
});
