import type { DuplicateMatch, DuplicatesResult, ParsedInput } from '../../src-shared/contract';
import { nameKey, words } from '../../src-shared/text';
import type { Database } from '../db/connection';
import { findCompanyByName } from '../companies/resolve';
import { summariesByIds } from './queries';

/** Words that say nothing about the job ("H/F", "F/H", articles …). */
const noise = new Set(['h', 'f', 'm', 'x', 'w', 'd', 'hf', 'fh', 'mf', 'de', 'du', 'des', 'la', 'le', 'les', 'en', 'et', 'a', 'the', 'of', 'and', 'in', 'for']);

export function positionWords(position: string): Set<string> {
  return new Set(words(position).filter((word) => !noise.has(word)));
}

/**
 * Two titles are alike when most of their words are shared (Jaccard ≥ 0.6) or one contains the other. `wordsOf`:
 * `positionWords`, or a remembered one when many pairs of the same titles are compared (an import).
 */
export function similarPositions(a: string, b: string, wordsOf: (position: string) => Set<string> = positionWords): boolean {
  const left = wordsOf(a);
  const right = wordsOf(b);
  if (left.size === 0 || right.size === 0) return nameKey(a) === nameKey(b);
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  const union = left.size + right.size - shared;
  return shared / union >= 0.6 || shared === Math.min(left.size, right.size);
}

export function normaliseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    for (const key of [...parsed.searchParams.keys()]) if (key.startsWith('utm_')) parsed.searchParams.delete(key);
    return `${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
  } catch {
    return url.trim();
  }
}

export function findDuplicates(db: Database, input: ParsedInput<'applications.duplicates'>): DuplicatesResult {
  const companyId = input.companyId ?? (input.companyName ? findCompanyByName(db, input.companyName)?.id : undefined);
  const reasons = new Map<string, DuplicateMatch['reason']>();

  if (input.postingUrl) {
    const wanted = normaliseUrl(input.postingUrl);
    const host = (() => {
      try {
        return new URL(input.postingUrl).host;
      } catch {
        return null;
      }
    })();
    if (host) {
      const rows = db
        .sql(`SELECT id, posting_url FROM applications WHERE deleted_at IS NULL AND posting_url LIKE ?`)
        .all(`%${host}%`) as { id: string; posting_url: string }[];
      for (const row of rows) if (normaliseUrl(row.posting_url) === wanted) reasons.set(row.id, 'same_url');
    }
  }

  let companyHistory: DuplicatesResult['companyHistory'] = null;
  if (companyId) {
    const rows = db
      .sql(`SELECT id, position, stage_category FROM applications WHERE company_id = ? AND deleted_at IS NULL`)
      .all(companyId) as { id: string; position: string; stage_category: string }[];
    if (input.position) {
      for (const row of rows) {
        if (!reasons.has(row.id) && similarPositions(row.position, input.position)) reasons.set(row.id, 'similar_position');
      }
    }
    const count = (category: string) => rows.filter((row) => row.stage_category === category && row.id !== input.excludeId).length;
    companyHistory = {
      total: rows.filter((row) => row.id !== input.excludeId).length,
      rejected: count('rejected'),
      ghosted: count('ghosted'),
      withdrawn: count('withdrawn'),
    };
  }
  if (input.excludeId) reasons.delete(input.excludeId);
  const summaries = summariesByIds(db, [...reasons.keys()]);
  return {
    matches: summaries.map((application) => ({ application, reason: reasons.get(application.id)! })),
    companyHistory,
  };
}
