/**
 * Spreadsheet formula injection (CSV injection): a cell that starts with one of these is read as a formula by
 * Excel, LibreOffice and Google Sheets when the file is opened or re-saved. Text from job postings and e-mails
 * lands in exports, so such text is prefixed with an apostrophe, which spreadsheets show as plain text.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}
