import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { writeApplicationsWorkbook } from '../../src-main/exports/excel';
import { ExportReader, holdingWrites } from '../../src-main/exports/reader';
import type { TempApp } from '../support/temp-app';
import { openSeededExportApp, type ExportWorld } from './support/data';
import { zipEntry } from './support/zip-entry';

/**
 * The sheets after the applications are written by a second thread with a connection of its own
 * (src-main/exports/sheet-thread.ts). Its snapshot is fixed together with the export's, while no write can commit
 * (holdingWrites), before either reads a row: an application created once the workbook has begun is in no sheet,
 * though the second thread reads the stage history after it was committed.
 */

let app: TempApp;
let world: ExportWorld;
beforeAll(async () => {
  ({ app, world } = await openSeededExportApp());
});
afterAll(() => app?.close());

describe('the Excel export’s second thread', () => {
  it('reads the same committed state as the export, whatever is written meanwhile', async () => {
    const chunks: Buffer[] = [];
    let created: Promise<{ id: string }> | undefined;
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        // The first bytes of the workbook: both snapshots are taken, and the second thread is still at its first sheet.
        created ??= app.api.invoke('applications.create', { companyName: 'Written meanwhile', position: 'Late arrival' });
        done();
      },
    });
    const closed = new Promise<void>((resolve) => out.on('finish', () => resolve()));
    await writeApplicationsWorkbook(app.context, out, { language: 'en', filters: { archived: 'all' }, sheetThread: true });
    await closed;
    const late = await created!;
    const events = app.context.db.sqlite.prepare('SELECT count(*) FROM stage_events WHERE application_id = ?').pluck().get(late.id);
    expect(events).toBeGreaterThan(0);

    const zip = Buffer.concat(chunks);
    const sheets = [1, 2, 3, 4, 5].map((number) => zipEntry(zip, `xl/worksheets/sheet${number}.xml`));
    // Each sheet is there and holds what was committed before the export.
    expect(sheets[0]).toContain(world.live[0].id);
    expect(sheets[4]).toContain(world.live[0].id);
    for (const sheet of sheets) {
      expect(sheet).not.toContain(late.id);
      expect(sheet).not.toContain('Written meanwhile');
    }
  });

  it('holds every write while the readers take their snapshots, and only then', async () => {
    const other = new BetterSqlite3(app.context.db.path);
    const write = () => other.prepare("UPDATE applications SET notes = 'meanwhile' WHERE id = ?").run(world.live[0].id);
    const reader = new ExportReader(app.context.db);
    try {
      other.pragma('busy_timeout = 0');
      await holdingWrites(app.context.db, async () => {
        reader.takeSnapshot();
        expect(write).toThrow(/locked|busy/i);
      });
      expect(write().changes).toBe(1);
    } finally {
      reader.close();
      other.close();
    }
  });
});
