import type { ApplicationFilters } from '../../src-shared/contract';
import type { ExportReader } from './reader';
import type { TableSpec } from './table';
import { contactColumnsOf, everyContactSelect, narrowsSelection, type ApplicationRow, type CompanyCounts, type ContactRow } from './tables';

/** A contact as the one-thread export reads it: its columns, without its applications. */
export type WalkContactRow = Omit<ContactRow, 'positions'>;

/** What the Applications column of the contacts sheet shows of one application, and where it sorts. */
interface Shown {
  company_name: string;
  position: string;
  /** The rank of its applied date among those of the walk (0 for the newest); equal dates share one. */
  appliedRank: number;
}

/**
 * The company and position of each exported application linked to a contact, kept from the applications' walk
 * (history-walk.ts) for the contacts sheet, which then reads the contacts alone.
 *
 * Why: the contacts sheet's Applications column (contactsTable) looked up each link's application row at random
 * for its company, position and applied date: about 107,000 read calls and 0.8 s of CPU at 100,000 applications
 * (`test/bench/measure-excel-reads.ts`, under load), on a cache the walk had filled with other pages. Here the links
 * are read before the walk (about 22,000, through the partial index on the contact and the covering index on the
 * application's id), each contact's list is made in memory from the texts the walk kept, in contactsTable's order:
 * newest applied first, equal dates in the order of the links' rowids. The walk's order is the applied date's
 * (descending, SQLite's comparison), so the rank of each date in it orders them as SQLite does, without comparing
 * the dates here. Held: the two texts of the applications with contacts, a few MB at most.
 */
export class ContactedApplications {
  private readonly shown = new Map<number, Shown>();
  private rank = -1;
  private lastApplied: string | null | undefined;

  private constructor(
    /** By contact id: the rowids of its linked applications, in the order of the links' rowids. */
    private readonly links: ReadonlyMap<string, number[]>,
    private readonly linked: ReadonlySet<number>,
  ) {}

  /** Every live link between a contact and an application, in the reader's state. */
  static async read(reader: ExportReader): Promise<ContactedApplications> {
    const links = new Map<string, number[]>();
    const linked = new Set<number>();
    const query = {
      // CROSS JOIN keeps the links first; deleted applications' links too (the covering index on the id answers
      // alone): those never written are left out in memory.
      sql: `SELECT ac.contact_id, a.seq FROM application_contacts ac CROSS JOIN applications a ON a.id = ac.application_id
        WHERE ac.deleted_at IS NULL ORDER BY ac.contact_id, ac.rowid`,
      params: [],
    };
    for await (const batch of reader.rawBatches(query, 5_000)) {
      for (const [contact, seq] of batch as [string, number][]) {
        const seqs = links.get(contact);
        if (seqs) seqs.push(seq);
        else links.set(contact, [seq]);
        linked.add(seq);
      }
    }
    return new ContactedApplications(links, linked);
  }

  /** Follows the walk: every row of the applications sheet, batch after batch, in its order. */
  add(applications: readonly Pick<ApplicationRow, 'seq' | 'company_name' | 'position' | 'applied_on'>[]): void {
    for (const { seq, company_name, position, applied_on } of applications) {
      if (applied_on !== this.lastApplied) {
        this.rank += 1;
        this.lastApplied = applied_on;
      }
      if (this.linked.has(seq)) this.shown.set(seq, { company_name, position, appliedRank: this.rank });
    }
  }

  /** A contact's applications among those written, as contactsTable's column gives them; null when none. */
  positionsOf(contactId: string): string | null {
    const seqs = this.links.get(contactId);
    if (!seqs) return null;
    const shown: Shown[] = [];
    for (const seq of seqs) {
      const application = this.shown.get(seq);
      if (application) shown.push(application);
    }
    if (shown.length === 0) return null;
    // Array.prototype.sort is stable: equal dates keep the links' order.
    shown.sort((a, b) => a.appliedRank - b.appliedRank);
    return shown.map((application) => `${application.company_name} – ${application.position}`).join(', ');
  }

  /**
   * The contacts sheet, once the applications are written, as contactsTable gives it
   * (test/exports/history-walk.test.ts): every live contact read, and when a filter narrows the export, only those
   * linked to an application written or working at its company kept (`companyCounts`, counted in the same walk).
   * contactsTable's subqueries for that read every selected application again: about 75,000 read calls for an
   * export of every application, archived ones included (which narrows).
   */
  table(filters: ApplicationFilters, companyCounts: CompanyCounts): TableSpec<WalkContactRow> {
    return {
      sheet: 'contacts',
      columns: contactColumnsOf<WalkContactRow>((row) => this.positionsOf(row.id)),
      select: everyContactSelect,
      keep: narrowsSelection(filters)
        ? (row) => this.hasShown(row.id) || (row.company_id !== null && companyCounts.of(row.company_id) > 0)
        : undefined,
    };
  }

  /** Whether one of the contact's applications was written. */
  private hasShown(contactId: string): boolean {
    return this.links.get(contactId)?.some((seq) => this.shown.has(seq)) ?? false;
  }
}
