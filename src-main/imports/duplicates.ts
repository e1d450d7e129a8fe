import type { ImportDuplicate } from '../../src-shared/contract';
import { nameKey } from '../../src-shared/text';
import { normaliseUrl, positionWords, similarPositions } from '../applications/duplicates';
import type { Database } from '../db/connection';

export interface DuplicateCandidate {
  row: number;
  companyName: string;
  position: string;
  postingUrl: string | null;
}

interface Known<T> {
  /** Company key -> position number -> the first application or row with that exact position, in insertion order. */
  byCompany: Map<string, Map<number, T>>;
  byUrl: Map<string, T>;
}

function emptyKnown<T>(): Known<T> {
  return { byCompany: new Map(), byUrl: new Map() };
}

function remember<T>(known: Known<T>, companyKey: string, position: number, url: string | null, ref: T): void {
  let positions = known.byCompany.get(companyKey);
  if (!positions) known.byCompany.set(companyKey, (positions = new Map()));
  if (!positions.has(position)) positions.set(position, ref);
  if (url && !known.byUrl.has(url)) known.byUrl.set(url, ref);
}

function findSimilar<T>(known: Known<T>, companyKey: string, position: number, similar: (a: number, b: number) => boolean): T | undefined {
  const positions = known.byCompany.get(companyKey);
  if (!positions) return undefined;
  const same = positions.get(position);
  if (same !== undefined) return same;
  for (const [other, ref] of positions) if (similar(other, position)) return ref;
  return undefined;
}

/**
 * Titles by number, and whether two are similar, each pair judged once: a company with hundreds of titles in a
 * file compares each new one with all of them (a million pairs in the 100,000-row benchmark), and keys made of
 * two numbers are much cheaper to build and look up than keys made of two titles.
 */
function positionSimilarity() {
  const numbers = new Map<string, number>();
  const titles: string[] = [];
  const judged = new Map<number, boolean>();
  const words = new Map<string, Set<string>>();
  const wordsOf = (title: string) => {
    let result = words.get(title);
    if (!result) words.set(title, (result = positionWords(title)));
    return result;
  };
  return {
    numberOf(title: string): number {
      let number = numbers.get(title);
      if (number === undefined) {
        numbers.set(title, (number = titles.length));
        titles.push(title);
      }
      return number;
    },
    similar(a: number, b: number): boolean {
      // Below 2^26 titles, low * 2^26 + high is a unique safe integer.
      const key = a < b ? a * 0x4000000 + b : b * 0x4000000 + a;
      let result = judged.get(key);
      if (result === undefined) judged.set(key, (result = similarPositions(titles[a], titles[b], wordsOf)));
      return result;
    },
  };
}

/**
 * The same rules as applications.duplicates (same posting URL, or a similar position at the same company, by
 * `similarPositions`, `normaliseUrl` and `nameKey`), run for every row at once against the saved applications and
 * the earlier rows of the file. Pairs of titles are compared once: files repeat the same titles a lot.
 */
export function findImportDuplicates(db: Database, candidates: readonly DuplicateCandidate[]): ImportDuplicate[] {
  type Saved = { applicationId: string; companyName: string; position: string };
  const saved = emptyKnown<Saved>();
  const titles = positionSimilarity();
  const rows = db
    .sql(
      `SELECT a.id, a.position, a.posting_url, c.name AS company_name, c.name_key FROM applications a
       JOIN companies c ON c.id = a.company_id WHERE a.deleted_at IS NULL`,
    )
    .all() as { id: string; position: string; posting_url: string | null; company_name: string; name_key: string }[];
  for (const row of rows) {
    const ref = { applicationId: row.id, companyName: row.company_name, position: row.position };
    remember(saved, row.name_key, titles.numberOf(row.position), row.posting_url ? normaliseUrl(row.posting_url) : null, ref);
  }

  const companyKeys = new Map<string, string>();
  const earlier = emptyKnown<number>();
  const duplicates: ImportDuplicate[] = [];
  for (const candidate of candidates) {
    let companyKey = companyKeys.get(candidate.companyName);
    if (companyKey === undefined) companyKeys.set(candidate.companyName, (companyKey = nameKey(candidate.companyName)));
    const url = candidate.postingUrl ? normaliseUrl(candidate.postingUrl) : null;
    const position = titles.numberOf(candidate.position);
    const savedByUrl = url ? saved.byUrl.get(url) : undefined;
    const savedSimilar = savedByUrl ? undefined : findSimilar(saved, companyKey, position, titles.similar);
    const fileByUrl = url ? earlier.byUrl.get(url) : undefined;
    const fileSimilar = fileByUrl !== undefined ? undefined : findSimilar(earlier, companyKey, position, titles.similar);
    if (savedByUrl || savedSimilar) {
      const ref = (savedByUrl ?? savedSimilar)!;
      duplicates.push({ row: candidate.row, reason: savedByUrl ? 'same_url' : 'similar_position', existing: { kind: 'database', ...ref } });
    } else if (fileByUrl !== undefined || fileSimilar !== undefined) {
      duplicates.push({
        row: candidate.row,
        reason: fileByUrl !== undefined ? 'same_url' : 'similar_position',
        existing: { kind: 'file', row: (fileByUrl ?? fileSimilar)! },
      });
    }
    remember(earlier, companyKey, position, url, candidate.row);
  }
  return duplicates;
}
