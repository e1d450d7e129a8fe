/**
 * The import's duplicate finder as it was before session 13 (maps of strings and objects per company: the
 * straightforward form of the rules), kept to check that the compact one (src-main/imports/duplicates.ts) finds
 * exactly the same duplicates, the same earlier row or application included (test/imports/duplicates-compact.test.ts).
 */
import type { ImportDuplicate } from '../../../src-shared/contract';
import { nameKey } from '../../../src-shared/text';
import { normaliseUrl } from '../../../src-main/applications/duplicates';
import { positionKeys } from '../../../src-main/applications/positions';
import type { Database } from '../../../src-main/db/connection';
import type { DuplicateCandidate } from '../../../src-main/imports/duplicates';

type Saved = { kind: 'database'; applicationId: string; companyName: string; position: string };
type Earlier = { kind: 'file'; row: number };
type Ref = Saved | Earlier;

/**
 * Titles of one company, by key (positions.ts): a title is found by lookups of its own keys, never by comparing it
 * with every other title, so a company with thousands of titles costs thousands of lookups. Typo keys (one per
 * letter of each long word) are kept for the first `typoTitles` titles of a company; past them, a company still
 * finds the same words and the words written together.
 */
class CompanyTitles {
  static readonly typoTitles = 10_000;
  private readonly exact = new Map<string, Ref>();
  private readonly joined = new Map<string, Ref>();
  private readonly typo = new Map<string, Ref>();
  private titles = 0;

  find(keys: ReturnType<typeof positionKeys>): Ref | undefined {
    const found = this.exact.get(keys.exact) ?? this.joined.get(keys.joined);
    if (found) return found;
    for (const key of keys.typo) {
      const ref = this.typo.get(key);
      if (ref) return ref;
    }
    return undefined;
  }

  add(keys: ReturnType<typeof positionKeys>, ref: Ref): void {
    if (this.exact.has(keys.exact)) return;
    this.exact.set(keys.exact, ref);
    if (!this.joined.has(keys.joined)) this.joined.set(keys.joined, ref);
    this.titles += 1;
    if (this.titles > CompanyTitles.typoTitles) return;
    for (const key of keys.typo) if (!this.typo.has(key)) this.typo.set(key, ref);
  }
}

/**
 * The rules of applications.duplicates (same posting URL, or the same position at the same company by
 * `positionKeys`, `normaliseUrl` and `nameKey`), applied to every row of a file as it comes: against the saved
 * applications (a company's are read when the file first names it) and the earlier rows of the file. Blocking by
 * company and looking titles up by key keeps it near-linear whatever the file.
 */
export class ReferenceDuplicateFinder {
  private readonly savedByCompany = new Map<string, CompanyTitles>();
  private readonly fileByCompany = new Map<string, CompanyTitles>();
  private readonly savedByUrl = new Map<string, Saved>();
  private readonly fileByUrl = new Map<string, Earlier>();
  private readonly companyKeys = new Map<string, string>();
  private readonly keysOfTitle = new Map<string, ReturnType<typeof positionKeys>>();

  constructor(private readonly db: Database) {
    const rows = db
      .sql(`SELECT a.id, a.position, a.posting_url, c.name AS company_name FROM applications a JOIN companies c ON c.id = a.company_id WHERE a.deleted_at IS NULL AND a.posting_url IS NOT NULL`)
      .all() as { id: string; position: string; posting_url: string; company_name: string }[];
    for (const row of rows) {
      const url = normaliseUrl(row.posting_url);
      if (!this.savedByUrl.has(url)) this.savedByUrl.set(url, { kind: 'database', applicationId: row.id, companyName: row.company_name, position: row.position });
    }
  }

  private keys(title: string): ReturnType<typeof positionKeys> {
    let keys = this.keysOfTitle.get(title);
    if (!keys) {
      keys = positionKeys(title);
      // Titles repeat; a file of only distinct titles should not keep them all.
      if (this.keysOfTitle.size < 50_000) this.keysOfTitle.set(title, keys);
    }
    return keys;
  }

  private saved(companyKey: string): CompanyTitles {
    let titles = this.savedByCompany.get(companyKey);
    if (titles) return titles;
    titles = new CompanyTitles();
    const rows = this.db
      .sql(
        `SELECT a.id, a.position, c.name AS company_name FROM applications a JOIN companies c ON c.id = a.company_id
         WHERE c.name_key = ? AND c.deleted_at IS NULL AND a.deleted_at IS NULL ORDER BY a.created_at, a.id`,
      )
      .all(companyKey) as { id: string; position: string; company_name: string }[];
    for (const row of rows) titles.add(this.keys(row.position), { kind: 'database', applicationId: row.id, companyName: row.company_name, position: row.position });
    this.savedByCompany.set(companyKey, titles);
    return titles;
  }

  /** Whether this row repeats a saved application or an earlier row; it is remembered either way. */
  check(candidate: DuplicateCandidate): ImportDuplicate | null {
    let companyKey = this.companyKeys.get(candidate.companyName);
    if (companyKey === undefined) {
      companyKey = nameKey(candidate.companyName);
      if (this.companyKeys.size < 100_000) this.companyKeys.set(candidate.companyName, companyKey);
    }
    const keys = this.keys(candidate.position);
    const url = candidate.postingUrl ? normaliseUrl(candidate.postingUrl) : null;
    let file = this.fileByCompany.get(companyKey);
    if (!file) this.fileByCompany.set(companyKey, (file = new CompanyTitles()));

    // Saved applications first (the same posting, then the same position), then earlier rows of the file.
    const savedUrl = url ? this.savedByUrl.get(url) : undefined;
    const savedSimilar = savedUrl ? undefined : this.saved(companyKey).find(keys);
    const fileUrl = savedUrl || savedSimilar || !url ? undefined : this.fileByUrl.get(url);
    const fileSimilar = savedUrl || savedSimilar || fileUrl ? undefined : file.find(keys);
    const ref = savedUrl ?? savedSimilar ?? fileUrl ?? fileSimilar;
    const reason: ImportDuplicate['reason'] = savedUrl || fileUrl ? 'same_url' : 'similar_position';
    const here: Earlier = { kind: 'file', row: candidate.row };
    file.add(keys, here);
    if (url && !this.fileByUrl.has(url)) this.fileByUrl.set(url, here);
    if (!ref) return null;
    return { row: candidate.row, reason, existing: ref.kind === 'database' ? ref : { kind: 'file', row: ref.row } };
  }
}

/** Every duplicate of a list of rows at once. */
export function referenceImportDuplicates(db: Database, candidates: readonly DuplicateCandidate[]): ImportDuplicate[] {
  const finder = new ReferenceDuplicateFinder(db);
  return candidates.flatMap((candidate) => finder.check(candidate) ?? []);
}
