import type { DuplicateMatch, DuplicatesResult, ParsedInput } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import { findCompanyByName } from '../companies/resolve';
import { samePosition } from './positions';
import { summariesByIds } from './queries';

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
        if (!reasons.has(row.id) && samePosition(row.position, input.position)) reasons.set(row.id, 'similar_position');
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
