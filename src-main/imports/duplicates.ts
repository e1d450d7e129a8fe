import type { ImportDuplicate } from '../../src-shared/contract';
import { nameKey } from '../../src-shared/text';
import { normaliseUrl } from '../applications/duplicates';
import type { Database } from '../db/connection';
import { IntArray, IntList, PairMap, StringTable } from './int-tables';
import { TitleKeys, type TitleIds } from './title-keys';

export interface DuplicateCandidate {
  row: number;
  companyName: string;
  position: string;
  postingUrl: string | null;
}

/**
 * The titles of each company on one side (the saved applications, or the earlier rows of the file), by key
 * (positions.ts): a title is found by lookups of its keys, never by comparing it with every other title, so a
 * company with thousands of titles costs thousands of lookups. Each distinct title of a company is an entry (the
 * first row or application that had it: its `ref`); entries are numbered in the order they came. Typo keys count for
 * the first `typoTitles` titles of a company; past them, a company still finds the same words and the words written
 * together. The typo keys are not kept per company: a title's typo keys name the exact keys they belong to
 * (title-keys.ts), which are looked up in the company. What is kept is numbers: 40 to 60 bytes a title of a
 * company, where a map of its typo keys held 800 (a million entries at the bench's 100,000 rows).
 */
class CompanyTitles {
  static readonly typoTitles = 10_000;
  /** (company, exact key) → entry; (company, joined key) → the first entry with it. */
  private readonly exact = new PairMap();
  private readonly joined = new PairMap();
  private readonly refs = new IntList();
  private readonly exactOf = new IntList();
  /** Whether its typo keys count (1), by entry; the company's entries as a list (next entry, -1 ends it). */
  private readonly typoCounts = new IntList();
  private readonly nextOfCompany = new IntList();
  private readonly firstOfCompany = new IntArray(-1);
  private readonly titlesOfCompany = new IntArray(0);
  /** Whether the company's titles had their typo keys registered (1): only once a title is looked up by them. */
  private readonly typoReady = new IntArray(0);

  constructor(private readonly keys: TitleKeys) {}

  /** The ref of the company's title that is the same position as this one, or -1. */
  find(company: number, title: TitleIds): number {
    const same = this.exact.get(company, title.exact);
    if (same !== -1) return this.refs.get(same);
    const joined = this.joined.get(company, title.joined);
    if (joined !== -1) return this.refs.get(joined);
    if (this.titlesOfCompany.get(company) === 0) return -1;
    if (this.typoReady.get(company) === 0) {
      for (let entry = this.firstOfCompany.get(company); entry !== -1; entry = this.nextOfCompany.get(entry)) {
        if (this.typoCounts.get(entry) === 1) this.keys.register(this.exactOf.get(entry));
      }
      this.typoReady.set(company, 1);
    }
    this.keys.register(title.exact);
    const found = this.keys.firstTypoMatch(title.exact, (owner) => {
      const entry = this.exact.get(company, owner);
      return entry !== -1 && this.typoCounts.get(entry) === 1 ? entry : -1;
    });
    return found === -1 ? -1 : this.refs.get(found);
  }

  add(company: number, title: TitleIds, ref: number): void {
    const entry = this.refs.length;
    if (!this.exact.setIfAbsent(company, title.exact, entry)) return;
    this.refs.push(ref);
    this.exactOf.push(title.exact);
    this.joined.setIfAbsent(company, title.joined, entry);
    const titles = this.titlesOfCompany.get(company) + 1;
    this.titlesOfCompany.set(company, titles);
    const typoCounts = titles <= CompanyTitles.typoTitles;
    this.typoCounts.push(typoCounts ? 1 : 0);
    this.nextOfCompany.push(this.firstOfCompany.get(company));
    this.firstOfCompany.set(company, entry);
    if (typoCounts && this.typoReady.get(company) === 1) this.keys.register(title.exact);
  }
}

/** Saved applications named by a duplicate, by number. */
class SavedApplications {
  private readonly ids: string[] = [];
  private readonly companyNames: string[] = [];
  private readonly positions: string[] = [];

  add(row: { id: string; position: string; company_name: string }): number {
    this.companyNames.push(row.company_name);
    this.positions.push(row.position);
    return this.ids.push(row.id) - 1;
  }

  existing(index: number): ImportDuplicate['existing'] {
    return { kind: 'database', applicationId: this.ids[index]!, companyName: this.companyNames[index]!, position: this.positions[index]! };
  }
}

/**
 * The rules of applications.duplicates (same posting URL, or the same position at the same company by
 * `positionKeys`, `normaliseUrl` and `nameKey`), applied to every row of a file as it comes: against the saved
 * applications (a company's are read when the file first names it) and the earlier rows of the file. Blocking by
 * company and looking titles up by key keeps it near-linear whatever the file. It holds numbers rather than objects
 * and strings (companies, keys and rows are numbered) because it keeps something of every row until the last: it
 * was most of the import's check thread's memory (test/imports/measure-duplicates.ts measures it).
 */
