import Papa from 'papaparse';
import { csvDelimiters, type CsvDelimiter } from '../../src-shared/contract';

export interface CsvRecord {
  /** The record's number in the file, from 1 (a record may span lines when a quoted value holds line breaks). */
  row: number;
  cells: string[];
  /** Columns whose value was longer than the cell limit and was cut there. */
  cut: number[] | null;
  /** A quote opened in this record and never closed: the rest of the file was read into it. */
  unclosedQuote: boolean;
  /** The record had a non-empty value beyond the column limit. */
  tooWide: boolean;
}

const sampleRecords = 60;

/**
 * The delimiter that splits the first records into the same number of fields (more than one) most often.
 * Ties go to the order of `csvDelimiters`; a single column reads with a comma.
 */
export function detectDelimiter(sample: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of csvDelimiters) {
    const { data } = Papa.parse<string[]>(sample, { delimiter, preview: sampleRecords, skipEmptyLines: 'greedy' });
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

/** Whether some value of the sample is quoted. */
export function hasQuotes(sample: string, delimiter: CsvDelimiter): boolean {
  return new RegExp(`(^|[${delimiter === '\t' ? '\\t' : `\\${delimiter}`}])\\s*"`, 'm').test(sample);
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * A value read out of the text is, in V8, a view into the chunk it was cut from (a "sliced string", from 13
 * characters on; shorter ones are copied), which keeps the whole chunk (a megabyte of the file, two when it holds a
 * character past Latin-1) alive as long as the value is. The import's caches keep thousands of values (company
 * names, keys, placeholders told), so without a copy they kept most of the file's text: about 60 MB of the check's
 * live heap at 100,000 rows.
 */
const slicedFromChars = 13;

/** The value as a string of its own: concatenated, then cut, which makes V8 copy it into a flat string. */
function detached(value: string): string {
  return ` ${value}`.slice(1);
}

type State = 'start' | 'unquoted' | 'quoted' | 'quoteInQuoted';

/**
 * RFC 4180 delimited text, read incrementally: text is pushed a chunk at a time and each record is handed over as
 * soon as it ends, so a file is never held whole. Doubled quotes, delimiters and line breaks inside quotes are
 * understood; Windows and old Mac line ends become \n, also inside quoted values. A value longer than `maxCellChars`
 * is cut there (the rest is read and dropped), and values past `maxColumns` are not kept: one record can never
 * hold more than that, whatever the file.
 */
export class CsvTokenizer {
  private state: State = 'start';
  private cells: string[] = [];
  private field = '';
  private fieldCut = false;
  private cut: number[] | null = null;
  private fieldCount = 0;
  private tooWide = false;
  private pendingCR = false;
  private row = 1;
  private readonly delimiter: number;

  constructor(
    delimiter: CsvDelimiter,
    private readonly maxCellChars: number,
    private readonly maxColumns: number,
    private readonly onRecord: (record: CsvRecord) => void,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  private append(text: string): void {
    if (this.fieldCut || text.length === 0) return;
    const room = this.maxCellChars - this.field.length;
    if (text.length <= room) this.field += text;
    else {
      this.field += text.slice(0, room);
      this.fieldCut = true;
    }
  }

  private endField(): void {
    if (this.fieldCount < this.maxColumns) {
      this.cells.push(this.field.length < slicedFromChars ? this.field : detached(this.field));
      if (this.fieldCut) (this.cut ??= []).push(this.fieldCount);
    } else if (this.field.trim() !== '') this.tooWide = true;
    this.fieldCount += 1;
    this.field = '';
    this.fieldCut = false;
    this.state = 'start';
  }

  private endRecord(unclosedQuote = false): void {
    this.endField();
    this.onRecord({ row: this.row, cells: this.cells, cut: this.cut, unclosedQuote, tooWide: this.tooWide });
    this.row += 1;
    this.cells = [];
    this.cut = null;
    this.fieldCount = 0;
    this.tooWide = false;
  }

  /** Where reading goes on after the line end at `index`: past its \n too when it is \r\n (maybe in the next chunk). */
  private afterLineEnd(text: string, index: number): number {
    if (text.charCodeAt(index) !== CR) return index + 1;
    if (index + 1 >= text.length) {
      this.pendingCR = true;
      return index + 1;
    }
    return text.charCodeAt(index + 1) === LF ? index + 2 : index + 1;
  }

  push(text: string): void {
    let index = 0;
    const length = text.length;
    if (this.pendingCR) {
      this.pendingCR = false;
      // The \n of a \r\n split across two chunks.
      if (length > 0 && text.charCodeAt(0) === LF) index = 1;
    }
    while (index < length) {
      const code = text.charCodeAt(index);
      if (this.state === 'quoted') {
        // Copy up to the next quote or carriage return at once.
        let next = text.indexOf('"', index);
        const cr = text.indexOf('\r', index);
        if (next < 0) next = length;
        const stop = cr >= 0 && cr < next ? cr : next;
        this.append(text.slice(index, stop));
        index = stop;
        if (index >= length) break;
        if (text.charCodeAt(index) === CR) {
          this.append('\n');
          index = this.afterLineEnd(text, index);
          continue;
        }
        this.state = 'quoteInQuoted';
        index += 1;
        continue;
      }
      if (this.state === 'quoteInQuoted') {
        if (code === QUOTE) {
          this.append('"');
          this.state = 'quoted';
          index += 1;
          continue;
        }
        // The quote closed the value; anything before the delimiter is kept as it is (lenient, like spreadsheets).
        this.state = 'unquoted';
        continue;
      }
      if (this.state === 'start' && code === QUOTE) {
        this.state = 'quoted';
        index += 1;
        continue;
      }
      if (code === this.delimiter) {
        this.endField();
        index += 1;
        continue;
      }
      if (code === LF || code === CR) {
        this.endRecord();
        index = this.afterLineEnd(text, index);
        continue;
      }
      // An unquoted value: copy up to the next delimiter or line end at once.
      this.state = 'unquoted';
      let stop = index + 1;
      while (stop < length) {
        const next = text.charCodeAt(stop);
        if (next === this.delimiter || next === LF || next === CR) break;
        stop += 1;
      }
      this.append(text.slice(index, stop));
      index = stop;
    }
  }

  /** Hands over the last record; a trailing line break does not make an empty record of its own. */
  end(): void {
    if (this.state === 'quoted' || this.state === 'quoteInQuoted') {
      this.endRecord(this.state === 'quoted');
      return;
    }
    if (this.state === 'start' && this.field === '' && this.cells.length === 0 && this.fieldCount === 0) return;
    this.endRecord();
  }
}
