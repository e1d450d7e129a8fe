import { sql, type Kysely } from 'kysely';

/**
 * A company typed as a new name in an application's form is created with that application. Deleting the
 * application left it behind with 0 applications; `created_with` (the application's id, synced like any field)
 * tells such a company apart from one the user created on purpose, so it can go with its last application and come
 * back with it. Companies created before this migration keep NULL: they are left alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE companies ADD COLUMN created_with TEXT`.execute(db);
}
