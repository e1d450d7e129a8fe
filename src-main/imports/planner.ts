import {
  dateImportFields,
  importLimits,
  stageColumnFields,
  valueMappedFields,
  type CustomFieldTarget,
  type DateOrder,
  type ImportTarget,
  type ImportValueChoice,
  type StageCategory,
  type ValueMappedField,
} from '../../src-shared/contract';
import type { FieldShape } from '../custom-fields/values';
import type { Database } from '../db/connection';
import type { FilePlan, ImportInput } from './analyse';
import { cardOrder, parseCard, type Card } from './cards';
import type { RowPlan } from './convert';
import { checkCustomTargets, importableCustomFields, proposeCustomFields } from './custom-fields';
import { DateOrderEvidence, fileDateOrder, readsAsSlashDate } from './dates';
import { importError } from './errors';
import { findHeaderRow, headerCandidates, headerSearchRows } from './header-row';
import { valueKey } from './keys';
import { ColumnProfiler, type ColumnProfile } from './profile';
import { proposeMapping } from './propose';
import type { ReadRow, TableFile } from './reader';
import { ValueResolver } from './resolve';
import { cellText, shorten, type GridRow } from './table';
import { isPlaceholder } from './values';

/** Rows whose values are looked at to propose the mapping. */
const profileRows = 2000;
/** Distinct values counted per value-mapped column (the most frequent are listed). */
const countedValues = 5000;

/** What the plan knows once it has profiled the first rows: all that converting a row needs but the date orders. */
export type DecidedPlan = Pick<FilePlan, 'file' | 'headerRow' | 'headers' | 'candidates' | 'mapping' | 'proposals' | 'customFields' | 'columnStages' | 'rowPlan' | 'resolver'>;

function columnsByField(mapping: readonly (ImportTarget | null)[]): Map<ImportTarget, number[]> {
  const result = new Map<ImportTarget, number[]>();
  mapping.forEach((field, column) => {
    if (field === null) return;
    const list = result.get(field) ?? [];
    list.push(column);
    result.set(field, list);
  });
  return result;
}

function remembered(fn: (text: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let result = cache.get(text);
    if (result === undefined) {
      result = fn(text);
      if (cache.size < 50_000) cache.set(text, result);
    }
    return result;
  };
}

/** Distinct values of each value-mapped column with what each maps to, unknown ones first. */
function valueChoices(counts: Map<number, Map<string, { value: string; count: number }>>, columnsOf: ReadonlyMap<ImportTarget, readonly number[]>, resolver: ValueResolver) {
  const values: Partial<Record<ValueMappedField, ImportValueChoice[]>> = {};
  for (const field of valueMappedFields) {
    const columns = columnsOf.get(field);
    if (!columns) continue;
    // A status and an outcome column share one list: a value means the same in both.
    const merged = new Map<string, { value: string; count: number }>();
    for (const column of columns) {
      for (const [key, { value, count }] of counts.get(column) ?? []) {
        const seen = merged.get(key);
        merged.set(key, { value: seen?.value ?? value, count: (seen?.count ?? 0) + count });
      }
    }
    values[field] = [...merged]
      .map(([key, { value, count }]) => {
        const { target, recognised } = resolver.resolve(field, key, value);
        return { key, value: shorten(value, 200), count, target, resolved: target !== undefined && recognised };
      })
      // Unknown values first: they are the ones the user must decide.
      .sort((a, b) => Number(a.resolved) - Number(b.resolved) || b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, importLimits.maxDistinctValues);
  }
  return values;
}

/**
 * The first pass over a file, a row at a time (`take` each row of `rows`, then `finish`): finds the header row,
 * profiles the first rows' values to propose the mapping (or takes the user's), then reads every row to learn how
 * its dates read (day or month first) and which values each value-mapped column holds. Memory stays bounded: only
 * the first rows are kept.
 *
 * Everything a row's conversion needs is `decided` once the first rows are profiled, but for how slash dates read
 * in a date column whose order the user did not choose: that takes the whole file's evidence. So a row that holds
 * none (`waitsForDateOrder`) converts the same before the pass ends as after it, which lets an import check its
 * rows while the pass still reads (check-worker.ts).
 */
