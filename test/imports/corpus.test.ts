import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportSource } from '../../src-shared/contract';
import { openTempApp, type TempApp } from '../support/temp-app';
import * as corpus from './support/corpus';
import { upload } from './support/files';

// Files in the formats of the trackers people leave and of people's own sheets (support/corpus.ts), imported the
// way a new user does: the wizard's proposals accepted unchanged, rows that cannot be imported skipped. Each
// application is checked: stage, dates, history (a "?" day: the file did not date that step), fields, contacts.

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

async function importAsProposed(source: ImportSource) {
  const preview = await app.api.invoke('imports.preview', { source });
  const result = await app.api.invoke('imports.run', { source, options: { skipInvalidRows: true } });
  const imported = Object.fromEntries(await corpus.importedApplications(app));
  return { preview, result, imported };
}

const today = () => new Date().toISOString().slice(0, 10);

describe('trackers people leave', () => {
  it('JobTracker SaaS, JSON export: French fields and its reponse values', async () => {
    const { preview, result, imported } = await importAsProposed(corpus.jobTrackerJson());
    expect(preview.problems).toEqual([]);
    expect(result).toMatchObject({ created: 5, skippedInvalid: 0 });
    expect(imported).toMatchObject({
      'Airbus / Ingénieur logiciel': {
        stage: 'screening',
        appliedOn: '2024-03-01',
        firstResponseOn: '2024-03-08',
        history: [['applied', '2024-03-01'], ['screening', '2024-03-08']],
        employmentType: 'permanent',
        location: 'Toulouse',
        source: 'linkedin',
        postingUrl: 'https://careers.airbus.com/job/1',
        favorite: true,
        notes: 'Très bon premier appel',
      },
      'Thales / Développeur C++': { stage: 'rejected', firstResponseOn: '2024-03-20', employmentType: 'fixed_term', source: 'company_site', favorite: false },
      'Doctolib / Développeuse React': { stage: 'applied', history: [['applied', '2024-03-05']], employmentType: 'apprenticeship', source: 'welcome_to_the_jungle' },
      'Orange / Data analyst': { stage: 'ghosted', firstResponseOn: null, history: [['applied', '2024-02-10'], ['ghosted', '?']], employmentType: 'internship', source: 'referral' },
      'Ubisoft / Chef de projet': { stage: 'withdrawn', history: [['applied', '2024-01-15'], ['withdrawn', '?']], employmentType: 'freelance', notes: 'Poste pourvu en interne' },
    });
  });

  it('JobTracker SaaS, CSV export in Windows-1252 with semicolons', async () => {
    const { preview, imported } = await importAsProposed(corpus.jobTrackerCsv());
    expect(preview.settings).toMatchObject({ encoding: 'windows-1252', delimiter: ';', headerRow: 1 });
    expect(imported).toMatchObject({
      'Société Générale / Développeur Java': {
        stage: 'rejected',
        appliedOn: '2024-03-12',
        history: [['applied', '2024-03-12'], ['rejected', '2024-03-25']],
        source: 'apec',
        postingUrl: 'https://careers.societegenerale.com/offre/42',
        notes: 'Relancé le 20/03',
      },
      'L’Oréal / Chef de projet digital': { stage: 'applied', appliedOn: '2024-04-05', employmentType: 'fixed_term', source: 'france_travail', favorite: true },
    });
  });

  it('JobSync: the Yes/No "applied" beside appliedDate, jobType as a schedule, N/A, Unknown, Archived', async () => {
    const { preview, imported } = await importAsProposed(corpus.jobSyncCsv());
    const mapped = Object.fromEntries(preview.columns.map((column) => [column.header, preview.mapping[column.index]]));
    expect(mapped).toEqual({ index: null, createdAt: null, applied: null, appliedDate: 'appliedOn', Company: 'company', JobTitle: 'position', jobType: 'schedule', workplaceType: 'workMode', Location: 'location', JobSource: 'source', Status: 'stage' });
    expect(preview.problems).toEqual([]);
    expect(imported).toMatchObject({
      'Acme Corp / Frontend Developer': { stage: 'interviewing', appliedOn: '2024-03-02', firstResponseOn: null, history: [['applied', '2024-03-02'], ['interviewing', '?']], schedule: 'full_time', workMode: 'remote', location: 'Berlin', source: 'linkedin' },
      'Globex / Data Analyst': { stage: 'wishlist', appliedOn: null, history: [['wishlist', '?']], schedule: 'part_time', workMode: 'hybrid', location: null, source: 'indeed' },
      'Initech / QA Engineer': { stage: 'rejected', employmentType: 'fixed_term', schedule: null, workMode: 'on_site', source: 'ZipRecruiter' },
      'Hooli / Backend Engineer': { stage: 'ghosted', workMode: null, source: 'company_site' },
      'Umbrella / DevOps Engineer': { stage: 'withdrawn', archived: true, history: [['wishlist', '?'], ['withdrawn', '?']], schedule: null, source: 'other' },
      'Stark Industries / Software Engineer': { stage: 'offer', source: 'Glassdoor' },
    });
  });

  it('Reactive Resume: its headers, stage values, tags separated by ; and |', async () => {
    const { imported } = await importAsProposed(corpus.reactiveResumeCsv());
    expect(imported).toMatchObject({
      'Stripe / Frontend Engineer': { stage: 'applied', appliedOn: '2024-05-02', salaryMin: 180000, salaryMax: 180000, salaryCurrency: 'USD', tags: ['react', 'remote'], source: 'linkedin' },
      'Vercel / Developer Advocate': { stage: 'screening', history: [['applied', '2024-05-03'], ['screening', '?']], salaryMin: 150000, salaryMax: 170000, source: 'referral', notes: 'Recruiter call booked' },
      'Linear / Product Engineer': { stage: 'interviewing', source: 'company_site' },
      'Figma / Design Engineer': { stage: 'wishlist', appliedOn: null, tags: ['design', 'frontend'], postingUrl: 'https://figma.com/careers/2' },
      'Notion / Platform Engineer': { stage: 'rejected', appliedOn: '2024-04-20' },
    });
  });

  it('huntr-exporter: a board of stage columns holding "Position - Company" cards', async () => {
    const { preview, result, imported } = await importAsProposed(corpus.huntrBoardCsv());
    expect(preview.settings.layout).toBe('board');
    expect(preview.mapping).toEqual(['stageCards', 'stageCards', 'stageCards', 'stageCards', 'stageCards']);
    expect(preview.applicationCount).toBe(9);
    expect(result.created).toBe(9);
    expect(Object.fromEntries(Object.entries(imported).map(([key, value]) => [key, [value.stage, value.history.map(([category]) => category)]]))).toEqual({
      'Airbnb / Product Manager': ['wishlist', ['wishlist']],
      'Atlassian / QA Analyst': ['applied', ['applied']],
      'Datadog / Site Reliability Engineer': ['applied', ['applied']],
      'Google / Software Engineer': ['wishlist', ['wishlist']],
      'Meta / Frontend Developer': ['rejected', ['applied', 'rejected']],
      'OpenAI / Machine Learning Engineer': ['rejected', ['applied', 'rejected']],
      'Shopify / Backend Developer': ['applied', ['applied']],
      'Spotify / Data Engineer': ['interviewing', ['applied', 'interviewing']],
      'Wise / Senior Engineer': ['offer', ['applied', 'offer']],
    });
  });

  it('Huntr: list names as the status, month-first dates, pounds and dollars', async () => {
    const { preview, imported } = await importAsProposed(corpus.huntrCsv());
    expect(preview.settings.dateOrders).toEqual({ '7': 'mdy' });
    expect(imported).toMatchObject({
      'Google / Software Engineer': { stage: 'wishlist', appliedOn: null, location: 'Mountain View, CA' },
      'Shopify / Backend Developer': { stage: 'applied', appliedOn: '2024-03-13', salaryMin: 140000, salaryCurrency: 'USD' },
      'Spotify / Data Engineer': { stage: 'interviewing', appliedOn: '2024-03-04' },
      'Wise / Senior Engineer': { stage: 'offer', salaryMin: 95000, salaryCurrency: 'GBP' },
    });
  });

  it('Teal: its status words, separate minimum and maximum salaries, excitement, a deadline', async () => {
    const { imported } = await importAsProposed(corpus.tealCsv());
    expect(imported).toMatchObject({
      'Canva / Product Designer': { stage: 'applied', appliedOn: '2024-04-03', salaryMin: 120000, salaryMax: 140000, excitement: 4 },
      'Miro / UX Researcher': { stage: 'wishlist', appliedOn: null, deadline: '2024-05-01', notes: 'Looks great', excitement: 3 },
      'Pitch / Design Lead': { stage: 'offer', salaryMin: 90000, salaryMax: 110000, excitement: 5 },
      'Loom / Visual Designer': { stage: 'withdrawn', history: [['applied', '2024-02-03'], ['withdrawn', '?']] },
      'Mural / UI Designer': { stage: 'ghosted' },
      'Webflow / Senior Product Designer': { stage: 'rejected' },
    });
  });

  it('Notion: long dates, a date range reported and kept, dollars, tags, contacts shared across rows', async () => {
    const { preview, imported } = await importAsProposed(corpus.notionCsv());
    expect(preview.problems.map(({ row, code, value }) => ({ row, code, value }))).toEqual([{ row: 3, code: 'two_dates', value: 'March 14, 2024 → March 20, 2024' }]);
    expect(imported).toMatchObject({
      'Figma / Frontend Engineer': { stage: 'applied', appliedOn: '2024-03-12', salaryMin: 150000, salaryCurrency: 'USD', tags: ['frontend', 'react'], contacts: [{ name: 'Jane Doe', email: 'jane@figma.com' }] },
      'Canva / Backend Engineer': { stage: 'interviewing', appliedOn: null, notes: 'Two rounds\nApplication Date: March 14, 2024 → March 20, 2024', contacts: [{ name: 'Tom Lee', email: 'tom@canva.com' }] },
      'Miro / Data Engineer': { stage: 'wishlist', contacts: [] },
      'Atlassian / SRE': { stage: 'rejected', appliedOn: '2024-02-02', contacts: [{ name: 'Jane Doe', email: 'jane@figma.com' }] },
      'Stripe / Engineer': { stage: 'offer', appliedOn: '2024-01-05', salaryMin: 200000 },
    });
    // Jane Doe, met in two rows, is one contact linked to both applications.
    expect((await app.api.invoke('contacts.list', {})).items.map((contact) => contact.name).sort()).toEqual(['Jane Doe', 'Tom Lee']);
  });

  it('Airtable: its stage names, month-first dates, a contact with a bad e-mail kept in the notes', async () => {
    const { preview, imported } = await importAsProposed(corpus.airtableCsv());
    expect(preview.problems.map(({ row, code }) => ({ row, code }))).toEqual([{ row: 5, code: 'bad_email' }]);
    expect(imported).toMatchObject({
      'Netflix / Data Scientist': { stage: 'screening', appliedOn: '2024-03-12', salaryMin: 180000, salaryCurrency: 'USD', excitement: 5, contacts: [{ name: 'Sam Park', email: 'sam@netflix.com' }] },
      'Uber / ML Engineer': { stage: 'interviewing', appliedOn: '2024-03-14' },
      'Lyft / Data Analyst': { stage: 'wishlist', appliedOn: null },
      'DoorDash / Analytics Engineer': { stage: 'rejected', appliedOn: '2024-02-28', contacts: [{ name: 'Amy Chen', email: null }], notes: 'Contact email: not-an-email' },
    });
  });

  it('Simplify: its status words, and the period written in the cell', async () => {
    const { imported } = await importAsProposed(corpus.simplifyCsv());
    expect(imported).toMatchObject({
      'Jane Street / Software Engineer Intern': { stage: 'screening', salaryMin: 50, salaryCurrency: 'USD', salaryPeriod: 'hour' },
      'Citadel / Quant Intern': { stage: 'screening', salaryMin: 60, salaryPeriod: 'hour' },
      'Two Sigma / SWE Intern': { stage: 'wishlist', appliedOn: null },
      'HRT / Software Engineer Intern': { stage: 'withdrawn', appliedOn: '2024-09-05' },
    });
  });
});

