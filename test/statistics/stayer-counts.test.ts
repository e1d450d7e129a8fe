import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src-main/db/connection';
import { cellsOfFact, storedKey } from '../../src-main/statistics/maintained/cells';
import { factRowColumns, insertFactSql, type FactRow } from '../../src-main/statistics/maintained/facts';
import { MonthCellDeltas } from '../../src-main/statistics/maintained/month-cells';
import { SkillMonthDeltas } from '../../src-main/statistics/maintained/skill-months';
import { cellsOfSideSql, monthCellsOfFactsSql, skillMonthsOfFactsSql } from '../../src-main/statistics/maintained/stayer-counts';
import { openTempApp, type TempApp } from '../support/temp-app';

/**
 * The SQL that groups the counts of the applications staying behind a whole-side move (stayer-counts.ts) must give
 * exactly what the one definition in JavaScript gives (`cellsOfFact` through MonthCellDeltas and CellDeltas,
 * `skillsOf` through SkillMonthDeltas), on facts with awkward values: texts that JSON escapes (quotes, backslashes,
 * control characters, emoji), null dimensions, dates that do not parse or answer before the application, salaries
 * with a half, damaged or odd skill lists.
 */
let app: TempApp;
beforeAll(async () => {
  app = await openTempApp();
});
afterAll(() => app?.close());

