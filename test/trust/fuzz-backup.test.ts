import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncedColumns } from '../../src-main/db/columns';
import { openTempApp, type TempApp } from '../support/temp-app';
import { backupFile, hostileKeys, smallBackup, type BackupDocument } from './support/backup-builder';
import { fingerprintOutside } from './support/outside-fingerprint';

/**
 * The backup importer under keys and values drawn from SQL syntax (issue 18, finding 1). Each run merges a small
 * backup, one of whose rows carries hostile keys and values, into a database that already holds data. Whatever
 * happens to the import (refused with a typed error, or imported), nothing outside the imported rows may change:
 * no other row, change-log entry or clock, no table or index, no meta value. Fixed seeds keep it reproducible.
 */

const tables = ['companies', 'applications', 'contacts', 'tags', 'interviews', 'tasks', 'stage_events', 'application_tags'] as const;
const columns = [...new Set(Object.values(syncedColumns).flat())];

/** Pieces of SQL a key or a value is built from. */
const sqlPieces = [
  '(',
  ')',
  ',',
  ' ',
  "'",
  '"',
  '`',
  '[',
  ']',
  ';',
  '--',
  '/*',
  '*/',
  '?',
  '?1',
  ':name',
  '@x',
  '$x',
  '\n',
  '\u0000',
  'SELECT',
  'FROM',
  'WHERE 1',
  'OR 1=1',
  'UNION ALL SELECT',
  'VALUES',
  'ON CONFLICT (id) DO UPDATE SET',
  'DO NOTHING',
  'RETURNING *',
  'DROP TABLE companies',
  'DELETE FROM applications',
  'UPDATE companies SET name = 1',
  "ATTACH DATABASE '/tmp/x' AS x",
  'PRAGMA writable_schema = 1',
  'sqlite_master',
  'group_concat(name)',
  'randomblob(8)',
  'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100)',
  "'PWNED'",
  '||',
  '=',
  'excluded.name',
  'companies',
  ...columns,
];

const sqlText = fc.oneof(
  fc.array(fc.constantFrom(...sqlPieces), { minLength: 1, maxLength: 14 }).map((pieces) => pieces.join(' ')),
  fc.array(fc.constantFrom(...sqlPieces), { minLength: 1, maxLength: 14 }).map((pieces) => pieces.join('')),
  fc.constantFrom(...columns.map((column) => `${column}) SELECT * FROM companies --`)),
);

/** Keys: SQL text, the known payloads, and names that look like columns but are not. */
const hostileKey = fc.oneof(
  { weight: 6, arbitrary: sqlText },
  { weight: 2, arbitrary: fc.constantFrom(...Object.values(hostileKeys)) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'seq', 'rowid', 'oid', '_rowid_', 'ID', 'Name', 'name ') },
);
const hostileValue = fc.oneof(sqlText, fc.integer(), fc.double(), fc.constant(null), fc.boolean(), fc.string());

/** One run: which table's row is changed, keys added to it, and known columns given hostile values. */
const hostileRun = fc.record({
  table: fc.constantFrom(...tables),
  addedKeys: fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 3 }),
  changedValues: fc.array(fc.tuple(fc.constantFrom(...columns), hostileValue), { maxLength: 3 }),
});

function hostileBackup(run: { table: string; addedKeys: [string, unknown][]; changedValues: [string, unknown][] }): {
  backup: BackupDocument;
  ids: Set<string>;
} {
  const { backup, ids } = smallBackup();
  const row = backup.tables[run.table][0];
  for (const [key, value] of [...run.changedValues, ...run.addedKeys]) {
    // An own key even when it is `__proto__`, so it reaches the JSON text.
    Object.defineProperty(row, key, { value, enumerable: true, configurable: true, writable: true });
  }
  return { backup, ids };
}

let app: TempApp;
beforeAll(async () => {
  app = await openTempApp();
  for (const name of ['Acme', 'Globex', 'Initech']) {
    const application = await app.api.invoke('applications.create', { companyName: name, position: `Developer at ${name}`, tags: ['remote'] });
    await app.api.invoke('interviews.create', { applicationId: application.id, scheduledAt: '2025-04-01T10:00:00Z', meetingUrl: 'https://meet.example/x' });
    await app.api.invoke('tasks.create', { title: `Write to ${name}`, applicationId: application.id });
  }
  await app.api.invoke('contacts.create', { name: 'Dominique' });
});
afterAll(() => app.close());

describe('the backup importer under keys and values drawn from SQL', () => {
  it('never changes anything outside the imported rows, and never fails with INTERNAL', async () => {
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(hostileRun, async (run) => {
        const { backup, ids } = hostileBackup(run);
        const before = fingerprintOutside(app.context.db, ids);
        const result = await app.api.call('imports.run', { source: backupFile(backup), options: { mergeBackup: true } });
        const outcome = result.ok ? 'imported' : `${result.error.code}:${String(result.error.details?.reason ?? '')}`;
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        expect(result.ok || result.error.code !== 'INTERNAL', outcome).toBe(true);
        expect(fingerprintOutside(app.context.db, ids)).toBe(before);
        // An added key is never a column the import may write: such a backup is always refused.
        if (run.addedKeys.some(([key]) => !(syncedColumns as Record<string, readonly string[]>)[run.table].includes(key))) expect(result.ok).toBe(false);
      }),
      { numRuns: 150, seed: 20261122 },
    );
    expect(app.context.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // Both ways out were taken: refusals, and imports of rows whose hostile values were only data.
    expect(Object.keys(outcomes).some((outcome) => outcome === 'imported')).toBe(true);
    expect(Object.keys(outcomes).some((outcome) => outcome.startsWith('VALIDATION'))).toBe(true);
  }, 120_000);
});
