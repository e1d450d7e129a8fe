import { afterEach, describe, expect, it } from 'vitest';
import { recomputeCurrentStage } from '../../src-main/changes/derive';
import { settleDerivedData } from '../../src-main/changes/owed-derived';
import { openTempApp, type TempApp } from '../support/temp-app';
import { derivedData, rebuiltDerivedData } from '../sync/support/derived';

/**
 * The current stage of applications written in bulk is settled after the write (owed-derived.ts, through
 * derive.ts recomputeCurrentStageAfter), and the write path sets it by ids (`recomputeCurrentStage`): the same
 * statement, which both must apply as a straightforward reading of the histories does, on histories where the
 * latest event is not the last written, ties on time, deleted events, none at all, and an event of a stage the
 * database does not hold (an import's staging checks no parents).
 */

let app: TempApp | undefined;
afterEach(() => app?.close());

type StageColumns = [seq: number, stageId: string | null, category: string | null, since: string | null];

describe('settling the current stage of applications written in bulk', () => {
  it('sets what the write path sets', async () => {
    app = await openTempApp();
    const { db, changes } = app.context;
    const stages = db.sqlite.prepare(`SELECT id FROM stages WHERE deleted_at IS NULL ORDER BY position LIMIT 3`).pluck().all() as string[];
    expect(stages).toHaveLength(3);
    const [first, second, third] = stages;
    db.sqlite.pragma('foreign_keys = OFF');
    const histories: { stage: string; events: { to: string; at: string; deleted?: boolean }[] }[] = [
      // Written out of time order: the latest is the second written.
      { stage: first, events: [{ to: second, at: '2024-03-01T12:00:00.000Z' }, { to: third, at: '2024-03-05T12:00:00.000Z' }, { to: first, at: '2024-03-02T12:00:00.000Z' }] },
      // Two at the same instant: the later id wins.
      { stage: third, events: [{ to: first, at: '2024-04-01T12:00:00.000Z' }, { to: second, at: '2024-04-01T12:00:00.000Z' }] },
      // The latest deleted: the one before it.
      { stage: first, events: [{ to: second, at: '2024-05-01T12:00:00.000Z' }, { to: third, at: '2024-05-09T12:00:00.000Z', deleted: true }] },
      // No event: left as written.
      { stage: second, events: [] },
      // Already right: nothing to write.
      { stage: third, events: [{ to: third, at: '2024-06-01T12:00:00.000Z' }] },
      // The latest of a stage that is not there: the one before it.
      { stage: first, events: [{ to: third, at: '2024-07-01T12:00:00.000Z' }, { to: 'no-such-stage', at: '2024-07-09T12:00:00.000Z' }] },
    ];
    changes.write(
      (write) => {
        const companyId = write.insert('companies', { name: 'Bulk Co', name_key: 'bulk co' });
        for (const [index, history] of histories.entries()) {
          const applicationId = write.insert('applications', {
            company_id: companyId,
            position: `Position ${index}`,
            stage_id: history.stage,
            stage_changed_at: '2024-01-01T12:00:00.000Z',
          });
          for (const event of history.events) {
            write.insert('stage_events', {
              application_id: applicationId,
              from_stage_id: null,
              to_stage_id: event.to,
              occurred_at: event.at,
              note: null,
              ...(event.deleted ? { deleted_at: event.at } : {}),
            });
          }
        }
      },
      { bulk: true },
    );
    const stageColumns = () => db.sqlite.prepare(`SELECT seq, stage_id, stage_category, stage_changed_at FROM applications ORDER BY seq`).raw().all() as StageColumns[];
    const written = stageColumns();
    expect(settleDerivedData(db)).toBe(histories.length);
    const settled = stageColumns();
    expect(settled.map(([, stageId]) => stageId)).toEqual([third, second, second, second, third, third]);
    expect(settled).toEqual(readFromHistories(written));

    // The write path's recompute, from the stages as written.
    const restore = db.sqlite.prepare(`UPDATE applications SET stage_id = ?, stage_category = ?, stage_changed_at = ? WHERE seq = ?`);
    for (const [seq, stageId, category, since] of written) restore.run(stageId, category, since, seq);
    recomputeCurrentStage(db, new Set(db.sqlite.prepare(`SELECT id FROM applications`).pluck().all() as string[]));
    expect(stageColumns()).toEqual(settled);

    /** Each application's latest live event of a stage that exists (by time, then id), read row by row. */
    function readFromHistories(asWritten: StageColumns[]): StageColumns[] {
      const categories = new Map(db.sqlite.prepare(`SELECT id, category FROM stages`).raw().all() as [string, string][]);
      const events = db.sqlite
        .prepare(`SELECT a.seq, e.id, e.to_stage_id, e.occurred_at, e.deleted_at FROM stage_events e JOIN applications a ON a.id = e.application_id`)
        .raw()
        .all() as [number, string, string, string, string | null][];
      return asWritten.map(([seq, stageId, category, since]) => {
        const live = events.filter(([of, , to, , deleted]) => of === seq && deleted === null && categories.has(to));
        live.sort((a, b) => (a[3] === b[3] ? (a[1] < b[1] ? 1 : -1) : a[3] < b[3] ? 1 : -1));
        const latest = live[0];
        return latest ? [seq, latest[2], categories.get(latest[2])!, latest[3]] : [seq, stageId, category, since];
      });
    }
  });

  it('writes the full-text rows and facts of a rebuild, also for an application an ordinary write changed before', async () => {
    app = await openTempApp();
    const { db, changes } = app.context;
    const stageId = db.sqlite.prepare(`SELECT id FROM stages WHERE deleted_at IS NULL ORDER BY position LIMIT 1`).pluck().get() as string;
    const ids = changes.write(
      (write) => {
        const companyId = write.insert('companies', { name: 'Bulk Co', name_key: 'bulk co' });
        const tagId = write.insert('tags', { name: 'Remote', name_key: 'remote', color: null });
        return [1, 2, 3].map((index) => {
          const id = write.insert('applications', { company_id: companyId, position: `Position ${index}`, notes: `Note ${index}`, stage_id: stageId });
          write.insert('stage_events', { application_id: id, from_stage_id: null, to_stage_id: stageId, occurred_at: write.now, note: null });
          if (index !== 2) write.insert('application_tags', { application_id: id, tag_id: tagId });
          return id;
        });
      },
      { bulk: true },
    );
    // Changed by an ordinary write while owed: it has its full-text row and facts before the others are settled.
    changes.write((write) => write.update('applications', ids[1], { position: 'Changed since' }));
    expect(db.sqlite.prepare(`SELECT count(*) FROM applications_fts`).pluck().get()).toBe(1);
    expect(settleDerivedData(db)).toBe(3);
    const settled = derivedData(db);
    expect(settled.text).toHaveLength(3);
    expect(settled).toEqual(rebuiltDerivedData(db));
  });
});
