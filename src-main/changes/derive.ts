import type { Database } from '../db/connection';

/**
 * Local caches that follow from synced rows, recomputed inside the same transaction as the write that
 * changed them (for local and remote changes alike): the current stage of an application and the
 * full-text index.
 */
export function recomputeCurrentStage(db: Database, applicationIds: Iterable<string>): void {
  const statement = db.sql(`
    UPDATE applications SET (stage_id, stage_category, stage_changed_at) = (
      SELECT e.to_stage_id, s.category, e.occurred_at
      FROM stage_events e JOIN stages s ON s.id = e.to_stage_id
      WHERE e.application_id = applications.id AND e.deleted_at IS NULL
      ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1)
    WHERE id = ? AND EXISTS (SELECT 1 FROM stage_events e WHERE e.application_id = applications.id AND e.deleted_at IS NULL)`);
  for (const id of applicationIds) statement.run(id);
}

export function reindexApplications(db: Database, applicationIds: Iterable<string>): void {
  const remove = db.sql(`DELETE FROM applications_fts WHERE rowid = (SELECT seq FROM applications WHERE id = ?)`);
  const insert = db.sql(`
    INSERT INTO applications_fts (rowid, company, position, location, notes, description, tags)
    SELECT a.seq, c.name, a.position, a.location, a.notes, a.description,
      (SELECT group_concat(t.name, ' ') FROM application_tags at JOIN tags t ON t.id = at.tag_id
        WHERE at.application_id = a.id AND at.deleted_at IS NULL AND t.deleted_at IS NULL)
    FROM applications a JOIN companies c ON c.id = a.company_id
    WHERE a.id = ? AND a.deleted_at IS NULL`);
  for (const id of applicationIds) {
    remove.run(id);
    insert.run(id);
  }
}

/** Which applications' derived data a set of touched rows affects. */
export function affectedApplications(db: Database, touched: ReadonlyMap<string, ReadonlySet<string>>) {
  const stage = new Set<string>();
  const text = new Set<string>();
  const add = (target: Set<string>, sql: string, ids: ReadonlySet<string> | undefined) => {
    if (!ids) return;
    const statement = db.sql(sql).pluck();
    for (const id of ids) for (const applicationId of statement.all(id) as string[]) target.add(applicationId);
  };
  for (const id of touched.get('applications') ?? []) text.add(id);
  add(stage, `SELECT application_id FROM stage_events WHERE id = ?`, touched.get('stage_events'));
  add(text, `SELECT id FROM applications WHERE company_id = ? AND deleted_at IS NULL`, touched.get('companies'));
  add(text, `SELECT application_id FROM application_tags WHERE id = ?`, touched.get('application_tags'));
  add(text, `SELECT application_id FROM application_tags WHERE tag_id = ? AND deleted_at IS NULL`, touched.get('tags'));
  return { stage, text };
}