describe('people’s own sheets', () => {
  it('a title row merged above the header, a blank row, step columns of dates and marks, an outcome', async () => {
    const { preview, imported } = await importAsProposed(await corpus.internshipSteps());
    expect(preview.settings).toMatchObject({ headerRow: 3, sheet: 'Internships 2024' });
    expect(preview.mapping).toEqual(['company', 'position', 'appliedOn', 'stageStep', 'stageStep', 'stageStep', 'stageStep', 'stage']);
    expect(preview.columns.slice(3, 7).map((column) => column.proposal.reasons.map((reason) => reason.code))).toEqual([['dates'], ['dates'], ['dates'], ['dates']]);
    expect(imported).toMatchObject({
      'Google / SWE Intern': {
        stage: 'rejected',
        firstResponseOn: '2024-01-20',
        history: [['applied', '2024-01-10'], ['screening', '2024-01-20'], ['interviewing', '2024-02-15'], ['rejected', '?']],
      },
      'Meta / Production Engineer Intern': { stage: 'ghosted', history: [['applied', '2024-01-12'], ['screening', '?'], ['ghosted', '?']] },
      'Jane Street / Trading Intern': {
        stage: 'accepted',
        history: [['applied', '2024-01-15'], ['screening', '2024-01-25'], ['interviewing', '2024-02-20'], ['offer', '2024-03-01'], ['accepted', '?']],
      },
      'Stripe / Software Engineer Intern': { stage: 'applied', history: [['applied', '2024-01-18']] },
    });
  });

  it('a status column and an outcome beside it: where it stands is the outcome, the status a step passed', async () => {
    const { preview, imported } = await importAsProposed(
      upload(
        [
          'Employer,Role,Applied,Date applied,Stage,Outcome,Response,Source',
          'Barclays,Graduate Analyst,Yes,14/02/2024,Assessment centre,,No,Bright Network',
          'HSBC,Software Engineer,Yes,20/02/2024,Online test,Rejected,Yes,Indeed',
          'Sky,Data Analyst,Yes,06/03/2024,Applied,Offer accepted,Yes,Gradcracker',
          'Arm,Graduate Engineer,Yes,01/03/2024,Interview,Withdrew,No,Company website',
          'BT,Network Engineer,No,,,,,LinkedIn',
        ].join('\n'),
        'graduate.csv',
      ),
    );
    // "Response" holds Yes/No: it is no status, though its name could be one.
    expect(preview.mapping).toEqual(['company', 'position', null, 'appliedOn', 'stage', 'stage', null, 'source']);
    expect(preview.problems).toEqual([]);
    expect(imported).toMatchObject({
      'Barclays / Graduate Analyst': { stage: 'interviewing', history: [['applied', '2024-02-14'], ['interviewing', '?']], source: 'Bright Network' },
      'HSBC / Software Engineer': { stage: 'rejected', history: [['applied', '2024-02-20'], ['screening', '?'], ['rejected', '?']], firstResponseOn: null },
      'Sky / Data Analyst': { stage: 'accepted', history: [['applied', '2024-03-06'], ['accepted', '?']] },
      'Arm / Graduate Engineer': { stage: 'withdrawn', history: [['applied', '2024-03-01'], ['interviewing', '?'], ['withdrawn', '?']] },
      'BT / Network Engineer': { stage: 'wishlist' },
    });
  });

  it('a spreadsheet template: an interview-date step column, a "Contact Info" of addresses or phones, money per hour', async () => {
    const { preview, imported } = await importAsProposed(
      upload(
        [
          'Company Name,Position,Date Applied,Application Status,Interview Date,Contact Person,Contact Info,Salary,Notes',
          'Acme Corp,Marketing Coordinator,1/15/2024,Interview Scheduled,1/29/2024,Linda Park,linda.park@acme.com,"$55,000",Great culture',
          'Initech,Content Writer,1/20/2024,Applied,,Bob Lee,(555) 123-4567,$25/hr,',
          'Vandelay,Marketing Manager,1/26/2024,Interviewing,2/5/2024 & 2/12/2024,,,,Second round next week',
          'Hooli,Brand Manager,1/25/2024,No Response,,,,,',
        ].join('\n'),
        'template.csv',
      ),
    );
    expect(preview.mapping).toEqual(['company', 'position', 'appliedOn', 'stage', 'stageStep', 'contactName', 'contactEmail', 'salary', 'notes']);
    expect(preview.problems.map(({ row, code }) => [row, code])).toEqual([[4, 'two_dates']]);
    expect(imported).toMatchObject({
      'Acme Corp / Marketing Coordinator': { stage: 'interviewing', history: [['applied', '2024-01-15'], ['interviewing', '2024-01-29']], contacts: [{ name: 'Linda Park', email: 'linda.park@acme.com', phone: null }] },
      'Initech / Content Writer': { stage: 'applied', salaryMin: 25, salaryMax: 25, salaryCurrency: 'USD', salaryPeriod: 'hour', contacts: [{ name: 'Bob Lee', email: null, phone: '(555) 123-4567' }], notes: null },
      'Vandelay / Marketing Manager': { stage: 'interviewing', history: [['applied', '2024-01-26'], ['interviewing', '?']], notes: 'Second round next week\nInterview Date: 2/5/2024 & 2/12/2024' },
      'Hooli / Brand Manager': { stage: 'ghosted', history: [['applied', '2024-01-25'], ['ghosted', '?']], firstResponseOn: null },
    });
  });

  it('a workbook made by hand: the tracker sheet, Yes/No beside the date, Result, money formats, contacts, bad cells', async () => {
    const { preview, result, imported } = await importAsProposed(await corpus.handMadeWorkbook());
    expect(preview.settings).toMatchObject({ sheet: 'Applications', headerRow: 1 });
    expect(preview.mapping).toEqual(['company', 'position', null, 'appliedOn', 'stage', 'responseOn', 'salaryMin', 'salaryMax', 'contactName', 'contactEmail', 'contactPhone', 'postingUrl', 'workMode']);
    expect(preview.problems.map(({ row, code, severity }) => [row, code, severity])).toEqual([
      [7, 'missing_required', 'error'],
      [3, 'bad_date', 'warning'],
      [4, 'date_with_text', 'warning'],
      [5, 'implausible_date', 'warning'],
      [5, 'bad_url', 'warning'],
    ]);
    expect(result.summary).toMatchObject({ applications: 5, contacts: 1, skipped: [{ row: 7, reasons: ['missing_required'] }] });
    expect(imported).toMatchObject({
      'Monzo / Backend Engineer': {
        stage: 'rejected',
        appliedOn: '2024-03-01',
        firstResponseOn: '2024-03-15',
        history: [['applied', '2024-03-01'], ['rejected', '2024-03-15']],
        salaryMin: 60000,
        salaryMax: 75000,
        salaryCurrency: 'GBP',
        workMode: 'hybrid',
        postingUrl: 'https://monzo.com/careers/1',
        contacts: [{ name: 'Priya Shah', email: 'priya@monzo.com', phone: '+44 20 7946 0000' }],
      },
      'Revolut / Senior Backend Engineer': { stage: 'offer', appliedOn: null, salaryCurrency: 'GBP', notes: 'Date applied: sometime in March', history: [['applied', '?'], ['offer', '?']] },
      'Wise / Backend Engineer': { stage: 'ghosted', appliedOn: null, workMode: null, notes: 'Date applied: 12/03/2024 then chased 20/03' },
      'Deliveroo / Platform Engineer': { stage: 'interviewing', appliedOn: null, workMode: 'on_site', notes: 'Date applied: 31/12/9999\nLink: via a friend', contacts: [{ name: 'Priya Shah' }] },
      'Stripe / Backend Engineer': { stage: 'wishlist', salaryMin: 120000, salaryMax: 150000, salaryCurrency: 'USD' },
    });
    // A history the file does not date is placed at the time of the import, only to order it.
    expect(imported['Revolut / Senior Backend Engineer'].applied).toBeUndefined();
    expect((await app.api.invoke('applications.get', { id: imported['Revolut / Senior Backend Engineer'].id as string })).stageHistory[0].occurredAt.slice(0, 10)).toBe(today());
  });
});
