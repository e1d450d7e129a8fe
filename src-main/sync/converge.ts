import type { WriteContext } from '../changes/writer';
import { mergeCompanies } from '../companies/merge';
import { sourceKey } from '../sources/handlers';
import type { Database } from '../db/connection';
import type { SyncedTable } from '../db/schema';

type Touched = ReadonlyMap<SyncedTable, ReadonlySet<string>>;

const json = (ids: Iterable<string>) => JSON.stringify([...ids]);
const idsOf = (touched: Touched, table: SyncedTable) => touched.get(table) ?? new Set<string>();

/**
 * Repairs what two devices can each do correctly offline but not together, run after remote entries are applied
 * and in the same transaction, through the write path (so the repairs sync too). Every choice depends only on
 * the rows (the smallest id wins), so every device makes the same one and the repairs' entries agree:
 * - two live companies, tags or sources with one name (both created "Acme") become one;
 * - a live application (or contact) left pointing at a company deleted meanwhile (merged away on one device,
 *   linked on another) follows it to the live company of that name, or brings the company back;
 * - a tag link left on a tag merged away follows it;
 * - two live links between the same rows (both tagged "remote") become one.
 * `remote` names the rows the entries changed: only what they could have broken is looked at.
 */
export function converge(db: Database, write: WriteContext, remote: Touched): void {
  mergeDuplicateCompanies(db, write, idsOf(remote, 'companies'));
  followDeletedCompanies(db, write, remote);
  const retagged = new Set<string>();
  mergeDuplicateTags(db, write, idsOf(remote, 'tags'), retagged);
  followDeletedTags(db, write, remote, retagged);
  for (const link of linkTables) dropDuplicateLinks(db, write, link, remote, link.table === 'application_tags' ? retagged : new Set());
  dropDuplicateSources(db, write, idsOf(remote, 'sources'));
}

/** Live rows of `table` sharing a name key with one of `ids`, grouped by key, smallest id first. */
function duplicatesByKey(db: Database, table: 'companies' | 'tags', ids: ReadonlySet<string>): string[][] {
  if (ids.size === 0) return [];
  const rows = db
    .sql(
      `SELECT name_key, id FROM ${table} WHERE deleted_at IS NULL AND name_key IN (
         SELECT name_key FROM ${table} WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL)
       ORDER BY name_key, id`,
    )
    .all(json(ids)) as { name_key: string; id: string }[];
  const groups = new Map<string, string[]>();
  for (const row of rows) groups.set(row.name_key, [...(groups.get(row.name_key) ?? []), row.id]);
  return [...groups.values()].filter((group) => group.length > 1);
}

function mergeDuplicateCompanies(db: Database, write: WriteContext, ids: ReadonlySet<string>): void {
  for (const [targetId, ...sourceIds] of duplicatesByKey(db, 'companies', ids)) mergeCompanies(db, write, { targetId, sourceIds });
}

/** The live row of `table` with the name key of `deletedId`, smallest id first. */
function liveNamesake(db: Database, table: 'companies' | 'tags', deletedId: string): string | undefined {
  return db
    .sql(
      `SELECT id FROM ${table} WHERE deleted_at IS NULL
         AND name_key = (SELECT name_key FROM ${table} WHERE id = ?) ORDER BY id LIMIT 1`,
    )
    .pluck()
    .get(deletedId) as string | undefined;
}

function followDeletedCompanies(db: Database, write: WriteContext, remote: Touched): void {
  for (const table of ['applications', 'contacts'] as const) {
    // Two lookups rather than one condition with OR, which read every row of the table for each group of entries
    // applied (quadratic over a bootstrap).
    const rows = db
      .sql(
        `SELECT r.id, r.company_id FROM ${table} r JOIN companies c ON c.id = r.company_id
         WHERE r.id IN (SELECT value FROM json_each(?)) AND r.deleted_at IS NULL AND c.deleted_at IS NOT NULL
         UNION
         SELECT r.id, r.company_id FROM companies c JOIN ${table} r ON r.company_id = c.id
         WHERE c.id IN (SELECT value FROM json_each(?)) AND c.deleted_at IS NOT NULL AND r.deleted_at IS NULL
         ORDER BY 1`,
      )
      .all(json(idsOf(remote, table)), json(idsOf(remote, 'companies'))) as { id: string; company_id: string }[];
    for (const row of rows) {
      const namesake = liveNamesake(db, 'companies', row.company_id);
      if (namesake) write.update(table, row.id, { company_id: namesake });
      // An application needs a live company (companies.delete refuses one in use): the deletion gives way.
      else if (table === 'applications') write.restore('companies', row.company_id);
    }
  }
}

