import { nameKey } from '../../src-shared/text';
import type { WriteContext } from '../changes/writer';
import type { Database } from '../db/connection';

/** The id of the live tag with this name, created if needed. */
export function ensureTag(db: Database, write: WriteContext, name: string): string {
  const key = nameKey(name);
  const row = db.sql(`SELECT id FROM tags WHERE name_key = ? AND deleted_at IS NULL`).get(key) as { id: string } | undefined;
  return row?.id ?? write.insert('tags', { name, name_key: key, color: null });
}

export function tagsOf(db: Database, applicationId: string): string[] {
  return db
    .sql(
      `SELECT t.name FROM application_tags at JOIN tags t ON t.id = at.tag_id
       WHERE at.application_id = ? AND at.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY t.name`,
    )
    .pluck()
    .all(applicationId) as string[];
}

export function addTags(db: Database, write: WriteContext, applicationId: string, names: readonly string[]): void {
  for (const name of names) {
    const tagId = ensureTag(db, write, name);
    const link = db
      .sql(`SELECT id, deleted_at FROM application_tags WHERE application_id = ? AND tag_id = ?`)
      .get(applicationId, tagId) as { id: string; deleted_at: string | null } | undefined;
    if (!link) write.insert('application_tags', { application_id: applicationId, tag_id: tagId });
    else if (link.deleted_at !== null) write.restore('application_tags', link.id);
  }
}

export function removeTags(db: Database, write: WriteContext, applicationId: string, names: readonly string[]): void {
  const keys = new Set(names.map(nameKey));
  const links = db
    .sql(
      `SELECT at.id, t.name_key FROM application_tags at JOIN tags t ON t.id = at.tag_id
       WHERE at.application_id = ? AND at.deleted_at IS NULL`,
    )
    .all(applicationId) as { id: string; name_key: string }[];
  for (const link of links) if (keys.has(link.name_key)) write.softDelete('application_tags', link.id);
}

/** Makes the application's tags exactly `names`. */
export function setTags(db: Database, write: WriteContext, applicationId: string, names: readonly string[]): void {
  const wanted = new Set(names.map(nameKey));
  const current = tagsOf(db, applicationId);
  removeTags(db, write, applicationId, current.filter((name) => !wanted.has(nameKey(name))));
  const have = new Set(current.map(nameKey));
  addTags(db, write, applicationId, names.filter((name) => !have.has(nameKey(name))));
}
