import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../support/temp-app';
import { fingerprint } from '../imports/support/files';
import { backupFile, hostileKeys, smallBackup, type BackupDocument, type BackupRow } from './support/backup-builder';

/**
 * Hostile Candid JSON backups (issue 18, findings 1 and 7). The write path used to put the keys of a backup row
 * into the SQL text as column names: the three backups below, each under a kilobyte, renamed and soft-deleted
 * every company outside the change log, inserted thousands of rows, and copied the list of tables into a visible
 * field. And a backup's values skipped the channels' checks. Each must now be refused with a clear error, the
 * database byte for byte as it was.
 */

let app: TempApp;
beforeAll(async () => {
  app = await openTempApp();
  for (const name of ['Acme', 'Globex', 'Initech']) await app.api.invoke('companies.create', { name });
  await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' });
});
afterAll(() => app.close());

/** A backup of one company, whose row has one more key. */
function withCompanyKey(key: string, value: unknown = 'x'): BackupDocument {
  const { backup } = smallBackup();
  backup.tables = { companies: backup.tables.companies };
  // defineProperty, so that `__proto__` becomes a key of the JSON text rather than the object's prototype.
  Object.defineProperty(backup.tables.companies[0], key, { value, enumerable: true, configurable: true, writable: true });
  return backup;
}

/** Runs the import (merging into the database that has data) and returns its error. */
async function refusal(backup: BackupDocument) {
  const before = fingerprint(app);
  const result = await app.api.call('imports.run', { source: backupFile(backup), options: { mergeBackup: true } });
  expect(fingerprint(app)).toBe(before);
  expect(result.ok).toBe(false);
  return (result as { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } }).error;
}

const companyNames = () => app.context.db.sqlite.prepare(`SELECT name FROM companies WHERE deleted_at IS NULL ORDER BY name`).pluck().all();

describe('SQL through the keys of a backup row', () => {
  it.each(Object.entries(hostileKeys))('refuses the backup that would %s, naming the unknown field, and writes nothing', async (_name, key) => {
    const error = await refusal(withCompanyKey(key));
    expect(error).toMatchObject({ code: 'VALIDATION', details: { reason: 'backup_unknown_column', table: 'companies', row: 1, column: key.slice(0, 80) } });
    expect(error.message).toContain('Nothing was imported');
    expect(companyNames()).toEqual(['Acme', 'Globex', 'Initech']);
    expect(app.context.db.sqlite.prepare(`SELECT count(*) FROM companies`).pluck().get()).toBe(3);
  });

  it.each(['__proto__', 'constructor', 'seq; DROP TABLE companies', 'name"', 'Name', ' name', 'stage_id) --'])('refuses the key %j', async (key) => {
    const error = await refusal(withCompanyKey(key));
    expect(error.details).toMatchObject({ reason: 'backup_unknown_column' });
  });

  it('refuses a table Candid does not know, as written by a newer version', async () => {
    const { backup } = smallBackup();
    backup.tables['companies; DROP TABLE tags'] = [];
    expect((await refusal(backup)).details).toMatchObject({ reason: 'backup_too_new' });
  });
});

describe('a backup’s rows pass the same checks as the channels', () => {
  const change = (table: string, patch: BackupRow) => {
    const { backup } = smallBackup();
    Object.assign(backup.tables[table][0], patch);
    return backup;
  };

  it.each([
    ['applications', 'posting_url', 'javascript:alert(document.cookie)'],
    ['companies', 'website', 'javascript:alert(1)'],
    ['contacts', 'linkedin_url', 'file:///etc/passwd'],
    ['interviews', 'meeting_url', 'data:text/html,<script>alert(1)</script>'],
  ])('refuses a %s row whose %s is %j', async (table, column, value) => {
    const error = await refusal(change(table, { [column]: value }));
    expect(error).toMatchObject({ code: 'VALIDATION', details: { reason: 'backup_bad_link', table, row: 1, column } });
  });

  it.each([
    ['applications', 'notes', 200_001],
    ['companies', 'notes', 100_001],
    ['contacts', 'notes', 200_000],
    ['interviews', 'notes', 200_000],
    ['tasks', 'notes', 200_000],
    ['stage_events', 'note', 5001],
    ['applications', 'position', 201],
  ])('refuses a %s row whose %s is %i characters long, saying the limit', async (table, column, length) => {
    const error = await refusal(change(table, { [column]: 'x'.repeat(length) }));
    expect(error).toMatchObject({ code: 'VALIDATION', details: { reason: 'backup_text_too_long', table, row: 1, column, max: expect.any(Number) } });
  });

  it.each([
    ['applications', 'notes'],
    ['applications', 'position'],
    ['companies', 'name'],
    ['tags', 'name'],
    ['tasks', 'title'],
  ])('refuses a NUL character in %s.%s', async (table, column) => {
    const error = await refusal(change(table, { [column]: 'before\u0000after' }));
    expect(error).toMatchObject({ code: 'VALIDATION', details: { reason: 'backup_nul_character', table, row: 1, column } });
  });

  it.each([
    ['applications', { employment_type: 'slave' }],
    ['applications', { salary_min: 90_000, salary_max: 10_000 }],
    ['applications', { required_skills: '{"not":"a list"}' }],
    ['applications', { company_id: "x' OR 1=1 --" }],
    ['interviews', { scheduled_at: 'tomorrow' }],
    ['tasks', { due_on: '2025-02-30' }],
    ['companies', { created_at: 42 }],
  ])('refuses a %s row with %j', async (table, patch) => {
    const error = await refusal(change(table, patch));
    expect(error.code).toBe('VALIDATION');
    expect(String(error.details?.reason)).toMatch(/^backup_/);
  });

  it('stores what it imports as the channels would: links normalised, name keys recomputed', async () => {
    const { backup, ids } = smallBackup('Normalised');
    const company = backup.tables.companies[0];
    company.website = '  https://normalised.example  ';
    company.name_key = 'hooli'; // a lie: it would make the name collide with another company's
    backup.tables.interviews[0].meeting_url = 'https://meet.example/a\r\nBEGIN:VEVENT';
    const result = await app.api.call('imports.run', { source: backupFile(backup), options: { mergeBackup: true } });
    expect(result.ok).toBe(true);
    const stored = app.context.db.sqlite.prepare(`SELECT website, name_key FROM companies WHERE id = ?`).get(company.id);
    expect(stored).toEqual({ website: 'https://normalised.example/', name_key: String(company.name).toLowerCase() });
    const interview = [...ids].find((id) => id === backup.tables.interviews[0].id)!;
    expect(app.context.db.sqlite.prepare(`SELECT meeting_url FROM interviews WHERE id = ?`).pluck().get(interview)).toBe('https://meet.example/aBEGIN:VEVENT');
  });
});