function mergeDuplicateTags(db: Database, write: WriteContext, ids: ReadonlySet<string>, retagged: Set<string>): void {
  for (const [winner, ...losers] of duplicatesByKey(db, 'tags', ids)) {
    for (const loser of losers) {
      moveTagLinks(db, write, loser, winner, retagged);
      const color = db.sql(`SELECT color FROM tags WHERE id = ?`).pluck().get(loser) as string | null;
      const winnerColor = db.sql(`SELECT color FROM tags WHERE id = ?`).pluck().get(winner) as string | null;
      if (winnerColor === null && color !== null) write.update('tags', winner, { color });
      write.softDelete('tags', loser);
    }
  }
}

/** Points the live links of tag `from` at `to`, noting their applications in `retagged`. */
function moveTagLinks(db: Database, write: WriteContext, from: string, to: string, retagged: Set<string>): void {
  const links = db.sql(`SELECT id, application_id FROM application_tags WHERE tag_id = ? AND deleted_at IS NULL ORDER BY id`).all(from) as {
    id: string;
    application_id: string;
  }[];
  for (const link of links) {
    write.update('application_tags', link.id, { tag_id: to });
    retagged.add(link.application_id);
  }
}

function followDeletedTags(db: Database, write: WriteContext, remote: Touched, retagged: Set<string>): void {
  const tags = db
    .sql(
      `SELECT t.id FROM application_tags l JOIN tags t ON t.id = l.tag_id
       WHERE l.id IN (SELECT value FROM json_each(?)) AND l.deleted_at IS NULL AND t.deleted_at IS NOT NULL
       UNION
       SELECT t.id FROM tags t JOIN application_tags l ON l.tag_id = t.id
       WHERE t.id IN (SELECT value FROM json_each(?)) AND t.deleted_at IS NOT NULL AND l.deleted_at IS NULL
       ORDER BY 1`,
    )
    .pluck()
    .all(json(idsOf(remote, 'application_tags')), json(idsOf(remote, 'tags'))) as string[];
  for (const tag of tags) {
    const namesake = liveNamesake(db, 'tags', tag);
    // A tag deleted on purpose keeps its links hidden, as tags.delete leaves them.
    if (namesake) moveTagLinks(db, write, tag, namesake, retagged);
  }
}

const linkTables = [
  { table: 'application_tags', other: 'tag_id' },
  { table: 'application_contacts', other: 'contact_id' },
  { table: 'application_documents', other: 'document_id' },
] as const;

/** Keeps one live link per pair, among the links of applications whose links changed (remotely, or moved above). */
function dropDuplicateLinks(
  db: Database,
  write: WriteContext,
  link: (typeof linkTables)[number],
  remote: Touched,
  moved: ReadonlySet<string>,
): void {
  const applications = new Set(moved);
  const changed = db
    .sql(`SELECT DISTINCT application_id FROM ${link.table} WHERE id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(json(idsOf(remote, link.table))) as string[];
  for (const id of changed) applications.add(id);
  if (applications.size === 0) return;
  const duplicates = db
    .sql(
      `SELECT id FROM (
         SELECT id, row_number() OVER (PARTITION BY application_id, ${link.other} ORDER BY id) AS nth
         FROM ${link.table} WHERE deleted_at IS NULL AND application_id IN (SELECT value FROM json_each(?)))
       WHERE nth > 1 ORDER BY id`,
    )
    .pluck()
    .all(json(applications)) as string[];
  for (const id of duplicates) write.softDelete(link.table, id);
}

/** Sources compare as sources.create does: accents, case, spaces and punctuation ignored. */
function dropDuplicateSources(db: Database, write: WriteContext, ids: ReadonlySet<string>): void {
  if (ids.size === 0) return;
  const live = db.sql(`SELECT id, name FROM sources WHERE deleted_at IS NULL ORDER BY id`).all() as { id: string; name: string }[];
  const touchedKeys = new Set(live.filter((row) => ids.has(row.id)).map((row) => sourceKey(row.name)));
  const kept = new Set<string>();
  for (const row of live) {
    const key = sourceKey(row.name);
    if (!touchedKeys.has(key)) continue;
    if (kept.has(key)) write.softDelete('sources', row.id);
    else kept.add(key);
  }
}
