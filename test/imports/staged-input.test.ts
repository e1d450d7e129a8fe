import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { justAfter } from '../../src-main/imports/write';
import { localEntries } from '../sync/support/rows';
import { openTempApp, type TempApp } from '../support/temp-app';
import { upload } from './support/files';

/**
 * What the check thread now prepares for the import's thread (src-main/imports/staged.ts: each input as the columns
 * it writes) and the milliseconds counted up in the text (write.ts justAfter) leave the change log as it was: the
 * entries below are what main wrote before session 19, byte for byte but for ids and the write's time.
 */

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

const csv = [
  'Company,Position,Applied,Status,Response date,Location,Salary,Type,Work mode,Tags,Notes,Favorite,Skills,Link',
  'Acme,Développeur "front",2024-02-29,Interview,,Paris,45000-52000 EUR,Full-time,Remote,"remote, Urgent","line one",yes,"TypeScript, SQL",https://jobs.example.com/1',
  'Globex,Tester,,Rejected,2024-03-20,,,,,,,,,',
  'Initech,Analyst,2024-03-03,Offer,,Lyon,,Contract,Hybrid,urgent,,no,,',
].join('\n');

/** The fields as JSON, keys sorted: the push forms an import's creations in the columns' order. */
const sortedKeys = (fields: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1))));

/**
 * The log's entries of these tables in order, as the push sends them (an import logs its rows' creations without
 * their values: the push forms them from the rows), each id named by when it first appears and the write's time as
 * NOW.
 */
function loggedEntries(tables: readonly string[]): string[] {
  const now = app.context.db.sqlite.prepare(`SELECT created_at FROM applications LIMIT 1`).pluck().get() as string;
  const names = new Map<string, string>();
  const named = (id: string) => names.get(id) ?? (names.set(id, `id${names.size}`), names.get(id)!);
  return localEntries(app.context)
    .entries.filter((entry) => tables.includes(entry.table))
    .map((entry) => `${entry.table} ${sortedKeys(entry.fields!).replaceAll(now, 'NOW').replace(/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/g, named)}`);
}

describe('an import staged from prepared inputs', () => {
  // As before session 22 too, but for the fields at their default (a `*` entry gives them that anyway).
  it('logs each application, its history and its tags as before, key for key', async () => {
    await app.api.invoke('imports.run', { source: upload(csv, 'staged.csv') });
    expect(loggedEntries(['applications', 'stage_events', 'application_tags'])).toEqual([
      'applications {"applied_on":"2024-02-29","company_id":"id0","created_at":"NOW","favorite":1,"location":"Paris","notes":"line one","position":"Développeur \\"front\\"","posting_url":"https://jobs.example.com/1","required_skills":"[\\"TypeScript\\",\\"SQL\\"]","salary_currency":"EUR","salary_max":52000,"salary_min":45000,"schedule":"full_time","work_mode":"remote"}',
      'stage_events {"application_id":"id1","created_at":"NOW","occurred_at":"2024-02-29T12:00:00.000Z","to_stage_id":"id2"}',
      'stage_events {"application_id":"id1","created_at":"NOW","date_unknown":1,"from_stage_id":"id2","occurred_at":"2024-02-29T12:00:00.001Z","to_stage_id":"id3"}',
      'application_tags {"application_id":"id1","created_at":"NOW","tag_id":"id4"}',
      'application_tags {"application_id":"id1","created_at":"NOW","tag_id":"id5"}',
      'applications {"company_id":"id6","created_at":"NOW","first_response_on":"2024-03-20","position":"Tester"}',
      'stage_events {"application_id":"id7","created_at":"NOW","date_unknown":1,"occurred_at":"2024-03-20T12:00:00.000Z","to_stage_id":"id2"}',
      'stage_events {"application_id":"id7","created_at":"NOW","from_stage_id":"id2","occurred_at":"2024-03-20T12:00:00.001Z","to_stage_id":"id8"}',
      'applications {"applied_on":"2024-03-03","company_id":"id9","created_at":"NOW","employment_type":"fixed_term","location":"Lyon","position":"Analyst","work_mode":"hybrid"}',
      'stage_events {"application_id":"id10","created_at":"NOW","occurred_at":"2024-03-03T12:00:00.000Z","to_stage_id":"id2"}',
      'stage_events {"application_id":"id10","created_at":"NOW","date_unknown":1,"from_stage_id":"id2","occurred_at":"2024-03-03T12:00:00.001Z","to_stage_id":"id11"}',
      'application_tags {"application_id":"id10","created_at":"NOW","tag_id":"id5"}',
    ]);
  });

  it('puts a step one millisecond after another as a Date would, past the second, the day and the year too', () => {
    const viaDate = (instant: string) => new Date(new Date(instant).getTime() + 1).toISOString();
    const instants = [
      '2024-02-29T12:00:00.000Z',
      '2024-02-29T12:00:00.041Z',
      '2024-02-29T12:00:00.998Z',
      '2024-02-29T12:00:00.999Z',
      '2026-12-31T23:59:59.999Z',
      // Days a Date moves into the next month, and an hour it moves into the next day.
      '2023-02-29T12:00:00.010Z',
      '2026-04-31T12:00:00.000Z',
      '2026-02-28T24:00:00.000Z',
      '0000-01-01T12:00:00.005Z',
      '+010000-01-01T00:00:00.000Z',
    ];
    for (const instant of instants) expect(justAfter(instant)).toBe(viaDate(instant));
    // A chain of undated steps, on two days in turn: the check of each day's second remembered is not stale.
    let at = '2024-02-29T12:00:00.000Z';
    let other = '2023-02-29T12:00:00.000Z';
    for (let step = 0; step < 1100; step += 1) {
      expect(justAfter(at)).toBe(viaDate(at));
      expect(justAfter(other)).toBe(viaDate(other));
      at = justAfter(at);
      other = justAfter(other);
    }
    expect(() => justAfter('2026-13-01T12:00:00.000Z')).toThrow(RangeError);
  });
});
