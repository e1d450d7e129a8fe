import ExcelJS from 'exceljs';
import type { TempApp } from '../../support/temp-app';
import { upload, windows1252 } from './files';

/**
 * Import files in the formats of the trackers people leave and of people's own sheets, written here from each
 * format's documentation or source (see docs/imports.md for the sources): the corpus the importer must read right
 * with its proposals accepted unchanged.
 */

const csv = (rows: string[][], delimiter = ',') =>
  rows.map((row) => row.map((cell) => (/[",;\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter)).join('\r\n') + '\r\n';

/** JobTracker SaaS: its API's and exports' French fields and its `reponse` values, as the JSON export writes them. */
export function jobTrackerJson() {
  const applications = [
    { entreprise: 'Airbus', poste: 'Ingénieur logiciel', type_poste: 'CDI', lieu: 'Toulouse', moyen: 'LinkedIn', date_candidature: '2024-03-01', lien: 'https://careers.airbus.com/job/1', reponse: 'positive', date_reponse: '2024-03-08', commentaire: 'Très bon premier appel', is_favorite: true },
    { entreprise: 'Thales', poste: 'Développeur C++', type_poste: 'CDD', lieu: 'Vélizy', moyen: 'Site entreprise', date_candidature: '2024-03-02', lien: '', reponse: 'negative', date_reponse: '2024-03-20', commentaire: '', is_favorite: false },
    { entreprise: 'Doctolib', poste: 'Développeuse React', type_poste: 'Alternance', lieu: 'Paris', moyen: 'Welcome to the Jungle', date_candidature: '2024-03-05', lien: null, reponse: 'pending', date_reponse: null, commentaire: null, is_favorite: false },
    { entreprise: 'Orange', poste: 'Data analyst', type_poste: 'Stage', lieu: 'Lyon', moyen: 'Cooptation', date_candidature: '2024-02-10', lien: null, reponse: 'no_response', date_reponse: null, commentaire: 'Relancé deux fois', is_favorite: false },
    { entreprise: 'Ubisoft', poste: 'Chef de projet', type_poste: 'Freelance', lieu: 'Montpellier', moyen: 'Indeed', date_candidature: '2024-01-15', lien: null, reponse: 'cancelled', date_reponse: null, commentaire: 'Poste pourvu en interne', is_favorite: false },
  ];
  return upload(JSON.stringify({ applications, interviews: [] }, null, 2), 'jobtracker-export.json');
}

/** JobTracker SaaS's CSV export: the same fields as columns, in Windows-1252 with semicolons, as Excel on Windows saves it. */
export function jobTrackerCsv() {
  const rows = [
    ['entreprise', 'poste', 'type_poste', 'lieu', 'moyen', 'date_candidature', 'lien', 'reponse', 'date_reponse', 'commentaire', 'is_favorite'],
    ['Société Générale', 'Développeur Java', 'CDI', 'Paris', 'APEC', '12/03/2024', 'https://careers.societegenerale.com/offre/42', 'negative', '25/03/2024', 'Relancé le 20/03', 'false'],
    ['L’Oréal', 'Chef de projet digital', 'CDD', 'Clichy', 'Pôle emploi', '05/04/2024', '', 'pending', '', '', 'true'],
  ];
  return upload(windows1252(csv(rows, ';')), 'jobtracker-export.csv');
}

/** JobSync's CSV export (src/app/api/jobs/export/route.ts): applied as Yes/No beside appliedDate, N/A for unknowns. */
export function jobSyncCsv() {
  return upload(
    csv([
      ['index', 'createdAt', 'applied', 'appliedDate', 'Company', 'JobTitle', 'jobType', 'workplaceType', 'Location', 'JobSource', 'Status'],
      ['1', '2024-03-01', 'Yes', '2024-03-02', 'Acme Corp', 'Frontend Developer', 'Full Time', 'Remote', 'Berlin', 'Linkedin', 'Interview'],
      ['2', '2024-03-03', 'No', 'N/A', 'Globex', 'Data Analyst', 'Part Time', 'Hybrid', 'N/A', 'Indeed', 'Draft'],
      ['3', '2024-03-04', 'Yes', '2024-03-05', 'Initech', 'QA Engineer', 'Contract', 'Onsite', 'Austin', 'ZipRecruiter', 'Rejected'],
      ['4', '2024-03-06', 'Yes', '2024-03-07', 'Hooli', 'Backend Engineer', 'Full Time', 'Not specified', 'Remote', 'Company Career page', 'Expired'],
      ['5', '2024-03-08', 'No', 'N/A', 'Umbrella', 'DevOps Engineer', 'Unknown', 'Remote', 'Paris', 'Other', 'Archived'],
      ['6', '2024-03-09', 'Yes', '2024-03-10', 'Stark Industries', 'Software Engineer', 'Full Time', 'Onsite', 'New York', 'Glassdoor', 'Offer'],
    ]),
    'jobsync-jobs.csv',
  );
}

/** Reactive Resume's application CSV import (docs: "Importing applications from CSV"): its headers and stage values. */
export function reactiveResumeCsv() {
  return upload(
    csv([
      ['Company', 'Role', 'Stage', 'Location', 'Salary', 'Source', 'Tags', 'Notes', 'URL', 'Applied Date'],
      ['Stripe', 'Frontend Engineer', 'applied', 'Remote', '$180k', 'LinkedIn', 'remote;react', '', 'https://stripe.com/jobs/1', '2024-05-02'],
      ['Vercel', 'Developer Advocate', 'screening', 'Remote', '$150k-$170k', 'Referral', 'devrel', 'Recruiter call booked', '', '2024-05-03'],
      ['Linear', 'Product Engineer', 'interview', 'San Francisco', '', 'Company website', '', '', '', '2024-05-04'],
      ['Figma', 'Design Engineer', 'saved', '', '', '', 'design|frontend', '', 'https://figma.com/careers/2', ''],
      ['Notion', 'Platform Engineer', 'rejected', 'New York', '', 'Indeed', '', '', '', '2024-04-20'],
    ]),
    'reactive-resume-applications.csv',
  );
}

/**
 * huntr-exporter's board CSV: one column per Huntr list, one card per cell, written by its Job.get_info as
 * "{job_title} - {company}".
 */
export function huntrBoardCsv() {
  return upload(
    csv([
      ['Wishlist', 'Applied', 'Interview', 'Offer', 'Rejected'],
      ['Software Engineer - Google', 'Backend Developer - Shopify', 'Data Engineer - Spotify', 'Senior Engineer - Wise', 'Frontend Developer - Meta'],
      ['Product Manager - Airbnb', 'Site Reliability Engineer - Datadog', '', '', 'Machine Learning Engineer - OpenAI'],
      ['', 'QA Analyst - Atlassian', '', '', ''],
    ]),
    'huntr-board.csv',
  );
}

/** Huntr's own export: list names as the status, dates month-first. */
export function huntrCsv() {
  return upload(
    csv([
      ['Job Title', 'Company', 'List', 'Location', 'Salary', 'URL', 'Date Created', 'Date Applied'],
      ['Software Engineer', 'Google', 'Wishlist', 'Mountain View, CA', '', 'https://careers.google.com/jobs/1', '03/01/2024', ''],
      ['Backend Developer', 'Shopify', 'Applied', 'Remote', '$140,000', '', '03/02/2024', '03/13/2024'],
      ['Data Engineer', 'Spotify', 'Interview', 'New York, NY', '', '', '03/03/2024', '03/04/2024'],
      ['Senior Engineer', 'Wise', 'Offer', 'London', '£95,000', '', '03/04/2024', '03/05/2024'],
    ]),
    'huntr-export.csv',
  );
}

/** Teal's job tracker export: its status words, saved and applied dates, min and max salary columns, excitement. */
export function tealCsv() {
  return upload(
    csv([
      ['Job Position', 'Company', 'Min. Salary', 'Max. Salary', 'Location', 'Status', 'Date Saved', 'Deadline', 'Date Applied', 'Follow Up', 'Excitement', 'URL', 'Notes'],
      ['Product Designer', 'Canva', '120000', '140000', 'Sydney', 'Applied', '2024-04-01', '', '2024-04-03', '', '4', 'https://canva.com/careers/1', ''],
      ['UX Researcher', 'Miro', '', '', 'Amsterdam', 'Bookmarked', '2024-04-02', '2024-05-01', '', '', '3', '', 'Looks great'],
      ['Design Lead', 'Pitch', '90000', '110000', 'Berlin', 'Negotiating', '2024-03-01', '', '2024-03-05', '', '5', '', ''],
      ['Visual Designer', 'Loom', '', '', 'Remote', 'I Withdrew', '2024-02-01', '', '2024-02-03', '', '2', '', ''],
      ['UI Designer', 'Mural', '', '', 'Remote', 'No Response 🔕', '2024-01-10', '', '2024-01-12', '', '1', '', ''],
      ['Senior Product Designer', 'Webflow', '', '', 'Remote', 'Not Selected', '2024-02-10', '', '2024-02-12', '', '3', '', ''],
    ]),
    'teal-job-tracker.csv',
  );
}

/** A Notion job-tracker template exported as CSV: Notion's long dates, a range, dollars, a contact with an e-mail. */
export function notionCsv() {
  return upload(
    csv([
      ['Company', 'Position', 'Status', 'Application Date', 'Contact', 'Contact Email', 'Salary', 'Job Posting', 'Tags', 'Notes'],
      ['Figma', 'Frontend Engineer', 'Applied', 'March 12, 2024', 'Jane Doe', 'jane@figma.com', '$150,000.00', 'https://figma.com/careers/9', 'frontend, react', ''],
      ['Canva', 'Backend Engineer', 'Interviewing', 'March 14, 2024 → March 20, 2024', 'Tom Lee', 'tom@canva.com', '', '', '', 'Two rounds'],
      ['Miro', 'Data Engineer', 'Not started', '', '', '', '', '', '', ''],
      ['Atlassian', 'SRE', 'Rejected', 'February 2, 2024', 'Jane Doe', 'jane@figma.com', '', '', '', 'Same recruiter as Figma'],
      ['Stripe', 'Engineer', 'Offer', 'January 5, 2024 2:30 PM', '', '', '$200,000.00', '', '', ''],
    ]),
    'notion-job-tracker.csv',
  );
}

/** An Airtable job-hunting base exported as CSV: month-first dates, its stage names, contact columns. */
export function airtableCsv() {
  return upload(
    csv([
      ['Position', 'Company', 'Stage', 'Application date', 'Salary', 'Location', 'Job posting URL', 'Contact name', 'Contact email', 'Interest level', 'Notes'],
      ['Data Scientist', 'Netflix', 'Phone screen', '3/12/2024', '$180,000.00', 'Los Gatos, CA', 'https://jobs.netflix.com/1', 'Sam Park', 'sam@netflix.com', '5', ''],
      ['ML Engineer', 'Uber', 'On-site interview', '3/14/2024', '', 'San Francisco, CA', '', '', '', '4', ''],
      ['Data Analyst', 'Lyft', 'Researching', '', '', '', '', '', '', '3', ''],
      ['Analytics Engineer', 'DoorDash', 'Rejected', '2/28/2024', '', '', '', 'Amy Chen', 'not-an-email', '2', ''],
    ]),
    'airtable-job-hunting.csv',
  );
}

/** Simplify's tracker export: its status words and an hourly rate. */
export function simplifyCsv() {
  return upload(
    csv([
      ['Company', 'Job Title', 'Status', 'Date Applied', 'Location', 'Job URL', 'Salary'],
      ['Jane Street', 'Software Engineer Intern', 'Online Assessment', '2024-09-01', 'New York, NY', 'https://janestreet.com/join/1', '$50/hr'],
      ['Citadel', 'Quant Intern', 'Screen', '2024-09-02', 'Chicago, IL', '', '$60/hr'],
      ['Two Sigma', 'SWE Intern', 'Saved', '', 'New York, NY', '', ''],
      ['HRT', 'Software Engineer Intern', 'Withdrawn', '2024-09-05', '', '', ''],
    ]),
    'simplify-tracker.csv',
  );
}

/**
 * A student's internship sheet made by hand: a title merged over the columns and a blank row above the header,
 * one column per step holding the date reached (or an x), and the outcome.
 */
export async function internshipSteps() {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Internships 2024');
  sheet.addRow(['Summer internship applications 2024']);
  sheet.mergeCells('A1:H1');
  sheet.addRow([]);
  sheet.addRow(['Company', 'Role', 'Applied', 'Coding challenge', 'Phone screen', 'Onsite', 'Offer', 'Outcome']);
  const day = (month: number, date: number) => new Date(Date.UTC(2024, month - 1, date));
  sheet.addRow(['Google', 'SWE Intern', day(1, 10), day(1, 20), day(2, 1), day(2, 15), null, 'Rejected']);
  sheet.addRow(['Meta', 'Production Engineer Intern', day(1, 12), 'x', day(2, 3), null, null, 'Ghosted']);
  sheet.addRow(['Jane Street', 'Trading Intern', day(1, 15), day(1, 25), day(2, 5), day(2, 20), day(3, 1), 'Accepted']);
  sheet.addRow(['Stripe', 'Software Engineer Intern', day(1, 18), null, null, null, null, null]);
  for (const row of [4, 5, 6, 7]) for (const column of ['C', 'D', 'E', 'F', 'G']) sheet.getCell(`${column}${row}`).numFmt = 'dd/mm/yyyy';
  return upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'internships.xlsx');
}

/**
 * A UK/US workbook made by hand: a notes sheet before the tracker, a Yes/No "Applied" beside the date, a Result
 * column, amounts formatted in dollars and pounds, separate minimum and maximum, recruiter columns, and the bad
 * cells people leave (a sentence, a typo, two dates, words around a date, N/A, a year 9999).
 */
export async function handMadeWorkbook() {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Read me').addRow(['How I track my search: one row per application']);
  const sheet = workbook.addWorksheet('Applications');
  sheet.addRow(['Company', 'Job', 'Applied', 'Date applied', 'Result', 'Response date', 'Salary min', 'Salary max', 'Recruiter', 'Recruiter email', 'Recruiter phone', 'Link', 'Remote']);
  const day = (month: number, date: number) => new Date(Date.UTC(2024, month - 1, date));
  sheet.addRow(['Monzo', 'Backend Engineer', 'Yes', day(3, 1), 'Rejected', day(3, 15), 60000, 75000, 'Priya Shah', 'priya@monzo.com', '+44 20 7946 0000', { text: 'Posting', hyperlink: 'https://monzo.com/careers/1' }, 'Hybrid']);
  sheet.addRow(['Revolut', 'Senior Backend Engineer', 'Yes', 'sometime in March', 'Offer', null, 90000, 110000, null, null, null, null, 'Remote']);
  sheet.addRow(['Wise', 'Backend Engineer', 'Yes', '12/03/2024 then chased 20/03', 'Ghosted', null, null, null, null, null, null, null, 'N/A']);
  sheet.addRow(['Deliveroo', 'Platform Engineer', 'Yes', '31/12/9999', 'Interview', null, null, null, 'Priya Shah', 'priya@monzo.com', null, 'via a friend', 'Office']);
  sheet.addRow(['Stripe', 'Backend Engineer', 'No', null, null, null, 120000, 150000, null, null, null, null, 'Remote']);
  sheet.addRow(['N/A', 'Backend Engineer', 'Yes', day(3, 5), 'Rejected', null, null, null, null, null, null, null, null]);
  for (const row of [2, 3]) {
    sheet.getCell(`G${row}`).numFmt = '"£"#,##0';
    sheet.getCell(`H${row}`).numFmt = '"£"#,##0';
  }
  sheet.getCell('G6').numFmt = '[$$-409]#,##0.00';
  sheet.getCell('H6').numFmt = '[$$-409]#,##0.00';
  for (const row of [2, 7]) sheet.getCell(`D${row}`).numFmt = 'dd/mm/yyyy';
  sheet.getCell('F2').numFmt = 'dd/mm/yyyy';
  return upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'my-job-search.xlsx');
}

export interface Imported {
  company: string;
  position: string;
  stage: string;
  appliedOn: string | null;
  firstResponseOn: string | null;
  archived: boolean;
  /** Category and day of each step, oldest first; "?" when the file did not date it. */
  history: [string, string][];
  contacts: { name: string; email: string | null; phone: string | null }[];
  notes: string | null;
  [field: string]: unknown;
}

/** Every application, with its history (category, day) and contacts, by "Company / Position". */
export async function importedApplications(app: TempApp): Promise<Map<string, Imported>> {
  const page = await app.api.invoke('applications.list', { archived: 'all', limit: 1000, sort: { column: 'company', direction: 'asc' } });
  const result = new Map<string, Imported>();
  for (const item of page.items) {
    const detail = await app.api.invoke('applications.get', { id: item.id });
    result.set(`${detail.companyName} / ${detail.position}`, {
      ...detail,
      company: detail.companyName,
      position: detail.position,
      stage: detail.stageCategory,
      appliedOn: detail.appliedOn,
      firstResponseOn: detail.firstResponseOn,
      archived: detail.archived,
      history: [...detail.stageHistory]
        .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
        // A step the file did not date shows as "?".
        .map((event) => [event.toCategory, event.dateUnknown ? '?' : event.occurredAt.slice(0, 10)] as [string, string]),
      contacts: detail.contacts.map((contact) => ({ name: contact.name, email: contact.email, phone: contact.phone })),
      notes: detail.notes,
    });
  }
  return result;
}
