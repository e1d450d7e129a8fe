import type BetterSqlite3 from 'better-sqlite3';
import { nameKey } from '../../src-shared/text';
import type { Database } from '../db/connection';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** A LIKE pattern (used with ESCAPE '\') for name keys containing the key of `text`: % and _ match themselves. */
export function keyContains(text: string): string {
  return `%${escapeLike(nameKey(text))}%`;
}

/** A LIKE pattern (used with ESCAPE '\') for name keys starting with the key of `text`. */
export function keyStartsWith(text: string): string {
  return `${escapeLike(nameKey(text))}%`;
}

const withFunction = new WeakSet<BetterSqlite3.Database>();

/**
 * Makes SQL `name_key(text)` available on this connection: the same folding as `nameKey` (accents, case,
 * spaces), for columns that have no stored key. SQLite's own lower() folds ASCII only, so "Hélène" would
 * never match "helene".
 */
export function withNameKeyFunction(db: Database): Database {
  if (!withFunction.has(db.sqlite)) {
    db.sqlite.function('name_key', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? nameKey(value) : value));
    withFunction.add(db.sqlite);
  }
  return db;
}
