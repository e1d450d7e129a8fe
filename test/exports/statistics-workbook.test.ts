import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDashboard } from '../../src-main/statistics/compute';
import { openTempApp, type TempApp } from '../support/temp-app';
import { seedExportWorld } from './support/data';

let app: TempApp;
beforeAll(async () => {
  app = await openTempApp();
  await seedExportWorld(app.api);
});
afterAll(() => app?.close());

async function exportWorkbook(name: string, input: Record<string, unknown>) {
  const file = path.join(app.dir, name);
  await app.api.invoke('exports.statisticsWorkbook', { ...input, path: file });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

const cells = (sheet: ExcelJS.Worksheet) => {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
};

describe('the statistics workbook', () => {
  it('has one sheet per statistic, each rate with the numerator and denominator behind it', async () => {
    const workbook = await exportWorkbook('statistics.xlsx', { language: 'en' });
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Overview',
      'Timeline',
      'Breakdowns',
      'Funnel',
      'Flows',
      'Response times',
      'Response by company',
      'Salaries',
      'Skills',
      'Activity',
    ]);
    const expected = computeDashboard(app.context.db, { granularity: 'auto' } as Parameters<typeof computeDashboard>[1]);
    const overview = cells(workbook.getWorksheet('Overview')!);
    expect(overview[0]).toEqual(['Figure', 'Value', 'Rate', 'Numerator', 'Denominator']);
    const byLabel = new Map(overview.slice(1).map((row) => [row[0], row.slice(1)]));
    expect(byLabel.get('Applications')?.[0]).toBe(expected.overview.total);
    const response = byLabel.get('Response rate')!;
    // [value, rate, numerator, denominator]: a rate has no plain value.
    expect(response[0]).toBeUndefined();
    expect(response[1]).toBeCloseTo(expected.overview.responseRate.value);
    expect(response.slice(2, 4)).toEqual([expected.overview.responseRate.numerator, expected.overview.responseRate.denominator]);
    expect(workbook.getWorksheet('Overview')!.getRow(1 + [...byLabel.keys()].indexOf('Response rate') + 1).getCell(3).numFmt).toBe('0.0%');

    const funnel = cells(workbook.getWorksheet('Funnel')!).slice(1);
    expect(funnel.map((row) => [row[0], row[1]])).toEqual(expected.funnel.steps.map((step) => [expect.any(String), step.count]));
    expect(funnel[1].slice(2, 5)).toEqual([
      expect.closeTo(expected.funnel.steps[1].fromPrevious.value),
      expected.funnel.steps[1].fromPrevious.numerator,
      expected.funnel.steps[1].fromPrevious.denominator,
    ]);
    const breakdowns = cells(workbook.getWorksheet('Breakdowns')!).slice(1);
    const linkedin = breakdowns.find((row) => row[0] === 'Source' && row[1] === 'LinkedIn')!;
    const bucket = expected.breakdowns.source.buckets.find((item) => item.key === 'linkedin')!;
    expect(linkedin.slice(2, 7)).toEqual([bucket.count, bucket.sent, expect.closeTo(bucket.responseRate.value), bucket.responseRate.numerator, bucket.responseRate.denominator]);
    const timeline = cells(workbook.getWorksheet('Timeline')!).slice(1);
    expect(timeline).toHaveLength(expected.timeline.periods.length);
    if (timeline.length > 0) expect(timeline[0][0]).toBeInstanceOf(Date);
  });

  it('follows the filters and the language', async () => {
    const workbook = await exportWorkbook('statistics-fr.xlsx', { language: 'fr', filters: { stageCategories: ['rejected'] } });
    const overview = cells(workbook.getWorksheet('Vue d’ensemble')!);
    expect(overview.find((row) => row[0] === 'Candidatures')?.[1]).toBe(1);
    expect(overview.some((row) => row[0] === 'Actuellement : Refusée' && row[1] === 1)).toBe(true);
  });
});