const awkwardText = fc.string({
  unit: fc.constantFrom('a', 'Z', 'é', ' ', '"', '\\', '/', '\n', '\t', '\u0001', '\u001f', '\u007f', '😀', '[', ','),
  maxLength: 6,
});
const nullable = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null, freq: 3 });
const day = fc.oneof(
  fc.date({ min: new Date('2023-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  // Shaped as the contract's days (calendarDate, instants cut to their day), but not real ones: both read them alike.
  // (A day not zero-padded, which the contract never lets in, is read by Date.parse as local time and by SQLite not
  // at all.)
  fc.constantFrom('2024-02-30', '2024-13-01', '2024-02-32', 'not a day'),
);
const skillList = fc.oneof(
  fc.array(fc.oneof(awkwardText, fc.integer(), fc.constant(null)), { maxLength: 4 }).map((items) => JSON.stringify(items)),
  awkwardText.map((text) => JSON.stringify(text)),
  fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(awkwardText, fc.integer())).map((object) => JSON.stringify(object)),
  fc.constantFrom('["Go", "Go"]', '[broken', '42', 'null', '[["nested"]]'),
);
const money = nullable(fc.oneof(fc.integer({ min: 0, max: 300_000 }), fc.constantFrom(1001, 1002, 55_000)));

/** A facts row as the maintenance stores it (seq filled in by `storeFacts`). */
const fact = fc
  .record({
    archived: fc.constantFrom(0, 1),
    company: fc.integer({ min: 1, max: 6 }),
    stageId: fc.constantFrom('stage-a', 'stage-b'),
    category: fc.constantFrom('wishlist', 'applied', 'interviewing', 'offer', 'rejected'),
    employmentType: nullable(fc.constantFrom('permanent', 'internship')),
    workMode: nullable(fc.constantFrom('remote', 'hybrid')),
    source: nullable(fc.oneof(fc.constantFrom('linkedin', 'indeed'), awkwardText)),
    location: nullable(awkwardText),
    industry: nullable(awkwardText),
    resumeVersion: nullable(awkwardText),
    salaryMin: money,
    salaryMax: money,
    salaryCurrency: nullable(fc.constantFrom('EUR', 'USD')),
    salaryPeriod: nullable(fc.constantFrom('year', 'month')),
    appliedDay: day,
    reached: fc.integer({ min: 0, max: 511 }),
    responseDay: nullable(day),
    interviewDay: nullable(day),
    offerDay: nullable(day),
    level: fc.integer({ min: 0, max: 5 }),
    requiredSkills: nullable(skillList),
    preferredSkills: nullable(skillList),
  })
  .map((row): Omit<FactRow, 0> => [
    row.archived, row.company, row.stageId, row.category, row.employmentType, row.workMode, row.source, row.location, row.industry,
    row.resumeVersion, row.salaryMin, row.salaryMax, row.salaryCurrency, row.salaryPeriod, row.appliedDay, row.reached, row.responseDay,
    row.interviewDay, row.offerDay, row.level, row.requiredSkills, row.preferredSkills,
  ] as unknown as Omit<FactRow, 0>);

/** Rows in one order whatever produced them. */
const sorted = (rows: unknown[][]) => rows.map((row) => JSON.stringify(row)).sort();

/** Stores these facts alone (in a transaction the caller rolls back) and reads them back as the maintenance does. */
function storeFacts(db: Database, rows: readonly Omit<FactRow, 0>[]): FactRow[] {
  db.sql(`DELETE FROM main.statistics_facts`).run();
  const insert = db.sql(insertFactSql);
  rows.forEach((row, index) => insert.run([index + 1, ...(row as unknown[])]));
  return db.sql(`SELECT ${factRowColumns} FROM main.statistics_facts ORDER BY seq`).raw().all() as FactRow[];
}

/** Runs `check` inside a transaction that is rolled back: the temporary database keeps nothing of it. */
function rolledBack(db: Database, check: () => void): void {
  const rollback = new Error('rollback');
  try {
    db.transaction(() => {
      check();
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
}

describe('the stayers\u2019 counts grouped in SQL (stayer-counts.ts)', () => {
  it('equal the month cells and skill months the JavaScript definition counts, for each side', () => {
    const { db } = app.context;
    fc.assert(
      fc.property(fc.array(fact, { minLength: 1, maxLength: 40 }), (rows) => {
        rolledBack(db, () => {
          const stored = storeFacts(db, rows);
          for (const side of [0, 1] as const) {
            const onSide = stored.filter((row) => (row[1] === 0 ? 0 : 1) === side);
            const monthCells = new MonthCellDeltas();
            const skillMonths = new SkillMonthDeltas();
            for (const row of onSide) {
              monthCells.addFact(row, 1);
              skillMonths.addFact(row, 1);
            }
            const where = `f.archived IS NOT ${1 - side}`;
            // The month cells' rows hold both flags' counts: the facts of one side count in its column alone.
            const sideRows = [...monthCells.rows()].map((row) => [...row.slice(0, 5), row[5 + side]]);
            expect([...monthCells.rows()].every((row) => row[6 - side] === 0)).toBe(true);
            expect(sorted(db.sql(monthCellsOfFactsSql(where)).raw().all() as unknown[][])).toEqual(sorted(sideRows));
            const sideSkills = [...skillMonths.rows()].map((row) => [...row.slice(0, 4), row[4 + side]]);
            expect([...skillMonths.rows()].every((row) => row[5 - side] === 0)).toBe(true);
            expect(sorted(db.sql(skillMonthsOfFactsSql(where)).raw().all() as unknown[][])).toEqual(sorted(sideSkills));
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('sum the month tables of a side into the cells the JavaScript definition counts for it', () => {
    const { db } = app.context;
    fc.assert(
      fc.property(fc.array(fact, { minLength: 1, maxLength: 40 }), (rows) => {
        rolledBack(db, () => {
          const stored = storeFacts(db, rows);
          db.sql(`DELETE FROM main.statistics_month_cells`).run();
          db.sql(`DELETE FROM main.statistics_skill_months`).run();
          const monthCells = new MonthCellDeltas();
          const skillMonths = new SkillMonthDeltas();
          for (const row of stored) {
            monthCells.addFact(row, 1);
            skillMonths.addFact(row, 1);
          }
          monthCells.write(db);
          skillMonths.write(db);
          for (const side of [0, 1] as const) {
            const counts = new Map<string, number>();
            for (const row of stored.filter((fact) => (fact[1] === 0 ? 0 : 1) === side)) {
              cellsOfFact(row, (kind, key, value) => {
                const cell = JSON.stringify([kind, storedKey(kind, key), value]);
                counts.set(cell, (counts.get(cell) ?? 0) + 1);
              });
            }
            const expected = [...counts].map(([cell, count]) => [...(JSON.parse(cell) as unknown[]), count]);
            expect(sorted(db.sql(cellsOfSideSql(side)).raw().all() as unknown[][])).toEqual(sorted(expected));
          }
        });
      }),
      { numRuns: 100 },
    );
  });
});
