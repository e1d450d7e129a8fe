import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../support/temp-app';
import { upload } from './support/files';

/**
 * The conversion remembers what it read of a text (a date's reading in dates.ts, a word list by field in
 * convert.ts, a value's resolution by field in resolve.ts): the same text in another row, another field or another
 * column's order must still read as that row, field and column read it.
 */

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

const long = 'x'.repeat(70);

describe('texts read again', () => {
  it('split by each field, each row with its own list and its own problems', async () => {
    const csv = [
      'Company,Position,Tags,Required skills,Preferred skills',
      `Acme,Developer,"Python • SQL, Go","Python • SQL, Go","Go, ${long}"`,
      `Globex,Analyst,"Python • SQL, Go","Python • SQL, Go","Go, ${long}"`,
      'Initech,Tester,"go, Go","Python • SQL, Go",',
    ].join('\n');
    const source = upload(csv, 'lists.csv');
    const mapping = ['company', 'position', 'tags', 'requiredSkills', 'preferredSkills'] as const;
    const preview = await app.api.invoke('imports.preview', { source, mapping: [...mapping] });
    // The 70-character skill is within a skill's 80, and a tag's limit is 60: no problem either way.
    expect(preview.problems).toEqual([]);
    await app.api.invoke('imports.run', { source, mapping: [...mapping] });
    const rows = app.context.db.sqlite
      .prepare(`SELECT c.name AS company, a.required_skills AS required, a.preferred_skills AS preferred FROM applications a JOIN companies c ON c.id = a.company_id ORDER BY c.name`)
      .all() as { company: string; required: string; preferred: string }[];
    expect(rows.map(({ company, required, preferred }) => [company, JSON.parse(required), JSON.parse(preferred)])).toEqual([
      ['Acme', ['Python', 'SQL', 'Go'], ['Go', long]],
      ['Globex', ['Python', 'SQL', 'Go'], ['Go', long]],
      ['Initech', ['Python', 'SQL', 'Go'], []],
    ]);
    const tags = app.context.db.sqlite
      .prepare(`SELECT c.name AS company, group_concat(t.name, '|') AS tags FROM applications a JOIN companies c ON c.id = a.company_id JOIN application_tags x ON x.application_id = a.id JOIN tags t ON t.id = x.tag_id GROUP BY c.name ORDER BY c.name`)
      .all();
    expect(tags).toEqual([
      { company: 'Acme', tags: expect.stringMatching(/^(Python • SQL\|Go|Go\|Python • SQL)$/) },
      { company: 'Globex', tags: expect.stringMatching(/^(Python • SQL\|Go|Go\|Python • SQL)$/) },
      { company: 'Initech', tags: expect.stringMatching(/^(go|Go)$/) },
    ]);
  });

  it('reports a word too long on every row that holds it', async () => {
    const csv = ['Company,Position,Tags', `Acme,Developer,"a, ${long}"`, `Globex,Analyst,"a, ${long}"`].join('\n');
    const preview = await app.api.invoke('imports.preview', { source: upload(csv, 'tags.csv') });
    expect(preview.problems.map(({ row, code, field }) => ({ row, code, field }))).toEqual([
      { row: 2, code: 'too_long', field: 'tags' },
      { row: 3, code: 'too_long', field: 'tags' },
    ]);
  });

  it('reads the same slash date by each column’s order', async () => {
    // Applied dates are month-first (3/14), the deadlines day-first (14/3): 03/04/2024 is 4 March in the first, 3 April in the second.
    const csv = ['Company,Position,Applied,Deadline', 'Acme,Developer,03/04/2024,03/04/2024', 'Globex,Analyst,03/14/2024,14/03/2024'].join('\n');
    const source = upload(csv, 'dates.csv');
    await app.api.invoke('imports.run', { source, mapping: ['company', 'position', 'appliedOn', 'deadline'] });
    const rows = app.context.db.sqlite
      .prepare(`SELECT c.name AS company, a.applied_on AS applied, a.deadline FROM applications a JOIN companies c ON c.id = a.company_id ORDER BY c.name`)
      .all();
    expect(rows).toEqual([
      { company: 'Acme', applied: '2024-03-04', deadline: '2024-04-03' },
      { company: 'Globex', applied: '2024-03-14', deadline: '2024-03-14' },
    ]);
  });
});
