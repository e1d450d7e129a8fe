import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncedTables } from '../../src-main/db/schema';
import { snapshotSchema, withSnapshot } from '../../src-main/exports/snapshot';
import { jsonBackupSchema, jsonBackupTables } from '../../src-shared/contract';
import type { TempApp } from '../support/temp-app';
import { openSeededExportApp, type ExportWorld } from './support/data';

/** The schemas of the app's connection (main, and temp once the statistics made their temporary tables). */
const attachedSchemas = () => (app.context.db.sqlite.prepare('PRAGMA database_list').all() as { name: string }[]).map((schema) => schema.name);

let app: TempApp;
let world: ExportWorld;
beforeAll(async () => ({ app, world } = await openSeededExportApp()));
afterAll(() => app?.close());

/** What the database holds, read with plain SQL (not the exporter's queries). */
function databaseRows(table: string): Record<string, unknown>[] {
  const rows = app.context.db.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[];
  return rows.map(({ seq: _seq, ...row }) => row);
}

describe('the JSON backup', () => {
  it('holds every synced table, soft-deleted rows included, exactly as stored, and parses with jsonBackupSchema', async () => {
    const file = path.join(app.dir, 'backup.json');
    const before = Date.now();
    const result = await app.api.invoke('exports.json', { path: file });
    const backup = jsonBackupSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    expect(backup).toMatchObject({ format: 'candid-backup', formatVersion: 1, appVersion: app.context.version });
    expect(backup.schemaVersion).toBe(app.context.db.userVersion);
    expect(Date.parse(backup.exportedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Object.keys(backup.tables).sort()).toEqual([...syncedTables].sort());
    let total = 0;
    for (const table of syncedTables) {
      expect(backup.tables[table as keyof typeof backup.tables], table).toEqual(databaseRows(table));
      total += databaseRows(table).length;
    }
    expect(result.rows).toBe(total);
    const applicationIds = backup.tables.applications.map((row) => row.id);
    expect(applicationIds).toContain(world.deleted.id);
    expect(backup.tables.applications.find((row) => row.id === world.deleted.id)?.deleted_at).not.toBeNull();
    expect(applicationIds).toContain(world.archived.id);
  });

  it('lists its tables in an order where rows come after the rows they refer to', () => {
    const position = (table: string) => jsonBackupTables.indexOf(table as (typeof jsonBackupTables)[number]);
    expect(position('companies')).toBeLessThan(position('applications'));
    expect(position('stages')).toBeLessThan(position('stage_events'));
    expect(position('applications')).toBeLessThan(position('stage_events'));
    expect(position('contacts')).toBeLessThan(position('application_contacts'));
    expect(position('tags')).toBeLessThan(position('application_tags'));
    expect(position('applications')).toBeLessThan(position('interviews'));
  });

  it('comes back as text when no path is given, and leaves no snapshot file behind', async () => {
    const result = await app.api.invoke('exports.json', undefined);
    if (result.kind !== 'content') throw new Error('expected content');
    expect(result.fileName).toMatch(/^candid-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(jsonBackupSchema.safeParse(JSON.parse(result.content)).success).toBe(true);
    expect(fs.readdirSync(app.dir).filter((name) => name.includes('snapshot'))).toEqual([]);
    expect(attachedSchemas()).not.toContain(snapshotSchema);
  });

  it('reads one frozen state: what the app writes during the export is not in it', async () => {
    const seen = await withSnapshot(app.context.db, app.dir, async (schema) => {
      // The app goes on writing while an export reads between batches.
      const added = await app.api.invoke('applications.create', { companyName: 'Written meanwhile', position: 'Late' });
      await app.api.invoke('applications.update', { id: world.live[0].id, patch: { position: 'Renamed meanwhile' } });
      const read = app.context.db.sqlite.prepare(`SELECT id, position FROM ${schema}.applications`).all() as { id: string; position: string }[];
      return { added, read };
    });
    expect(seen.read.map((row) => row.id)).not.toContain(seen.added.id);
    expect(seen.read.find((row) => row.id === world.live[0].id)?.position).toBe('Backend developer');
    expect(attachedSchemas()).not.toContain(snapshotSchema);
    expect(fs.readdirSync(app.dir).filter((name) => name.includes('snapshot'))).toEqual([]);
  });

  it('rejects a document that is not a Candid backup', () => {
    expect(jsonBackupSchema.safeParse({ format: 'other', formatVersion: 1 }).success).toBe(false);
    const valid = { format: 'candid-backup', formatVersion: 1, schemaVersion: 10, appVersion: '0.1.0', exportedAt: new Date().toISOString(), tables: {} };
    expect(jsonBackupSchema.safeParse(valid).success).toBe(true);
    expect(jsonBackupSchema.safeParse({ ...valid, formatVersion: 2 }).success).toBe(false);
    const badRow = { ...valid, tables: { applications: [{ id: 'x', favorite: 'yes' }] } };
    expect(jsonBackupSchema.safeParse(badRow).success).toBe(false);
  });
});
