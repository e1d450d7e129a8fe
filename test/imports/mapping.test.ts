import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { proposeMapping } from '../../src-main/imports/headers';
import { openTempApp, type TempApp } from '../support/temp-app';
import { listAll, upload } from './support/files';

describe('column mapping from header names', () => {
  it('maps French headers, whatever their accents and case', () => {
    expect(
      proposeMapping([
        'ENTREPRISE',
        'Intitulé du poste',
        'date de candidature',
        'Réponse',
        'Date de réponse',
        'Moyen',
        'Type de poste',
        'Lien',
        'Commentaire',
        'Ville',
        'Salaire',
        'Télétravail',
        'Contrat',
      ]),
    ).toEqual(['company', 'position', 'appliedOn', 'stage', 'responseOn', 'source', 'employmentType', 'postingUrl', 'notes', 'location', 'salary', 'workMode', null]);
  });

  it('maps English headers and snake_case or camelCase keys', () => {
    expect(proposeMapping(['Company', 'Job title', 'Date applied', 'Status', 'Link', 'Work mode', 'Salary', 'Contract type'])).toEqual([
      'company',
      'position',
      'appliedOn',
      'stage',
      'postingUrl',
      'workMode',
      'salary',
      'employmentType',
    ]);
    expect(proposeMapping(['entreprise', 'poste', 'type_poste', 'date_candidature', 'date_reponse', 'is_favorite', 'companyName'])).toEqual([
      'company',
      'position',
      'employmentType',
      'appliedOn',
      'responseOn',
      'favorite',
      null,
    ]);
  });

  it('gives a field to one column only, except notes and tags', () => {
    expect(proposeMapping(['Société', 'Entreprise', 'Notes', 'Remarques', 'Poste'])).toEqual(['company', null, 'notes', 'notes', 'position']);
  });

  it('leaves unknown headers unmapped', () => {
    expect(proposeMapping(['Colonne 1', 'xyz', ''])).toEqual([null, null, null]);
  });
});

describe('value mapping', () => {
  let app: TempApp;
  beforeEach(async () => {
    app = await openTempApp();
  });
  afterEach(() => app.close());

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
    const preview = await app.api.invoke('imports.preview', { source: upload(csv, 'values.csv') });
    const stages = await app.api.invoke('stages.list', undefined);
    const categoryOf = (id: string | null | undefined) => stages.find((stage) => stage.id === id)?.category;
    const stage = preview.values.stage!;
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
    const types = Object.fromEntries(preview.values.employmentType!.map((choice) => [choice.value, choice.target]));
    expect(types).toMatchObject({ CDI: 'permanent', Stage: 'internship', Alternance: 'apprenticeship', CDD: 'fixed_term', Intérim: 'temporary' });
    expect(preview.values.employmentType![0]).toMatchObject({ value: 'VDI', resolved: false });
    expect(preview.problems.filter((problem) => problem.code === 'unknown_value').map(({ row, field, value }) => ({ row, field, value }))).toEqual([
      { row: 7, field: 'stage', value: 'Mystère' },
      { row: 7, field: 'employmentType', value: 'VDI' },
    ]);
  });

  it('imports once the user has said what the unknown values mean', async () => {
    const stages = await app.api.invoke('stages.list', undefined);
    const offer = stages.find((stage) => stage.category === 'offer')!;
    const source = upload(csv, 'values.csv');
    await expect(app.api.invoke('imports.run', { source })).rejects.toMatchObject({ code: 'VALIDATION', details: { reason: 'rows_invalid' } });
    const result = await app.api.invoke('imports.run', {
      source,
      valueMaps: { stage: { mystere: offer.id }, employmentType: { vdi: null } },
    });
    expect(result.created).toBe(7);
    const f = (await listAll(app)).find((row) => row.companyName === 'F')!;
    expect(f).toMatchObject({ stageCategory: 'offer', employmentType: null });
  });

  it('matches the user’s own stage names before the built-in vocabulary', async () => {
    const custom = await app.api.invoke('stages.create', { name: 'Test technique maison', category: 'screening' });
    const preview = await app.api.invoke('imports.preview', { source: upload('Company,Position,Status\nA,Dev,Test technique maison\n', 's.csv') });
    expect(preview.values.stage).toMatchObject([{ target: custom.id, resolved: true }]);
  });

  it('keeps unknown sources as typed, and built-in ones as their id', async () => {
    const source = upload('Company,Position,Source\nA,Dev,Pôle emploi\nB,Dev,Newsletter Tech\nC,Dev,Linkedin\n', 's.csv');
    await app.api.invoke('imports.run', { source });
    expect((await listAll(app)).map((row) => row.source)).toEqual(['france_travail', 'Newsletter Tech', 'linkedin']);
  });
});