export class FilePlanner {
  /** The rows after the first ones (read to find the header), for the caller to `take`. */
  readonly rows: Iterator<ReadRow>;
  private readonly settings: NonNullable<ImportInput['settings']>;
  private readonly resolver: ValueResolver;
  private readonly customFields: Map<CustomFieldTarget, FieldShape>;
  private readonly head: ReadRow[] = [];
  private readonly header: { row: number | null; headers: string[] };
  private readonly sample: ReadRow[] = [];
  private width: number;
  private rowCount = 0;
  private readonly samples: string[][] = [];
  private readonly previewRows: FilePlan['previewRows'] = [];
  private plan: DecidedPlan | null = null;
  private readonly evidence = new Map<number, DateOrderEvidence>();
  /** Date columns whose order comes from the evidence (the user chose none). */
  private readonly evidencedOrder: number[] = [];
  private readonly valueCounts = new Map<number, Map<string, { value: string; count: number }>>();
  private readonly valueColumns = new Set<number>();
  private decidedNow: () => void = () => undefined;
  /** Settles once the plan is decided (never when the pass fails or ends first: race it with the pass). */
  readonly decision = new Promise<void>((resolve) => (this.decidedNow = resolve));

  constructor(
    private readonly db: Database,
    private readonly file: TableFile,
    private readonly input: ImportInput,
  ) {
    this.settings = input.settings ?? {};
    this.resolver = new ValueResolver(db, input.valueMaps ?? {});
    this.customFields = importableCustomFields(db);
    this.rows = file.rows()[Symbol.iterator]();

    // The first rows, to find the header in.
    while (this.head.length < headerSearchRows) {
      const next = this.rows.next();
      if (next.done) break;
      this.head.push(next.value);
    }
    const chosen = this.settings.hasHeader === false ? null : this.settings.headerRow;
    this.header = file.fixedHeaders ? { row: null, headers: file.fixedHeaders } : findHeaderRow(this.head, file.merges(), chosen);
    this.width = this.header.headers.length;
    for (const row of this.head) this.take(row);
  }

  /** The mapping and how rows convert, once the first rows are profiled (or every row read, in a short file). */
  get decided(): DecidedPlan | null {
    return this.plan;
  }

  private isData(row: GridRow): boolean {
    return this.header.row === null || row.row > this.header.row;
  }

  /** Every row of the file comes through here once, in order (the first ones from the constructor). */
  take(row: ReadRow): void {
    if (!this.isData(row)) return;
    this.rowCount += 1;
    if (row.cells.length > this.width) this.width = Math.min(row.cells.length, importLimits.maxColumns);
    row.cells.forEach((cell, column) => {
      const list = (this.samples[column] ??= []);
      if (list.length >= 3) return;
      const text = cellText(cell);
      if (text && !list.includes(shorten(text, 80))) list.push(shorten(text, 80));
    });
    if (this.previewRows.length < importLimits.previewRows) this.previewRows.push({ row: row.row, cells: row.cells.map((cell) => shorten(cellText(cell), importLimits.previewCellChars)) });
    if (this.plan) this.learn(row);
    else {
      this.sample.push(row);
      if (this.sample.length >= profileRows) this.decide();
    }
  }

  /**
   * Whether converting this row takes the whole file's date evidence: it holds a slash date (12/03/2024) in a date
   * column whose order the user did not choose. Only once the plan is decided.
   */
  waitsForDateOrder(row: GridRow): boolean {
    return this.evidencedOrder.some((column) => readsAsSlashDate(row.cells[column] ?? null));
  }

