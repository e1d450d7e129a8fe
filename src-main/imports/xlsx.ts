import ExcelJS from 'exceljs';
import { importError } from './errors';
import type { Cell, GridRow } from './table';

export interface Workbook {
  sheets: string[];
  /** The rows of a sheet, with their spreadsheet row numbers. */
  grid(sheet: string): GridRow[];
}

function richText(value: unknown): string | null {
  if (typeof value === 'object' && value !== null && Array.isArray((value as { richText?: unknown }).richText)) {
    return ((value as { richText: { text?: unknown }[] }).richText).map((part) => String(part.text ?? '')).join('');
  }
  return null;
}

/** exceljs cell values (formulas, rich text, hyperlinks, errors) as our plain cells. */
export function toCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  const rich = richText(value);
  if (rich !== null) return rich;
  if ('hyperlink' in value) {
    const text = typeof value.text === 'string' ? value.text : (richText(value.text) ?? '');
    return { text, link: value.hyperlink };
  }
  if ('formula' in value || 'sharedFormula' in value) return toCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return null;
}

/** Loads a workbook from memory; a truncated or damaged file is refused with a clear error. */
export async function readWorkbook(bytes: Buffer, fileName: string): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw importError('VALIDATION', 'corrupt_xlsx', `${fileName} is not a readable Excel workbook (damaged or truncated)`, {
      fileName,
      cause: error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200),
    });
  }
  const worksheets = workbook.worksheets.filter((sheet) => sheet.state !== 'veryHidden');
  const grids = new Map<string, GridRow[]>();
  return {
    sheets: worksheets.map((sheet) => sheet.name),
    grid(name) {
      const cached = grids.get(name);
      if (cached) return cached;
      const sheet = worksheets.find((candidate) => candidate.name === name);
      if (!sheet) throw importError('VALIDATION', 'sheet_not_found', `${fileName} has no sheet named ${name}`, { fileName, sheet: name });
      const grid: GridRow[] = [];
      sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const cells: Cell[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          cells[column - 1] = toCell(cell.value);
        });
        for (let index = 0; index < cells.length; index += 1) if (cells[index] === undefined) cells[index] = null;
        grid.push({ row: rowNumber, cells });
      });
      grids.set(name, grid);
      return grid;
    },
  };
}
