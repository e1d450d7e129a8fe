import type { z } from 'zod';
import type { Database } from './connection';

/**
 * The `meta` table: this device's own values by key (settings, marks, what sync set aside), never synced and never
 * in the change log. Values are text; structured ones are JSON, checked with their schema when read back.
 */
export function readMeta(db: Database, key: string): string | null {
  return (db.sql(`SELECT value FROM meta WHERE key = ?`).pluck().get(key) as string | undefined) ?? null;
}

export function writeMeta(db: Database, key: string, value: string): void {
  db.sql(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, value);
}

export function forgetMeta(db: Database, key: string): void {
  db.sql(`DELETE FROM meta WHERE key = ?`).run(key);
}

/** A JSON value as `schema` reads it; null when there is none, or it is damaged or hand-edited out of shape. */
export function readMetaJson<T>(db: Database, key: string, schema: z.ZodType<T>): T | null {
  const text = readMeta(db, key);
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
