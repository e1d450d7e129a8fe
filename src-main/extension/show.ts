import type { Database } from '../db/connection';

/**
 * Whether an application the extension asks the app to show exists (and is not deleted): the connector's
 * /connector/open shows nothing else, and answers 404 otherwise.
 */
export function applicationExists(db: Database, id: string): boolean {
  return db.sql(`SELECT 1 FROM applications WHERE id = ? AND deleted_at IS NULL`).get(id) !== undefined;
}
