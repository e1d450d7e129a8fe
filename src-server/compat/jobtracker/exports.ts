import ExcelJS from 'exceljs';
import { csvRecord } from '../../../src-main/exports/csv';
import { neutraliseFormula } from '../../../src-main/exports/formula';
import type { JobApplication } from './applications';
import type { JobInterview } from './interviews';
import { byMethod, byStatus, byType, dashboard, timeline } from './statistics';

/** The columns of JobTracker SaaS's exports: its own field names, in its order. */
const columns = [
  'id',
  'entreprise',
  'poste',
  'type_poste',
  'lieu',
  'moyen',
  'date_candidature',
  'lien',
  'reponse',
  'date_reponse',
  'commentaire',
  'is_favorite',
  'salaire_min',
  'salaire_max',
  'competences',
  'contact_name',
  'contact_email',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof JobApplication)[];

/** A value as spreadsheet text: lists joined, and text that a spreadsheet would run as a formula neutralised. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return neutraliseFormula(value.join(', '));
  return typeof value === 'string' ? neutraliseFormula(value) : String(value);
}

export function applicationsJson(items: readonly JobApplication[], interviews: readonly JobInterview[], nowIso: string) {
  return { exported_at: nowIso, total: items.length, applications: items, interviews };
}

/** RFC 4180 with a UTF-8 byte order mark (Excel then reads the accents right). */
export function applicationsCsv(items: readonly JobApplication[]): string {
  return `\uFEFF${csvRecord([...columns], ',')}${items.map((item) => csvRecord(columns.map((column) => cellText(item[column])), ',')).join('')}`;
}

function sheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: unknown[][]): void {
  const worksheet = workbook.addWorksheet(name);
  worksheet.addRow(header).font = { bold: true };
  for (const row of rows) worksheet.addRow(row.map((value) => (typeof value === 'number' ? value : cellText(value))));
  worksheet.columns.forEach((column) => (column.width = 18));
}

export async function applicationsWorkbook(items: readonly JobApplication[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  sheet(workbook, 'Candidatures', [...columns], items.map((item) => columns.map((column) => item[column])));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function statisticsWorkbook(items: readonly JobApplication[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  sheet(workbook, 'Tableau de bord', ['indicateur', 'valeur'], Object.entries(dashboard(items)));
  sheet(workbook, 'Par statut', ['status', 'label', 'count', 'percentage'], byStatus(items).map((row) => Object.values(row)));
  sheet(workbook, 'Par type', ['type', 'label', 'count', 'percentage'], byType(items).map((row) => Object.values(row)));
  sheet(workbook, 'Par moyen', ['method', 'label', 'count', 'percentage'], byMethod(items).map((row) => Object.values(row)));
  sheet(workbook, 'Chronologie', ['date', 'count', 'cumulative'], timeline(items).map((row) => Object.values(row)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
