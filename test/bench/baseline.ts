import BetterSqlite3 from 'better-sqlite3';
import { summaryColumnsSql } from '../../src-main/applications/rows';
import { newId } from '../../src-main/changes/ids';

/**
 * The raw baseline: the same work as the handlers, written by hand with better-sqlite3 prepared statements on
 * a second connection with the app's pragmas, and none of the app's layers (no zod, no Kysely, no change log,
 * no derived data, no mapping to the contract's shapes). The ratio typed / raw is what those layers cost.
 */
export class RawBaseline {
  private readonly db: BetterSqlite3.Database;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(file: string) {
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('temp_store = MEMORY');
    this.db.pragma('cache_size = -32000');
  }

  private sql(text: string): BetterSqlite3.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  /** A page deep in the list, by offset: the rows it skips are read too. */
  deepPage(offset: number): unknown[] {
    return this.sql(
      `SELECT ${summaryColumnsSql} FROM applications a JOIN companies c ON c.id = a.company_id LEFT JOIN stages s ON s.id = a.stage_id
       WHERE a.deleted_at IS NULL AND a.archived = 0 ORDER BY a.applied_on DESC NULLS LAST, a.seq DESC LIMIT 50 OFFSET ?`,
    ).all(offset);
  }

  /** Archives every active application in one UPDATE; returns their rowids for `unarchive`. */
  archiveAll(): number[] {
    const archived = this.sql(`UPDATE applications SET archived = 1 WHERE deleted_at IS NULL AND archived = 0 RETURNING seq`).all() as { seq: number }[];
    return archived.map((row) => row.seq);
  }

  /** Brings back the applications `archiveAll` archived, in one UPDATE. */
  unarchive(seqs: readonly number[]): void {
    this.sql(`UPDATE applications SET archived = 0 WHERE seq IN (SELECT value FROM json_each(?))`).run(JSON.stringify(seqs));
  }

  /** Archives every active application, then brings them back: one UPDATE each way. */
  archiveAllAndBack(): number {
    const seqs = this.archiveAll();
    this.unarchive(seqs);
    return seqs.length;
  }

