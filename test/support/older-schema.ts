import { insertTextRowsSql } from '../../src-main/changes/derive';
import type { Database } from '../../src-main/db/connection';

/**
 * Carries a search that today's handlers wrote into a database of an older schema: every row of every table the
 * older schema has, in the columns it has. Tests of a migration need the rows an older version held, and today's
 * handlers cannot write them into the older schema themselves: they write columns added after it (the company an
 * application created, 0160) and their answers read tables added after it (an application's custom fields, 0175).
 */
export function copyIntoOlderSchema(older: Database, today: Database): void {
  const sqlite = older.sqlite;
  sqlite.prepare(`ATTACH DATABASE ? AS today`).run(today.sqlite.name);
  try {
    const tables = sqlite
      .prepare(`SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .all() as { name: string; sql: string }[];
    const virtual = tables.filter((table) => /^CREATE VIRTUAL TABLE/i.test(table.sql)).map((table) => table.name);
    // A full-text table's shadow tables follow its own rows: copy the table, never its internals. Today's keeps no
    // copy of its texts (0310): the older one's rows are written from the rows copied, as the write path writes them.
    const copied = tables.filter((table) => !virtual.some((name) => table.name.startsWith(`${name}_`)) && !virtual.includes(table.name));
    sqlite.transaction(() => {
      for (const { name } of tables.filter((table) => virtual.includes(table.name))) sqlite.exec(`DELETE FROM main."${name}"`);
      for (const { name } of copied) {
        const own = new Set((sqlite.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).pluck().all(name) as string[]));
        const shared = (sqlite.prepare(`SELECT name FROM pragma_table_info(?, 'today')`).pluck().all(name) as string[]).filter((column) => own.has(column));
        const columns = shared.map((column) => `"${column}"`).join(', ');
        sqlite.exec(`DELETE FROM main."${name}"`);
        if (shared.length > 0) sqlite.exec(`INSERT INTO main."${name}" (${columns}) SELECT ${columns} FROM today."${name}"`);
      }
      if (virtual.includes('applications_fts')) sqlite.exec(insertTextRowsSql('true'));
    })();
  } finally {
    sqlite.exec(`DETACH DATABASE today`);
  }
}
