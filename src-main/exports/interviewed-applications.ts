import type { ExportReader } from './reader';
import type { TableSpec } from './table';
import { interviewColumnsOf, type ApplicationRow, type InterviewRow } from './tables';

/** An interview as the one-thread export reads it: its columns and its application's rowid, nothing joined. */
export type WalkInterviewRow = Omit<InterviewRow, 'company_name' | 'position'> & { application_seq: number };

type Shown = Pick<InterviewRow, 'company_name' | 'position'>;

/**
 * The company and position of each exported application that has interviews, kept from the applications' walk
 * (history-walk.ts) for the interviews sheet, which then reads the interviews alone.
 *
 * Why: the interviews sheet is in date order, so its query (interviewsTable) looked up each interview's application
 * row at random for its position, company and filters: about 70,000 page reads at 100,000 applications, on a cache
 * that the applications' walk had just filled with other pages. Here each interview finds its application's rowid in
 * the covering index on the id (about 1,100 pages, which stay in the cache), and its text in memory; the
 * interviews of applications not exported (deleted, archived, filtered out) are those whose rowid the walk did not
 * see. Held: the two texts of about 25,000 applications (those with interviews), a few MB.
 */
export class InterviewedApplications {
  /** The interviews sheet's rows once the applications are written: every live interview, with its application's rowid. */
  static readonly sheetQuery = `SELECT i.*, a.seq AS application_seq FROM interviews i JOIN applications a ON a.id = i.application_id
    WHERE i.deleted_at IS NULL ORDER BY i.scheduled_at, i.rowid`;

  private readonly shown = new Map<number, Shown>();

  private constructor(private readonly interviewed: ReadonlySet<number>) {}

  /** The rowids of the applications with live interviews, in the reader's state (a scan of the interviews table). */
  static async read(reader: ExportReader): Promise<InterviewedApplications> {
    const interviewed = new Set<number>();
    const query = {
      // CROSS JOIN keeps the interviews first: SQLite would otherwise scan the applications' table for the join.
      sql: `SELECT a.seq FROM interviews i CROSS JOIN applications a ON a.id = i.application_id WHERE i.deleted_at IS NULL`,
      params: [],
    };
    for await (const batch of reader.rawBatches(query, 5_000)) for (const [seq] of batch as [number][]) interviewed.add(seq);
    return new InterviewedApplications(interviewed);
  }

  /** Keeps the texts of a batch of the applications sheet's rows that have interviews. */
  add(applications: readonly Pick<ApplicationRow, 'seq' | 'company_name' | 'position'>[]): void {
    for (const { seq, company_name, position } of applications) if (this.interviewed.has(seq)) this.shown.set(seq, { company_name, position });
  }

  /**
   * The interviews sheet, once the applications are written: the interviews of the applications written, in date
   * order, as interviewsTable gives them (test/exports/interviewed-applications.test.ts).
   */
  table(): TableSpec<WalkInterviewRow> {
    return {
      sheet: 'interviews',
      columns: interviewColumnsOf<WalkInterviewRow>((row) => this.shown.get(row.application_seq)!),
      select: { sql: InterviewedApplications.sheetQuery, params: [] },
      keep: (row) => this.shown.has(row.application_seq),
    };
  }
}
