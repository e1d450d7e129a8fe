import { afterEach, describe, expect, it } from 'vitest';
import { ensureCompany } from '../../src-main/companies/resolve';
import { openTempApp, type TempApp } from '../support/temp-app';

/**
 * A new row's one change-log entry, as the write path writes it whether the write is bulk or not: column `*`, origin
 * local (both fixed in the statement, not bound), and the JSON of the synced fields the row was written with, in
 * their order: without the derived columns (an application's current stage), and with the fields as they are when
 * all are synced (written without a copy of them). The companies an import creates by name, found again by any
 * spelling of it.
 */

let app: TempApp | undefined;
afterEach(() => app?.close());

describe('a new row logged', () => {
  for (const bulk of [false, true]) {
    it(`is one local * entry holding its synced fields, in a ${bulk ? 'bulk' : 'row-by-row'} write`, async () => {
      app = await openTempApp();
      const { db, changes } = app.context;
      const stage = db.sql(`SELECT id, category FROM stages ORDER BY position LIMIT 1`).get() as { id: string; category: string };
      let now = '';
      const ids = changes.write((write) => {
        now = write.now;
        const companyId = ensureCompany(db, write, 'Société  Générale');
        const applicationId = write.insert('applications', {
          company_id: companyId,
          position: 'Développeuse "back-end"',
          location: null,
          stage_id: stage.id,
          stage_category: stage.category,
          stage_changed_at: now,
        });
        const eventId = write.insert('stage_events', { application_id: applicationId, from_stage_id: null, to_stage_id: stage.id, occurred_at: now, note: null });
        return { companyId, applicationId, eventId };
      }, { bulk });
      const logged = (rowId: string) => db.sql(`SELECT column_name, origin, value FROM change_log WHERE row_id = ?`).all(rowId);
      expect(logged(ids.companyId)).toEqual([
        { column_name: '*', origin: 'local', value: JSON.stringify({ created_at: now, name: 'Société  Générale', name_key: 'societe generale' }) },
      ]);
      expect(logged(ids.applicationId)).toEqual([
        { column_name: '*', origin: 'local', value: JSON.stringify({ created_at: now, company_id: ids.companyId, position: 'Développeuse "back-end"', location: null }) },
      ]);
      expect(logged(ids.eventId)).toEqual([
        {
          column_name: '*',
          origin: 'local',
          value: JSON.stringify({ created_at: now, application_id: ids.applicationId, from_stage_id: null, to_stage_id: stage.id, occurred_at: now, note: null }),
        },
      ]);
      // What a sync push reads: the local entries.
      expect(db.sql(`SELECT count(*) FROM change_log WHERE origin = 'local' AND row_id IN (?, ?, ?)`).pluck().get(ids.companyId, ids.applicationId, ids.eventId)).toBe(3);
      // Another spelling of the name finds the company; nothing more is written.
      const again = changes.write((write) => ensureCompany(db, write, 'SOCIETE GENERALE'), { bulk });
      expect(again).toBe(ids.companyId);
      expect(db.sql(`SELECT count(*) FROM companies WHERE name_key = 'societe generale'`).pluck().get()).toBe(1);
    });
  }
});
