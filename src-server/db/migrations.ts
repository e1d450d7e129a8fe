import { sql, type Kysely, type Transaction } from 'kysely';
import type { Engine } from './database';
import type { ServerDB } from './schema';

/** Column types that differ between the two engines; everything else is written once. */
export interface DialectTypes {
  bytes: 'blob' | 'bytea';
}

export interface ServerMigration {
  version: number;
  name: string;
  up(db: Transaction<ServerDB>, types: DialectTypes): Promise<void>;
}

/**
 * One migration list for SQLite and PostgreSQL (steps of 10 leave room). A migration uses only what both engines
 * understand; where they differ it asks `types`.
 */
export const serverMigrations: readonly ServerMigration[] = [
  {
    version: 10,
    name: 'accounts, devices, tokens, keys, batches, snapshots and blobs',
    async up(db, types) {
      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('email', 'text', (col) => col.notNull().unique())
        .addColumn('password_hash', 'text', (col) => col.notNull())
        .addColumn('mode', 'text', (col) => col.notNull().defaultTo('private'))
        .addColumn('last_seq', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('compacted_through', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('stored_batches', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('stored_bytes', 'bigint', (col) => col.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('devices')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id'))
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('last_seen_at', 'text', (col) => col.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('devices_account').on('devices').column('account_id').execute();
      await db.schema
        .createTable('token_families')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id'))
        .addColumn('device_id', 'text', (col) => col.notNull().references('devices.id'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('token_families_device').on('token_families').column('device_id').execute();
      await db.schema.createIndex('token_families_account').on('token_families').column('account_id').execute();
      await db.schema
        .createTable('refresh_tokens')
        .addColumn('hash', 'text', (col) => col.primaryKey())
        .addColumn('family_id', 'text', (col) => col.notNull().references('token_families.id'))
        .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema.createIndex('refresh_tokens_family').on('refresh_tokens').column('family_id').execute();
      await db.schema.createIndex('refresh_tokens_account').on('refresh_tokens').column('account_id').execute();
      await db.schema
        .createTable('keys')
        .addColumn('account_id', 'text', (col) => col.primaryKey().references('accounts.id'))
        .addColumn('key_id', 'text', (col) => col.notNull())
        .addColumn('kdf', 'text', (col) => col.notNull())
        .addColumn('wrapped_key', 'text', (col) => col.notNull())
        .addColumn('recovery_wrapped_key', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('batches')
        .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id'))
        .addColumn('seq', 'integer', (col) => col.notNull())
        .addColumn('id', 'text', (col) => col.notNull())
        .addColumn('device_id', 'text', (col) => col.notNull().references('devices.id'))
        .addColumn('payload', types.bytes)
        .addColumn('size', 'integer', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('batches_pk', ['account_id', 'seq'])
        .addUniqueConstraint('batches_account_id_unique', ['account_id', 'id'])
        .execute();
      await db.schema
        .createTable('objects')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id'))
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('covers', 'integer')
        .addColumn('size', 'bigint', (col) => col.notNull().defaultTo(0))
        .addColumn('complete', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('objects_account_kind_name').on('objects').columns(['account_id', 'kind', 'name']).execute();
      await db.schema
        .createTable('object_chunks')
        .addColumn('object_id', 'text', (col) => col.notNull().references('objects.id'))
        .addColumn('idx', 'integer', (col) => col.notNull())
        .addColumn('data', types.bytes, (col) => col.notNull())
        .addPrimaryKeyConstraint('object_chunks_pk', ['object_id', 'idx'])
        .execute();
      await db.schema
        .createTable('server_settings')
        .addColumn('key', 'text', (col) => col.primaryKey())
        .addColumn('value', 'text', (col) => col.notNull())
        .execute();
    },
  },
  {
    version: 20,
    name: 'readable accounts: escrowed data keys, and device kinds (replicas, compatible API clients)',
    async up(db, types) {
      // The data key of a readable account, sealed with the server's master key (never stored in the clear).
      await db.schema
        .createTable('escrowed_keys')
        .addColumn('account_id', 'text', (col) => col.primaryKey().references('accounts.id'))
        .addColumn('key_id', 'text', (col) => col.notNull())
        .addColumn('sealed_key', types.bytes, (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      // 'device' (a Candid app), 'replica' (a server process's readable copy), 'api' (clients of a compatible API).
      await db.schema.alterTable('devices').addColumn('kind', 'text', (col) => col.notNull().defaultTo('device')).execute();
      // For a replica: the replicas folder it lives in, so a rebuilt replica can retire the one it replaces.
      await db.schema.alterTable('devices').addColumn('instance', 'text').execute();
    },
  },
  {
    version: 30,
    name: 'third-party API keys a compatible API keeps for its user, sealed with the master key',
    async up(db, types) {
      // JobTracker SaaS's PUT /auth/update-api-keys: the person's AI providers' keys, never stored in the clear.
      await db.schema
        .createTable('third_party_keys')
        .addColumn('account_id', 'text', (col) => col.primaryKey().references('accounts.id'))
        .addColumn('sealed', types.bytes, (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
    },
  },
];

export const latestServerSchema = serverMigrations[serverMigrations.length - 1].version;

/** Any number: it only has to be the same in every server process sharing one PostgreSQL database. */
const migrationLockKey = 0x43414e44; // "CAND"

/**
 * Applies the pending migrations in one transaction, recorded in `server_migrations`. On PostgreSQL an advisory
 * lock makes processes starting together take turns; a database written by a newer server is refused untouched.
 */
export async function migrateServerDatabase(db: Kysely<ServerDB>, engine: Engine, now: () => string): Promise<number[]> {
  const types: DialectTypes = { bytes: engine === 'postgres' ? 'bytea' : 'blob' };
  return db.transaction().execute(async (trx) => {
    if (engine === 'postgres') await sql`SELECT pg_advisory_xact_lock(${migrationLockKey})`.execute(trx);
    await trx.schema
      .createTable('server_migrations')
      .ifNotExists()
      .addColumn('version', 'integer', (col) => col.primaryKey())
      .addColumn('applied_at', 'text', (col) => col.notNull())
      .execute();
    const applied = new Set((await trx.selectFrom('server_migrations').select('version').execute()).map((row) => row.version));
    const newest = Math.max(0, ...applied);
    if (newest > latestServerSchema) {
      throw new Error(
        `This database was written by a newer Candid Server (schema ${newest}; this one knows ${latestServerSchema}). ` +
          'Update the server; the database was left untouched.',
      );
    }
    const done: number[] = [];
    for (const migration of serverMigrations) {
      if (applied.has(migration.version)) continue;
      await migration.up(trx, types);
      await trx.insertInto('server_migrations').values({ version: migration.version, applied_at: now() }).execute();
      done.push(migration.version);
    }
    return done;
  });
}
