import Papa from 'papaparse';
import { csvDelimiters, type CsvDelimiter } from '../../src-shared/contract';
import type { GridRow } from './table';

export interface CsvGrid {
  grid: GridRow[];
  delimiter: CsvDelimiter;
  quoted: boolean;
  /** Records where a quote opens and never closes (the rest of the file was swallowed into one field). */
  unclosedQuoteRows: number[];
}

const sampleRecords = 60;

/**
 * The delimiter that splits the first records into the same number of fields (more than one) most often.
 * Ties go to the order of `csvDelimiters`; a single column reads with a comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of csvDelimiters) {
    const { data } = Papa.parse<string[]>(text, { delimiter, preview: sampleRecords, skipEmptyLines: 'greedy' });
    const counts = new Map<number, number>();
    for (const record of data) counts.set(record.length, (counts.get(record.length) ?? 0) + 1);
    let modeWidth = 1;
    let modeCount = 0;
    for (const [width, count] of counts) if (count > modeCount || (count === modeCount && width > modeWidth)) [modeWidth, modeCount] = [width, count];
    if (modeWidth < 2 || data.length === 0) continue;
    // Consistent rows first; a wider split breaks ties between equally consistent delimiters.
    const score = modeCount / data.length + modeWidth / 10_000;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** Parses delimited text: RFC 4180 quoting (doubled quotes, delimiters and newlines inside quotes). */
export function parseCsv(raw: string, chosen?: CsvDelimiter): CsvGrid {
  // Windows and old Mac line ends, also inside quoted values, become \n: notes keep one kind of line break.
  const text = raw.replace(/\r\n?/g, '\n');
  const delimiter = chosen ?? detectDelimiter(text);
  const result = Papa.parse<string[]>(text, { delimiter, quoteChar: '"', escapeChar: '"', skipEmptyLines: false });
  const grid = result.data.map((cells, index) => ({ row: index + 1, cells }));
  // A trailing newline gives a last record with one empty field: not a row of the user's.
  const last = grid.at(-1);
  if (last && last.cells.length === 1 && last.cells[0] === '') grid.pop();
  const unclosedQuoteRows = result.errors
    .filter((error) => error.code === 'MissingQuotes' && error.row !== undefined)
    .map((error) => (error.row as number) + 1);
  const quoted = new RegExp(`(^|[${delimiter === '\t' ? '\\t' : `\\${delimiter}`}])\\s*"`, 'm').test(text.slice(0, 65_536));
  return { grid, delimiter, quoted, unclosedQuoteRows };
}
