import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../support/temp-app';
import { fingerprint, listAll, upload } from './support/files';

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

/** What older trackers export: French field names, booleans, empty strings for "none". */
const oldTracker = [
  {
    entreprise: 'Capgemini',
    poste: 'Consultant SAP',
    type_poste: 'CDI',
    lieu: 'Nantes',
    moyen: 'LinkedIn',
    date_candidature: '2024-02-01',
    lien: 'https://www.linkedin.com/jobs/view/987',
    reponse: 'Refusé',
    date_reponse: '2024-02-20',
    commentaire: 'Relance faite le 10/02',
    is_favorite: false,
  },
  {
    entreprise: 'Doctolib',
    poste: 'Développeuse React',
    type_poste: 'Alternance',
    lieu: 'Paris',
    moyen: 'Welcome to the Jungle',
    date_candidature: '05/02/2024',
    lien: '',
    reponse: 'Entretien',
    date_reponse: '',
    commentaire: '',
    is_favorite: true,
  },
  { entreprise: 'BlaBlaCar', poste: 'Stage data', type_poste: 'Stage', date_candidature: '2024-02-07', reponse: 'En attente', is_favorite: 0 },
];

describe('JSON import', () => {
  it('imports the array older trackers export (entreprise, poste, date_candidature …)', async () => {
    const source = upload(JSON.stringify(oldTracker, null, 2), 'candidatures.json');
    const preview = await app.api.invoke('imports.preview', { source });
    expect(preview.format).toBe('json');
    expect(Object.fromEntries(preview.columns.map((column) => [column.header, preview.mapping[column.index]]))).toEqual({
      entreprise: 'company',
      poste: 'position',
      type_poste: 'employmentType',
      lieu: 'location',
      moyen: 'source',
      date_candidature: 'appliedOn',
      lien: 'postingUrl',
      reponse: 'stage',
      date_reponse: 'responseOn',
      commentaire: 'notes',
      is_favorite: 'favorite',
    });
    expect(preview.rows.map((row) => row.row)).toEqual([1, 2, 3]);
    expect(preview.problems).toEqual([]);

    await app.api.invoke('imports.run', { source });
    const rows = await listAll(app);
    expect(rows).toMatchObject([
      { companyName: 'BlaBlaCar', employmentType: 'internship', stageCategory: 'applied', favorite: false, location: null },
      {
        companyName: 'Capgemini',
        position: 'Consultant SAP',
        employmentType: 'permanent',
        location: 'Nantes',
        source: 'linkedin',
        appliedOn: '2024-02-01',
        postingUrl: 'https://www.linkedin.com/jobs/view/987',
        stageCategory: 'rejected',
        firstResponseOn: '2024-02-20',
        favorite: false,
      },
      { companyName: 'Doctolib', employmentType: 'apprenticeship', appliedOn: '2024-02-05', stageCategory: 'interviewing', favorite: true, postingUrl: null },
    ]);
    expect((await app.api.invoke('applications.get', { id: rows[1].id })).notes).toBe('Relance faite le 10/02');
  });

  it('finds the list inside an object ({"candidatures": […]})', async () => {
    const preview = await app.api.invoke('imports.preview', { source: upload(JSON.stringify({ version: 2, candidatures: oldTracker }), 'export.json') });
    expect(preview.rowCount).toBe(3);
  });
});

/** The tables of a JSON backup, without what legitimately differs between two exports. */
function comparable(backup: { tables: Record<string, Record<string, unknown>[]> }) {
  return Object.fromEntries(
    Object.entries(backup.tables).map(([table, rows]) => [
      table,
      // updated_at is the time of the last write on this device (the import), not data.
      rows.map(({ updated_at: _updated, ...row }) => row).sort((a, b) => String(a.id).localeCompare(String(b.id))),
    ]),
  );
}

async function exportBackup(target: TempApp) {
  const result = await target.api.invoke('exports.json', {});
  if (result.kind !== 'content') throw new Error('expected the backup as content');
  return { text: result.content, parsed: JSON.parse(result.content) as { tables: Record<string, Record<string, unknown>[]> } };
}

