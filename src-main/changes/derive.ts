import type { Database } from '../db/connection';

/**
 * Local caches that follow from synced rows, recomputed inside the same transaction as the write that
 * changed them (for local and remote changes alike): the current stage of an application and the
 * full-text index (here), and the statistics facts and counts (statistics/maintained). Each runs as one set-based statement over the affected ids (passed as a JSON array), so an
 * import of 100,000 rows costs three statements here, not 300,000.
 */
const idsParam = (ids: ReadonlySet<string>) => JSON.stringify([...ids]);

export function recomputeCurrentStage(db: Database, applicationIds: ReadonlySet<string>): void {
  if (applicationIds.size === 0) return;
  db.sql(currentStageUpdateSql(`a.id IN (SELECT value FROM json_each(?))`)).run(idsParam(applicationIds));
}

/**
 * The current stage of the applications after `after` in `seq` (a bulk write's, owed-derived.ts): the same
 * statement, the applications taken by seq instead of 100,000 ids passed as JSON. Returns how many it changed.
 */
export function recomputeCurrentStageAfter(db: Database, after: number): number {
  return db.sql(currentStageUpdateSql(`a.seq > ?`)).run(after).changes;
}

/**
 * Sets the cached current stage of the applications `where` selects (alias `a`, one parameter) from each one's
 * latest live event (by time, then id) of a stage that exists, looked up by its index: an application with no such
 * event keeps what it holds. Only rows whose cached stage differs are written: an insert that filled it in already
 * costs nothing here. One statement for the write path's few ids and a bulk write's 100,000 applications (each
 * event ranked by a window instead took 0.55 to 0.8 s of CPU there against 0.25, and 1.4 against 0.7 s when every
 * stage changes); test/changes/owed-derived.test.ts compares it with a straightforward reading of the histories.
 */
function currentStageUpdateSql(where: string): string {
  return `
    UPDATE applications SET stage_id = latest.to_stage_id, stage_category = latest.category, stage_changed_at = latest.occurred_at
    FROM (
      SELECT a.seq, e.to_stage_id, s.category, e.occurred_at
      FROM applications a
      JOIN stage_events e ON e.rowid = (
        SELECT l.rowid FROM stage_events l
        WHERE l.application_id = a.id AND l.deleted_at IS NULL AND EXISTS (SELECT 1 FROM stages WHERE stages.id = l.to_stage_id)
        ORDER BY l.occurred_at DESC, l.id DESC LIMIT 1)
      JOIN stages s ON s.id = e.to_stage_id
      WHERE ${where}) latest
    WHERE applications.seq = latest.seq
      AND (applications.stage_id IS NOT latest.to_stage_id OR applications.stage_category IS NOT latest.category
        OR applications.stage_changed_at IS NOT latest.occurred_at)`;
}

/** Rewrites the full-text entries of these applications; `fresh` ones were inserted now and have none to remove. */
export function reindexApplications(db: Database, applicationIds: ReadonlySet<string>, fresh: ReadonlySet<string> = new Set()): void {
  if (applicationIds.size === 0) return;
  const existing = new Set([...applicationIds].filter((id) => !fresh.has(id)));
  if (existing.size > 0) {
    db.sql(
      `DELETE FROM applications_fts WHERE rowid IN (SELECT seq FROM applications WHERE id IN (SELECT value FROM json_each(?)))`,
    ).run(idsParam(existing));
  }
  db.sql(insertTextRowsSql(`a.id IN (SELECT value FROM json_each(?))`)).run(idsParam(applicationIds));
}

/** The full-text rows of the live applications `where` selects (alias `a`), inserted. */
export function insertTextRowsSql(where: string): string {
  return `
    INSERT INTO applications_fts (rowid, company, position, location, notes, description, tags)
    SELECT a.seq, c.name, a.position, a.location, a.notes, a.description,
      (SELECT group_concat(t.name, ' ') FROM application_tags at JOIN tags t ON t.id = at.tag_id
        WHERE at.application_id = a.id AND at.deleted_at IS NULL AND t.deleted_at IS NULL)
    FROM applications a JOIN companies c ON c.id = a.company_id
    WHERE ${where} AND a.deleted_at IS NULL`;
}

/**
 * Rows the current write inserted, with the application each stage event and tag link belongs to: what derived
 * data they affect is known without a lookup (an import touches 100,000 applications and twice as many events).
 */
export class FreshRows {
  readonly ids = new Map<string, Set<string>>();
  readonly applicationOf = new Map<string, string>();

  add(table: string, id: string, fields: Readonly<Record<string, unknown>>): void {
    let ids = this.ids.get(table);
    if (!ids) this.ids.set(table, (ids = new Set()));
    ids.add(id);
    if (typeof fields.application_id === 'string') this.applicationOf.set(id, fields.application_id);
  }

  /** A fresh row moved to another application within the same write (rows inserted before this write are looked up). */
  changed(table: string, id: string, fields: Readonly<Record<string, unknown>>): void {
    if (this.has(table, id) && typeof fields.application_id === 'string') this.applicationOf.set(id, fields.application_id);
  }

  has(table: string, id: string): boolean {
    return this.ids.get(table)?.has(id) ?? false;
  }

  clear(): void {
    this.ids.clear();
    this.applicationOf.clear();
  }
}

/**
 * Which applications' derived data a set of touched rows affects. A company or tag inserted by this write can
 * only be referred to by rows this write inserted or changed, which are touched themselves: they need no lookup.
 */
export function affectedApplications(
  db: Database,
  touched: ReadonlyMap<string, ReadonlySet<string>>,
  fresh: FreshRows = new FreshRows(),
  /** Applications touched only by changes that leave their full-text entry as it is. */
  quietText: ReadonlySet<string> = new Set(),
) {
  const stage = new Set<string>();
  const text = new Set<string>();
  const company = new Set<string>();
  /** Adds the applications of fresh rows directly, and looks up those of the others with `sql`. */
  const add = (target: Set<string>, sql: string, table: string, ownApplication: boolean) => {
    const ids = touched.get(table);
    if (!ids || ids.size === 0) return;
    const older = new Set<string>();
    for (const id of ids) {
      if (!fresh.has(table, id)) older.add(id);
      else if (ownApplication) target.add(fresh.applicationOf.get(id)!);
    }
    if (older.size === 0) return;
    for (const id of db.sql(sql).pluck().all(idsParam(older)) as string[]) target.add(id);
  };
  for (const id of touched.get('applications') ?? []) if (!quietText.has(id)) text.add(id);
  add(stage, `SELECT DISTINCT application_id FROM stage_events WHERE id IN (SELECT value FROM json_each(?))`, 'stage_events', true);
  add(company, `SELECT id FROM applications WHERE company_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`, 'companies', false);
  for (const id of company) text.add(id);
  add(text, `SELECT DISTINCT application_id FROM application_tags WHERE id IN (SELECT value FROM json_each(?))`, 'application_tags', true);
  add(
    text,
    `SELECT DISTINCT application_id FROM application_tags WHERE tag_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
    'tags',
    false,
  );
  // Statistics read the application, its history and its company's industry; tags and stage names they ignore.
  const statistics = new Set([...(touched.get('applications') ?? []), ...stage, ...company]);
  return { stage, text, statistics, company };
}
