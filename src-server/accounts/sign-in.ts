import type { Context } from 'hono';
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ServerContext } from '../context';
import type { ServerDB } from '../db/schema';
import { clientAddress } from '../http/client-address';
import { ServerError, unauthenticated } from '../http/errors';
import { findAccountByEmail, type AccountRow } from './store';

/** A unique-constraint violation, as SQLite and PostgreSQL report it. */
const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
};

/**
 * Creates an account (rate-limited per client address and per e-mail), then runs `then` in the same
 * transaction. A taken e-mail counts like a failed log-in, so registering cannot probe addresses faster than
 * logging in; it throws CONFLICT (each API words it its own way).
 */
export async function createAccount<T>(
  context: ServerContext,
  c: Context,
  input: { email: string; password: string },
  then: (trx: Transaction<ServerDB>, account: AccountRow) => Promise<T>,
): Promise<T> {
  context.limits.authPerClient.take(clientAddress(c, context.config));
  context.limits.authPerEmail.check(input.email);
  const passwordHash = await context.passwords.hash(input.password);
  const taken = () => {
    context.limits.authPerEmail.record(input.email);
    return new ServerError('CONFLICT', 'This e-mail address cannot be registered: sign in instead');
  };
  try {
    return await context.db.kysely.transaction().execute(async (trx) => {
      if (await findAccountByEmail(trx, input.email)) throw taken();
      const account: AccountRow = {
        id: uuidv7(),
        email: input.email,
        password_hash: passwordHash,
        mode: 'private',
        last_seq: 0,
        compacted_through: 0,
        stored_batches: 0,
        stored_bytes: 0,
        created_at: context.nowIso(),
      };
      await trx.insertInto('accounts').values(account).execute();
      return then(trx, account);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

/**
 * The account of these credentials, or 401. Rate-limited per client address and per e-mail (failures only); an
 * unknown e-mail costs the same argon2 verification and gets the same answer as a wrong password.
 */
export async function checkCredentials(context: ServerContext, c: Context, email: string, password: string): Promise<AccountRow> {
  context.limits.authPerClient.take(clientAddress(c, context.config));
  context.limits.authPerEmail.check(email);
  const account = await findAccountByEmail(context.db.kysely, email);
  if (!(await context.passwords.verify(account?.password_hash, password)) || !account) {
    context.limits.authPerEmail.record(email);
    throw unauthenticated('Wrong e-mail or password');
  }
  return account;
}
