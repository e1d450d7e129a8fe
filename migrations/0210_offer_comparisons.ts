import { sql, type Kysely } from 'kysely';

/**
 * Offer comparison (issue 15, item 2): comparisons with the criteria the user weighs, the year assumptions used
 * to turn an hourly, daily or monthly pay into a yearly one, and the exchange rates the user typed (kept with the
 * comparison: no network). One entry per offer compared holds the figures and the /20 scores given to it. Money
 * is stored as integer hundredths of the currency unit (an hourly 15.50 is 1550). Rows follow the conventions of
 * 0010_init (a default on every NOT NULL column, so the write path's upserts and sync can create a row from any
 * subset of its fields).
 */
const statements = [
  `CREATE TABLE offer_comparisons (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    currency TEXT NOT NULL DEFAULT 'EUR',
    hours_per_week REAL NOT NULL DEFAULT 40,
    days_per_week INTEGER NOT NULL DEFAULT 5,
    weeks_per_year INTEGER NOT NULL DEFAULT 52,
    criteria TEXT NOT NULL DEFAULT '[]',
    rates TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE TABLE offer_entries (
    id TEXT PRIMARY KEY,
    comparison_id TEXT NOT NULL DEFAULT '',
    application_id TEXT NOT NULL DEFAULT '',
    salary_amount INTEGER,
    salary_currency TEXT,
    salary_period TEXT,
    total_pay_amount INTEGER,
    total_pay_currency TEXT,
    total_pay_period TEXT,
    scores TEXT NOT NULL DEFAULT '{}',
    note TEXT,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE INDEX offer_entries_comparison ON offer_entries (comparison_id, application_id) WHERE deleted_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
