import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { createApplicationInput } from '../../src-shared/contract';
import { closedAfterEach } from '../support/closed-after-each';
import { openTempApp, type TempApp } from '../support/temp-app';
import { listAll, upload } from './support/files';

/**
 * Candid's own CSV export, read back by the import into another database: someone moving to a new computer without
 * sync, or keeping a spreadsheet copy, finds every field of their applications again, in either language.
 */
const open = closedAfterEach(() => openTempApp());

const full: z.input<typeof createApplicationInput> = {
  companyName: 'Acme',
  position: 'Backend developer',
  appliedOn: '2026-03-02',
  employmentType: 'fixed_term',
  workMode: 'hybrid',
  location: 'Lyon',
  source: 'linkedin',
  postingUrl: 'https://jobs.example.com/42',
  salaryMin: 42000,
  salaryMax: 48000,
  salaryCurrency: 'EUR',
  salaryPeriod: 'year',
  requiredSkills: ['TypeScript', 'SQL', 'Node.js'],
  preferredSkills: ['Rust', 'PostgreSQL'],
  experienceYears: 3,
  resumeVersion: 'CV 2026 v2',
  notes: 'Met them at a fair',
  tags: ['remote-ok', 'priority'],
  favorite: true,
  priority: 4,
  excitement: 5,
  deadline: '2026-04-01',
};

const kept = (detail: Record<string, unknown>) => {
  const keys = [...Object.keys(full).filter((key) => key !== 'companyName' && key !== 'tags'), 'companyName', 'archived'];
  return { ...Object.fromEntries(keys.map((key) => [key, detail[key]])), tags: [...(detail.tags as string[])].sort() };
};

describe("Candid's own CSV export, imported again", () => {
  for (const language of ['en', 'fr'] as const) {
    it(`keeps every field of the applications (${language})`, async () => {
      const from = await open();
      const created = await from.api.invoke('applications.create', { ...full });
      const plain = await from.api.invoke('applications.create', {
        companyName: 'Globex',
        position: 'Analyst',
        appliedOn: '2026-02-01',
        archived: true,
        salaryMin: 30,
        salaryMax: 35,
        salaryCurrency: 'USD',
        salaryPeriod: 'hour',
      });
      const file = path.join(from.dir, `applications-${language}.csv`);
      await from.api.invoke('exports.csv', { path: file, language, timeZone: 'UTC', filters: { archived: 'all' } });

      const to = await open();
      const result = await to.api.invoke('imports.run', { source: upload(fs.readFileSync(file), `applications-${language}.csv`) });
      expect(result).toMatchObject({ created: 2 });
      expect(result.summary?.warnings ?? []).toEqual([]);
      const rows = await listAll(to);
      const detailOf = async (app: TempApp, id: string) => kept((await app.api.invoke('applications.get', { id })) as unknown as Record<string, unknown>);
      const byCompany = new Map(rows.map((row) => [row.companyName, row.id]));
      expect(await detailOf(to, byCompany.get('Acme')!)).toEqual(await detailOf(from, created.id));
      expect(await detailOf(to, byCompany.get('Globex')!)).toEqual(await detailOf(from, plain.id));
    });
  }
});

describe('skills, experience and résumé columns of other trackers', () => {
  it('fills the skills the dashboard counts, and the years and résumé version, in English and French headers', async () => {
    const app = await open();
    const english = ['Company,Position,Skills,Nice to have,Years of experience,CV', 'Acme,Developer,"Python, SQL",Go,3+ years,CV-2026', 'Globex,Analyst,SQL,,2-4 yrs,'].join('\n');
    const french = ['Entreprise;Poste;Compétences;Atouts;Expérience requise;Devise;Salaire;Période', 'Initech;Testeur;Python • Selenium;Docker;5 ans;USD;30;par heure', 'Hooli;Designer;;;beaucoup;;;'].join('\n');
    expect(await app.api.invoke('imports.run', { source: upload(english, 'tracker.csv') })).toMatchObject({ created: 2 });
    const result = await app.api.invoke('imports.run', { source: upload(french, 'suivi.csv') });
    expect(result).toMatchObject({ created: 2 });
    // Words where a number of years should be are kept in the notes, with a warning, not lost.
    expect(result.summary?.warnings).toMatchObject([{ code: 'not_a_number', count: 1, items: [{ row: 3, field: 'experienceYears', value: 'beaucoup' }] }]);

    const byCompany = new Map((await listAll(app)).map((row) => [row.companyName, row.id]));
    const detail = (company: string) => app.api.invoke('applications.get', { id: byCompany.get(company)! });
    expect(await detail('Acme')).toMatchObject({ requiredSkills: ['Python', 'SQL'], preferredSkills: ['Go'], experienceYears: 3, resumeVersion: 'CV-2026' });
    expect(await detail('Globex')).toMatchObject({ requiredSkills: ['SQL'], preferredSkills: [], experienceYears: 2, resumeVersion: null });
    expect(await detail('Initech')).toMatchObject({
      requiredSkills: ['Python', 'Selenium'],
      preferredSkills: ['Docker'],
      experienceYears: 5,
      salaryMin: 30,
      salaryMax: 30,
      salaryCurrency: 'USD',
      salaryPeriod: 'hour',
    });
    expect(await detail('Hooli')).toMatchObject({ experienceYears: null, notes: 'Expérience requise: beaucoup' });

    const skills = await app.api.invoke('statistics.skills', {});
    expect(skills.required.map(({ skill, count }) => [skill, count])).toEqual(expect.arrayContaining([['SQL', 2], ['Python', 2], ['Selenium', 1]]));
    expect(skills.preferred.map(({ skill, count }) => [skill, count])).toEqual(expect.arrayContaining([['Go', 1], ['Docker', 1]]));
  });
});
