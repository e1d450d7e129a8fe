import type { Database } from './connection';

/**
 * Answers about a connection's schema ("has this table", "has this column"), asked once per schema version instead
 * of once per write: the statistics refresh asked three such questions of sqlite_master and pragma_table_info in
 * every creation (about 45 µs of a 2 ms target at 100,000 applications). The schema cookie of the main database
 * changes with every CREATE, ALTER or DROP, on this connection or another (a migration, a restored backup), so an
 * answer is never read for a schema it was not computed on; it costs one header read.
 */
const answers = new WeakMap<Database, { version: number; byQuestion: Map<string, boolean> }>();

export function schemaHas(db: Database, question: string, ask: () => boolean): boolean {
  const version = db.sql(`PRAGMA main.schema_version`).pluck().get() as number;
  let known = answers.get(db);
  if (!known || known.version !== version) answers.set(db, (known = { version, byQuestion: new Map() }));
  let answer = known.byQuestion.get(question);
  if (answer === undefined) known.byQuestion.set(question, (answer = ask()));
  return answer;
}

/**
 * A rolled-back transaction takes the cookie back too, and a later schema change could bring it to a number an
 * answer was cached for inside that transaction: forgotten on every rollback (Database.transaction, migrations).
 */
export function forgetSchemaAnswers(db: Database): void {
  answers.delete(db);
}

/** Whether the main database has this table (a migration's, which older schemas that tests write into lack). */
export function hasTable(db: Database, table: string): boolean {
  return schemaHas(db, `table ${table}`, () => db.sql(`SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table) !== undefined);
}
