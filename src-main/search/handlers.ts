import type { SearchResult, StageCategory } from '../../src-shared/contract';
import { defineHandlers } from '../handler';
import { ftsQuery } from '../shared/fts';
import { keyContains, withNameKeyFunction } from '../shared/name-match';

export const searchHandlers = defineHandlers({
  'search.query': (input, { db }): SearchResult => {
    const match = ftsQuery(input.text);
    const like = keyContains(input.text);
    const applications = match
      ? (db
          .sql(
            `SELECT a.id, a.position, c.name AS companyName, a.stage_category AS stageCategory
             FROM applications_fts f JOIN applications a ON a.seq = f.rowid JOIN companies c ON c.id = a.company_id
             WHERE applications_fts MATCH ? AND a.deleted_at IS NULL ORDER BY f.rank LIMIT ?`,
          )
          .all(match, input.limit) as { id: string; position: string; companyName: string; stageCategory: StageCategory }[])
      : [];
    const companies = db
      .sql(
        `SELECT c.id, c.name, (SELECT count(*) FROM applications a WHERE a.company_id = c.id AND a.deleted_at IS NULL) AS applicationCount
         FROM companies c WHERE c.deleted_at IS NULL AND c.name_key LIKE ? ESCAPE '\\' ORDER BY c.name COLLATE NOCASE LIMIT ?`,
      )
      .all(like, input.limit) as SearchResult['companies'];
    const contacts = withNameKeyFunction(db)
      .sql(
        `SELECT k.id, k.name, k.role, c.name AS companyName FROM contacts k LEFT JOIN companies c ON c.id = k.company_id AND c.deleted_at IS NULL
         WHERE k.deleted_at IS NULL AND (name_key(k.name) LIKE ? ESCAPE '\\' OR name_key(coalesce(k.email, '')) LIKE ? ESCAPE '\\')
         ORDER BY k.name COLLATE NOCASE LIMIT ?`,
      )
      .all(like, like, input.limit) as SearchResult['contacts'];
    return { applications, companies, contacts };
  },
});