describe('Candid JSON backup', () => {
  async function fillWithData(target: TempApp) {
    const stages = await target.api.invoke('stages.list', undefined);
    await target.api.invoke('stages.rename', { id: stages.find((stage) => stage.category === 'screening')!.id, name: 'Appel RH' });
    const custom = await target.api.invoke('stages.create', { name: 'Test technique', category: 'interviewing' });
    const contact = await target.api.invoke('contacts.create', { name: 'Jeanne Martin', email: 'jeanne@example.com' });
    const first = await target.api.invoke('applications.create', {
      companyName: 'Société Générale',
      position: 'Développeur Java',
      appliedOn: '2024-03-01',
      tags: ['java', 'banque'],
      salaryMin: 45000,
      salaryMax: 52000,
      salaryCurrency: 'EUR',
      salaryPeriod: 'year',
      requiredSkills: ['Java', 'Spring'],
      contactIds: [contact.id],
      notes: 'Très intéressant',
    });
    await target.api.invoke('applications.setStage', { id: first.id, stageId: custom.id, occurredAt: '2024-03-10T09:00:00.000Z', note: 'Convoqué' });
    await target.api.invoke('interviews.create', { applicationId: first.id, scheduledAt: '2024-03-12T09:00:00.000Z', type: 'technical', format: 'video' });
    await target.api.invoke('tasks.create', { title: 'Relancer', dueOn: '2024-03-20', applicationId: first.id });
    const second = await target.api.invoke('applications.create', { companyName: 'Airbus', position: 'Ingénieur', favorite: true });
    await target.api.invoke('applications.delete', { id: second.id });
    await target.api.invoke('sources.create', { name: 'Salon VivaTech' });
    await target.api.invoke('profile.update', { name: 'Camille', weeklyGoal: 5 });
  }

  it('round trip: export, import into an empty database, export again gives the same data', async () => {
    await fillWithData(app);
    const original = await exportBackup(app);

    const restored = await openTempApp();
    try {
      const source = upload(original.text, 'candid-backup.json');
      const preview = await restored.api.invoke('imports.preview', { source });
      expect(preview).toMatchObject({ format: 'candid-backup', backup: { databaseEmpty: true, tables: { applications: 2, companies: 2 } } });
      const result = await restored.api.invoke('imports.run', { source });
      expect(result).toMatchObject({ format: 'candid-backup', created: 2 });
      const again = await exportBackup(restored);
      expect(comparable(again.parsed)).toEqual(comparable(original.parsed));
      // The derived data follows: current stage, full-text search.
      const found = await restored.api.invoke('applications.list', { text: 'societe' });
      expect(found.items).toMatchObject([{ companyName: 'Société Générale', stageName: 'Test technique', stageCategory: 'interviewing' }]);
    } finally {
      restored.close();
    }
  });

  it('refuses a database with data unless asked to merge, and then keeps what is there', async () => {
    await fillWithData(app);
    const { text } = await exportBackup(app);
    const other = await openTempApp();
    try {
      await other.api.invoke('applications.create', { companyName: 'Société Générale', position: 'Autre poste' });
      const before = fingerprint(other);
      const source = upload(text, 'candid-backup.json');
      expect((await other.api.invoke('imports.preview', { source })).backup?.databaseEmpty).toBe(false);
      await expect(other.api.invoke('imports.run', { source })).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'backup_not_empty' } });
      expect(fingerprint(other)).toBe(before);

      await other.api.invoke('imports.run', { source, options: { mergeBackup: true } });
      const rows = await other.api.invoke('applications.list', { sort: { column: 'position', direction: 'asc' } });
      // One company of that name: the backup's applications joined the one already here.
      expect(rows.items.map((row) => [row.companyName, row.position])).toEqual([
        ['Société Générale', 'Autre poste'],
        ['Société Générale', 'Développeur Java'],
      ]);
      expect(new Set(rows.items.map((row) => row.companyId)).size).toBe(1);
    } finally {
      other.close();
    }
  });

  it('refuses a backup that does not match the format', async () => {
    const source = upload(JSON.stringify({ format: 'candid-backup', formatVersion: 1, tables: { applications: 'nope' } }), 'bad.json');
    await expect(app.api.invoke('imports.preview', { source })).rejects.toMatchObject({ code: 'VALIDATION', details: { reason: 'backup_invalid' } });
  });
});