  private decide(): void {
    const { db, input, resolver, customFields, header, sample, width, evidence, valueColumns } = this;
    const profilers = Array.from({ length: width }, () => new ColumnProfiler((field, key) => resolver.recognises(field, key)));
    for (const row of sample) row.cells.forEach((cell, column) => profilers[column]?.add(cell));
    const profiles: ColumnProfile[] = profilers.map((profiler) => profiler.result());
    const headers = Array.from({ length: width }, (_, column) => header.headers[column] ?? '');
    const headerStages = headers.map((name) => (name ? resolver.stageOfHeader(name) : null));
    const proposals = proposeMapping(headers.map((name, column) => ({ header: name, profile: profiles[column], headerStage: headerStages[column] })));
    proposeCustomFields(headers, sample, proposals, customFields);
    const given = input.mapping;
    const mapping = Array.from({ length: width }, (_, column) => (given ? (given[column] ?? null) : proposals[column].field));
    checkCustomTargets(mapping, customFields, headers);
    const columnsOf = columnsByField(mapping);
    const mappedCustomFields = new Map([...customFields].filter(([target]) => columnsOf.has(target)));
    const columnStages = new Map<number, { id: string; category: StageCategory } | null>();
    for (const field of stageColumnFields) {
      for (const column of columnsOf.get(field) ?? []) {
        const chosenStage = input.columnStages?.[String(column)];
        const category = chosenStage ? resolver.categoryOf(chosenStage) : undefined;
        columnStages.set(column, chosenStage === null ? null : chosenStage && category ? { id: chosenStage, category } : headerStages[column]);
      }
    }
    for (const field of dateImportFields) for (const column of columnsOf.get(field) ?? []) evidence.set(column, new DateOrderEvidence());
    for (const [target, field] of mappedCustomFields) if (field.kind === 'date') for (const column of columnsOf.get(target) ?? []) evidence.set(column, new DateOrderEvidence());
    for (const field of valueMappedFields) for (const column of columnsOf.get(field) ?? []) valueColumns.add(column);
    const cards: Card[] = [];
    for (const column of columnsOf.get('stageCards') ?? []) {
      for (const row of sample) {
        const card = parseCard(cellText(row.cells[column] ?? null));
        if (card) cards.push(card);
      }
    }
    const mapped = new Set(mapping.flatMap((field, column) => (field === null ? [] : [column])));
    const chosenOrders = this.settings.dateOrders ?? {};
    for (const column of evidence.keys()) if (chosenOrders[String(column)] === undefined) this.evidencedOrder.push(column);
    const defaultCurrency = (db.sql(`SELECT default_currency FROM profile LIMIT 1`).pluck().get() as string | undefined) ?? 'EUR';
    const rowPlan: RowPlan = {
      headers,
      columnsOf,
      customFields: mappedCustomFields,
      extraNoteColumns: input.options?.unmappedToNotes ? headers.map((_, column) => column).filter((column) => !mapped.has(column)) : [],
      dateOrder: (column): DateOrder => chosenOrders[String(column)] ?? evidence.get(column)?.result(fileDateOrder(evidence.values())).order ?? 'dmy',
      values: resolver,
      keyOf: remembered(valueKey),
      defaultCurrency,
      columnStages,
      cardOrder: cardOrder(cards),
    };
    this.plan = {
      file: this.file,
      headerRow: header.row,
      headers,
      candidates: this.file.fixedHeaders ? [] : headerCandidates(this.head),
      mapping,
      proposals,
      customFields,
      columnStages,
      rowPlan,
      resolver,
    };
    for (const row of sample) this.learn(row);
    this.decidedNow();
  }

  private learn(row: GridRow): void {
    for (const [column, dates] of this.evidence) dates.add(row.cells[column] ?? null);
    for (const column of this.valueColumns) {
      const text = cellText(row.cells[column] ?? null);
      if (!text || isPlaceholder(text)) continue;
      const key = this.plan!.rowPlan.keyOf(text);
      let counts = this.valueCounts.get(column);
      if (!counts) this.valueCounts.set(column, (counts = new Map()));
      const entry = counts.get(key);
      if (entry) entry.count += 1;
      else if (counts.size < countedValues) counts.set(key, { value: text, count: 1 });
    }
  }

  /** The plan, once every row was taken. */
  finish(): FilePlan {
    const { file, header, width, evidence, input } = this;
    if (this.rowCount === 0) throw importError('VALIDATION', 'no_rows', `${file.fileName} has no rows to import`, { fileName: file.fileName });
    if (!this.plan) this.decide();
    const decided = this.plan!;
    // Columns first seen after the profiled rows are not mapped (unless the user maps them).
    if (decided.mapping.length < width) {
      for (let column = decided.mapping.length; column < width; column += 1) {
        decided.mapping.push(input.mapping?.[column] ?? null);
        decided.proposals.push({ field: null, reasons: [] });
        decided.headers.push(header.headers[column] ?? '');
      }
    }
    const fileOrder = fileDateOrder(evidence.values());
    const columnDates = new Map([...evidence].map(([column, dates]) => [column, dates.result(fileOrder)]));
    const dateOrders: Record<string, DateOrder> = {};
    for (const [column, dates] of columnDates) if (dates.order) dateOrders[String(column)] = dates.order;
    return {
      ...decided,
      rowCount: this.rowCount,
      columnDates,
      dateOrders,
      values: valueChoices(this.valueCounts, decided.rowPlan.columnsOf, this.resolver),
      samples: Array.from({ length: width }, (_, column) => this.samples[column] ?? []),
      previewRows: this.previewRows.map((row) => ({ row: row.row, cells: Array.from({ length: width }, (_, column) => row.cells[column] ?? '') })),
    };
  }
}
