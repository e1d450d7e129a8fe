import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BulkRows } from '../../src-main/changes/bulk-rows';
import { encodeHlc } from '../../src-main/changes/hlc';
import { newId } from '../../src-main/changes/ids';
import type { Change, Fields } from '../../src-main/changes/writer';
import { syncedColumns } from '../../src-main/db/columns';
import { syncedTables, type SyncedTable } from '../../src-main/db/schema';
import { AppError } from '../../src-shared/errors';
import { fingerprint } from '../imports/support/files';
import { openTempApp, type TempApp } from '../support/temp-app';

// Column and table names are the only parts of the write path's SQL that are not bound parameters: they must come
// from the schema, whoever calls (a handler, the backup importer, sync's applyRemote).

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

const hostileNames = [
  "name) SELECT id, 'x' FROM companies --",
  'name = 1; DROP TABLE companies',
  '__proto__',
  'constructor',
  'toString',
  'Name',
  'name ',
  '"name"',
  '',
  '*',
  'rowid',
];

/** An own property, even for `__proto__` (a literal `{ __proto__: … }` would set the prototype instead). */
const fieldsWith = (column: string, value: Fields[string] = 'x'): Fields => Object.defineProperty({}, column, { value, enumerable: true });

describe('the closed set of columns', () => {
  it('is exactly the columns the migrations create, for every synced table', () => {
    const columnsOf = (table: string) => app.context.db.sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table);
    expect(Object.keys(syncedColumns).sort()).toEqual([...syncedTables].sort());
    for (const table of syncedTables) expect([...syncedColumns[table]].sort(), table).toEqual([...columnsOf(table)].sort());
  });
});

describe('the write path refuses a name that is not in the schema, before any SQL', () => {
  let company: string;
  let before: string;
  beforeEach(async () => {
    company = (await app.api.invoke('companies.create', { name: 'Acme' })).id;
    before = fingerprint(app);
  });

  const refusedWith = (run: () => unknown, reason: 'unknown_column' | 'unknown_table') => {
    let thrown: unknown;
    try {
      run();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'VALIDATION', details: { reason } });
    expect(fingerprint(app)).toBe(before);
  };

  it.each(hostileNames)('insert with the field %j', (column) => {
    refusedWith(() => app.context.changes.write((write) => write.insert('companies', { name: 'Globex', name_key: 'globex', ...fieldsWith(column) })), 'unknown_column');
  });

  it.each(hostileNames)('update with the field %j', (column) => {
    refusedWith(() => app.context.changes.write((write) => write.update('companies', company, fieldsWith(column))), 'unknown_column');
  });

  it.each(['companies; DROP TABLE tags', 'sqlite_master', 'change_log', 'meta', '__proto__', 'Companies'])('every kind of write to the table %j', (table) => {
    const other = table as SyncedTable;
    refusedWith(() => app.context.changes.write((write) => write.insert(other, { name: 'x' })), 'unknown_table');
    refusedWith(() => app.context.changes.write((write) => write.update(other, company, { name: 'x' })), 'unknown_table');
    refusedWith(() => app.context.changes.write((write) => write.softDelete(other, company)), 'unknown_table');
    refusedWith(() => app.context.changes.write((write) => write.restore(other, company)), 'unknown_table');
  });

  describe('applyRemote', () => {
    const hlc = () => encodeHlc({ wall: Date.now() + 1000, counter: 0, node: 'laptop' });

    it.each(hostileNames.filter((name) => name !== '*'))('a field change of the column %j', (column) => {
      const change: Change = { hlc: hlc(), table: 'companies', rowId: company, column, value: 'x' };
      refusedWith(() => app.context.changes.applyRemote([change]), 'unknown_column');
    });

    it.each(hostileNames)('a * entry (new row) carrying the field %j', (column) => {
      const value = JSON.stringify({ name: 'Globex', name_key: 'globex', ...fieldsWith(column) });
      const change: Change = { hlc: hlc(), table: 'companies', rowId: newId(), column: '*', value };
      refusedWith(() => app.context.changes.applyRemote([change]), 'unknown_column');
    });

    it('a change of a table that is not synced', () => {
      const change = { hlc: hlc(), table: 'meta', rowId: 'node_id', column: 'value', value: 'stolen' } as unknown as Change;
      refusedWith(() => app.context.changes.applyRemote([change]), 'unknown_table');
    });

    it('refuses the whole batch when one change is hostile: the good ones are not applied either', () => {
      const good: Change = { hlc: hlc(), table: 'companies', rowId: company, column: 'notes', value: 'fine' };
      const bad: Change = { hlc: hlc(), table: 'companies', rowId: company, column: 'notes = 1 --', value: 'x' };
      refusedWith(() => app.context.changes.applyRemote([good, bad]), 'unknown_column');
    });
  });
});

describe('the bulk writer of a bootstrap', () => {
  it.each(hostileNames.filter((name) => name !== '*'))('refuses a row carrying the field %j, before any SQL', (column) => {
    const bulk = BulkRows.forBootstrap(app.context.db);
    expect(bulk).not.toBeNull();
    const before = fingerprint(app);
    const hlc = encodeHlc({ wall: Date.now(), counter: 0, node: 'laptop' });
    const fields = { name: 'Globex', name_key: 'globex', ...fieldsWith(column) };
    let thrown: unknown;
    try {
      app.context.db.transaction(() => {
        bulk!.write('companies', newId(), [{ table: 'companies', rowId: newId(), hlc, whole: true, fields, entries: [Object.keys(fields)] }]);
        bulk!.flush();
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'VALIDATION', details: { reason: 'unknown_column' } });
    expect(fingerprint(app)).toBe(before);
  });
});
