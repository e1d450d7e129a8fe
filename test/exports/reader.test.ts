import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withExportReader } from '../../src-main/exports/reader';
import { applicationsTable, type ApplicationRow } from '../../src-main/exports/tables';
import type { TempApp } from '../support/temp-app';
import { openSeededExportApp, type ExportWorld } from './support/data';

let app: TempApp;
let world: ExportWorld;
beforeAll(async () => ({ app, world } = await openSeededExportApp()));
afterAll(() => app?.close());

async function allRows<Row>(batches: AsyncIterable<Row[]>): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const batch of batches) rows.push(...batch);
  return rows;
}

describe('the export reader', () => {
  it('reads one frozen state across its queries while the app goes on writing through its own connection', async () => {
    const select = applicationsTable({}, new Map()).select;
    const { first, second, added } = await withExportReader(app.context.db, async (reader) => {
      const first: Pick<ApplicationRow, 'id' | 'position'>[] = [];
      let added: { id: string } | undefined;
      // One row per batch: the export is paused, its iterator open, between the first row and the next.
      for await (const [row] of reader.batches<ApplicationRow>(select, 1)) {
        first.push({ id: row.id, position: row.position });
        if (!added) {
          added = await app.api.invoke('applications.create', { companyName: 'Written meanwhile', position: 'Late', appliedOn: '2035-01-01' });
          await app.api.invoke('applications.update', { id: world.live[2].id, patch: { position: 'Renamed meanwhile' } });
        }
      }
      // A later query of the same export (the next sheet) still sees the state of the first.
      const second = await allRows(reader.batches<ApplicationRow>(select));
      return { first, second, added: added! };
    });
    const ids = world.live.map((application) => application.id);
    expect(first.map((row) => row.id)).toEqual(ids);
    expect(second.map((row) => row.id)).toEqual(ids);
    expect([first[2].position, second[2].position]).toEqual([world.live[2].position, world.live[2].position]);
    // The writes did land, and the next export sees them.
    const after = await withExportReader(app.context.db, (reader) => allRows(reader.batches<ApplicationRow>(select)));
    expect(after[0].id).toBe(added.id);
    expect(after.find((row) => row.id === world.live[2].id)?.position).toBe('Renamed meanwhile');
  });

  it('gives rows that read like objects, and refuses a query returning two columns of one name', async () => {
    await withExportReader(app.context.db, async (reader) => {
      const [row] = await allRows(reader.batches<{ one: number; two: string }>({ sql: `SELECT 1 AS one, 'b' AS two`, params: [] }));
      expect([row.one, row.two]).toEqual([1, 'b']);
      await expect(allRows(reader.batches({ sql: `SELECT 1 AS one, 2 AS one`, params: [] }))).rejects.toThrow(/two columns named one/);
    });
  });
});