  /** One page of the list: the page, the total, the page's tags. */
  list(where: string, params: readonly unknown[]): number {
    const rows = this.sql(
      `SELECT ${summaryColumnsSql} FROM applications a JOIN companies c ON c.id = a.company_id LEFT JOIN stages s ON s.id = a.stage_id
       WHERE ${where} ORDER BY a.applied_on DESC NULLS LAST, a.seq DESC LIMIT 50 OFFSET 0`,
    ).all(...params) as { id: string }[];
    const total = this.sql(`SELECT count(*) FROM applications a WHERE ${where}`).pluck().get(...params) as number;
    this.sql(
      `SELECT at.application_id, t.name FROM application_tags at JOIN tags t ON t.id = at.tag_id
       WHERE at.deleted_at IS NULL AND at.application_id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(rows.map((row) => row.id)));
    return total;
  }

  /** The point reads of the detail: the row with company and stage, tags, history, interviews, tasks, contacts. */
  get(id: string): unknown[] {
    return [
      this.sql(
        `SELECT a.*, c.name AS company_name, s.name AS stage_name FROM applications a JOIN companies c ON c.id = a.company_id
         LEFT JOIN stages s ON s.id = a.stage_id WHERE a.id = ? AND a.deleted_at IS NULL`,
      ).get(id),
      this.sql(`SELECT c.* FROM companies c JOIN applications a ON a.company_id = c.id WHERE a.id = ?`).get(id),
      this.sql(`SELECT t.name FROM application_tags at JOIN tags t ON t.id = at.tag_id WHERE at.application_id = ? AND at.deleted_at IS NULL`).all(id),
      this.sql(
        `SELECT e.*, t.category, f.category FROM stage_events e JOIN stages t ON t.id = e.to_stage_id LEFT JOIN stages f ON f.id = e.from_stage_id
         WHERE e.application_id = ? AND e.deleted_at IS NULL ORDER BY e.occurred_at`,
      ).all(id),
      this.sql(`SELECT * FROM interviews WHERE application_id = ? AND deleted_at IS NULL ORDER BY scheduled_at`).all(id),
      this.sql(`SELECT * FROM tasks WHERE application_id = ? AND deleted_at IS NULL`).all(id),
      this.sql(
        `SELECT k.* FROM application_contacts ac JOIN contacts k ON k.id = ac.contact_id WHERE ac.application_id = ? AND ac.deleted_at IS NULL`,
      ).all(id),
    ];
  }

  /** Plain INSERTs of an application, its first stage event and its tag links; no change log. */
  create(input: { companyId: string; position: string; stageId: string; stageCategory: string; tagIds: readonly string[] }): string {
    const id = newId();
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.sql(
        `INSERT INTO applications (id, company_id, position, employment_type, work_mode, location, source, applied_on,
           salary_min, salary_max, salary_currency, salary_period, required_skills, notes, stage_id, stage_category,
           stage_changed_at, created_at, updated_at)
         VALUES (?, ?, ?, 'permanent', 'hybrid', 'Lyon', 'linkedin', ?, 40000, 48000, 'EUR', 'year', '["TypeScript","SQL"]',
           'Created by the benchmark.', ?, ?, ?, ?, ?)`,
      ).run(id, input.companyId, input.position, now.slice(0, 10), input.stageId, input.stageCategory, now, now, now);
      this.insertStageEvent(id, null, input.stageId, now);
      for (const tagId of input.tagIds) {
        this.sql(`INSERT INTO application_tags (id, application_id, tag_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`).run(newId(), id, tagId, now, now);
      }
    })();
    return id;
  }

  update(id: string, notes: string, priority: number): void {
    this.sql(`UPDATE applications SET notes = ?, priority = ?, updated_at = ? WHERE id = ?`).run(notes, priority, new Date().toISOString(), id);
  }

  /** A stage event and the application's current stage. */
  setStage(id: string, stageId: string, category: string): void {
    this.db.transaction(() => this.moveToStage(id, stageId, category, new Date().toISOString()))();
  }

  bulkUpdate(ids: readonly string[], stageId: string, category: string, priority: number): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const id of ids) {
        this.sql(`UPDATE applications SET priority = ? WHERE id = ?`).run(priority, id);
        this.moveToStage(id, stageId, category, now);
      }
    })();
  }

  /** Hand-written aggregates of the kind a dashboard shows: by stage, by week, the funnel, response rate. */
  dashboard(): unknown[] {
    const live = `a.deleted_at IS NULL AND a.archived = 0`;
    return [
      this.sql(`SELECT a.stage_category, count(*) FROM applications a WHERE ${live} GROUP BY a.stage_category`).all(),
      this.sql(`SELECT strftime('%Y-%W', a.applied_on) AS week, count(*) FROM applications a WHERE ${live} AND a.applied_on IS NOT NULL GROUP BY week`).all(),
      this.sql(
        `SELECT s.category, count(DISTINCT e.application_id) FROM stage_events e JOIN stages s ON s.id = e.to_stage_id
         JOIN applications a ON a.id = e.application_id WHERE ${live} AND e.deleted_at IS NULL GROUP BY s.category`,
      ).all(),
      this.sql(`SELECT a.source, count(*), count(a.first_response_on) FROM applications a WHERE ${live} GROUP BY a.source`).all(),
      this.sql(
        `SELECT avg(julianday(a.first_response_on) - julianday(a.applied_on)) FROM applications a WHERE ${live} AND a.first_response_on IS NOT NULL`,
      ).get(),
    ];
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }

  private moveToStage(id: string, stageId: string, category: string, now: string): void {
    const from = this.sql(`SELECT stage_id FROM applications WHERE id = ?`).pluck().get(id) as string;
    this.insertStageEvent(id, from, stageId, now);
    this.sql(`UPDATE applications SET stage_id = ?, stage_category = ?, stage_changed_at = ?, updated_at = ? WHERE id = ?`).run(stageId, category, now, now, id);
  }

  private insertStageEvent(applicationId: string, from: string | null, to: string, now: string): void {
    this.sql(
      `INSERT INTO stage_events (id, application_id, from_stage_id, to_stage_id, occurred_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(newId(), applicationId, from, to, now, now, now);
  }
}
