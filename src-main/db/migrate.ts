import { migrations as allMigrations, latestSchemaVersion, type Migration } from '../../migrations';
import { AppError } from '../../src-shared/errors';
import type { Database } from './connection';
import { forgetSchemaAnswers } from './schema-facts';

export function pendingMigrations(db: Database, migrations: readonly Migration[] = allMigrations): Migration[] {
  const current = db.userVersion;
  return migrations.filter((migration) => migration.version > current);
}

export function assertNotFromTheFuture(userVersion: number, latest = latestSchemaVersion): void {
  if (userVersion > latest) {
    throw new AppError(
      'DATABASE_TOO_NEW',
      `This database was written by a newer version of Candid (schema ${userVersion}, this version knows ${latest}). ` +
        'Update Candid to open it; the file was left untouched.',
      { details: { schemaVersion: userVersion, supportedVersion: latest } },
    );
  }
}

/**
 * Applies pending migrations in order, each inside a transaction we open ourselves (Kysely's SQLite adapter
 * does not), with PRAGMA user_version set in that same transaction: a crash leaves either the old or the new
 * schema, never half of one.
 */
export async function runMigrations(db: Database, migrations: readonly Migration[] = allMigrations): Promise<number[]> {
  const applied: number[] = [];
  for (const migration of pendingMigrations(db, migrations)) {
    db.sqlite.exec('BEGIN IMMEDIATE');
    try {
      await migration.up(db.kysely);
      migration.fill?.(db);
      db.sqlite.pragma(`user_version = ${migration.version}`);
      db.sqlite.exec('COMMIT');
    } catch (error) {
      if (db.sqlite.inTransaction) db.sqlite.exec('ROLLBACK');
      forgetSchemaAnswers(db);
      throw error;
    }
    applied.push(migration.version);
  }
  return applied;
}