export class DuplicateFinder {
  private readonly keys = new TitleKeys();
  private readonly saved = new CompanyTitles(this.keys);
  private readonly file = new CompanyTitles(this.keys);
  private readonly savedApplications = new SavedApplications();
  private readonly savedByUrl = new Map<string, number>();
  /** The first row of each posting URL (normalised). */
  private readonly fileByUrl = new StringTable();
  private readonly companyIds = new Map<string, number>();
  private readonly companyKeys: string[] = [];
  /** Company names as written, to their number (names repeat: up to a bound). */
  private readonly companyOfName = new Map<string, number>();
  private readonly savedRead = new IntArray(0);
  /**
   * The name keys of the companies that have saved applications, read at once when a file names many companies:
   * before, each company's were asked for when the file first named it (14,790 queries at the bench's file, 0.2 to 0.3
   * s of the check's CPU, nearly all finding nothing in a first import). A small file still asks company by company.
   */
  private companiesWithSaved: Set<string> | null = null;
  private companiesAsked = 0;
  private static readonly askedBeforeReadingAll = 1_000;

  constructor(private readonly db: Database) {
    const rows = db
      .sql(`SELECT a.id, a.position, a.posting_url, c.name AS company_name FROM applications a JOIN companies c ON c.id = a.company_id WHERE a.deleted_at IS NULL AND a.posting_url IS NOT NULL`)
      .all() as { id: string; position: string; posting_url: string; company_name: string }[];
    for (const row of rows) {
      const url = normaliseUrl(row.posting_url);
      if (!this.savedByUrl.has(url)) this.savedByUrl.set(url, this.savedApplications.add(row));
    }
  }

  private company(name: string): number {
    let company = this.companyOfName.get(name);
    if (company !== undefined) return company;
    const key = nameKey(name);
    company = this.companyIds.get(key);
    if (company === undefined) {
      company = this.companyKeys.push(key) - 1;
      this.companyIds.set(key, company);
    }
    if (this.companyOfName.size < 100_000) this.companyOfName.set(name, company);
    return company;
  }

  /** The saved titles, with this company's read (once). */
  private savedOf(company: number): CompanyTitles {
    if (this.savedRead.get(company) === 1) return this.saved;
    this.savedRead.set(company, 1);
    if (this.companiesWithSaved === null && ++this.companiesAsked > DuplicateFinder.askedBeforeReadingAll) {
      const keys = this.db
        .sql(`SELECT c.name_key FROM companies c WHERE c.deleted_at IS NULL AND EXISTS (SELECT 1 FROM applications a WHERE a.company_id = c.id AND a.deleted_at IS NULL)`)
        .pluck()
        .all() as string[];
      this.companiesWithSaved = new Set(keys);
    }
    if (this.companiesWithSaved !== null && !this.companiesWithSaved.has(this.companyKeys[company]!)) return this.saved;
    const rows = this.db
      .sql(
        `SELECT a.id, a.position, c.name AS company_name FROM applications a JOIN companies c ON c.id = a.company_id
         WHERE c.name_key = ? AND c.deleted_at IS NULL AND a.deleted_at IS NULL ORDER BY a.created_at, a.id`,
      )
      .all(this.companyKeys[company]) as { id: string; position: string; company_name: string }[];
    for (const row of rows) this.saved.add(company, this.keys.of(row.position), this.savedApplications.add(row));
    return this.saved;
  }

  /** Whether this row repeats a saved application or an earlier row; it is remembered either way. */
  check(candidate: DuplicateCandidate): ImportDuplicate | null {
    const company = this.company(candidate.companyName);
    const title = this.keys.of(candidate.position);
    const url = candidate.postingUrl ? normaliseUrl(candidate.postingUrl) : null;

    // Saved applications first (the same posting, then the same position), then earlier rows of the file.
    let found: ImportDuplicate | null = null;
    const savedUrl = url ? this.savedByUrl.get(url) : undefined;
    if (savedUrl !== undefined) found = { row: candidate.row, reason: 'same_url', existing: this.savedApplications.existing(savedUrl) };
    else {
      const savedSimilar = this.savedOf(company).find(company, title);
      if (savedSimilar !== -1) found = { row: candidate.row, reason: 'similar_position', existing: this.savedApplications.existing(savedSimilar) };
    }
    if (!found && url) {
      const fileUrl = this.fileByUrl.get(url);
      if (fileUrl !== -1) found = { row: candidate.row, reason: 'same_url', existing: { kind: 'file', row: fileUrl } };
    }
    if (!found) {
      const fileSimilar = this.file.find(company, title);
      if (fileSimilar !== -1) found = { row: candidate.row, reason: 'similar_position', existing: { kind: 'file', row: fileSimilar } };
    }
    this.file.add(company, title, candidate.row);
    if (url) this.fileByUrl.setIfAbsent(url, candidate.row);
    return found;
  }
}

/** Every duplicate of a list of rows at once (tests and small callers). */
export function findImportDuplicates(db: Database, candidates: readonly DuplicateCandidate[]): ImportDuplicate[] {
  const finder = new DuplicateFinder(db);
  return candidates.flatMap((candidate) => finder.check(candidate) ?? []);
}
