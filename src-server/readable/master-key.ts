import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { ServerDB } from '../db/schema';

/**
 * The server's master key: it seals the data keys that readable accounts escrow with the server (escrow.ts), so
 * the database alone (a dump, a backup, a stolen disk of the database server) reads nothing. It never enters the
 * database. It comes from CANDID_MASTER_KEY (base64url of 32 bytes), from --master-key-file, or from
 * `<data>/master.key`, which the first start creates with mode 0600.
 *
 * Every process serving one database must hold the same key: the database keeps a check value (an HMAC of a fixed
 * text), and a process whose key does not match serves no readable account rather than seal with a different one.
 */
export const masterKeyFileName = 'master.key';
const checkSetting = 'master_key_check';

export type MasterKeyResult = { key: Uint8Array; source: string } | { key: null; reason: string };

const checkValue = (key: Uint8Array) => crypto.createHmac('sha256', key).update('candid master key check v1').digest('base64url');

function decode(text: string, where: string): Uint8Array {
  const bytes = Buffer.from(text.trim(), 'base64url');
  if (bytes.length !== 32) throw new Error(`The master key in ${where} must be 32 bytes in base64url (43 characters)`);
  return new Uint8Array(bytes);
}

/** Reads the key file, or creates it (exclusively, 0600) when `create` says so. */
function fromFile(file: string, create: boolean): Uint8Array | null {
  if (fs.existsSync(file)) {
    const mode = fs.statSync(file).mode & 0o077;
    if (mode !== 0 && process.platform !== 'win32') throw new Error(`${file} must be readable by the server's user only (chmod 600 ${file})`);
    return decode(fs.readFileSync(file, 'utf8'), file);
  }
  if (!create) return null;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, `${key.toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  return new Uint8Array(key);
}

/**
 * The master key of this process, checked against the database's check value (which the first key to be used
 * sets). A missing key is not an error: the server then serves private accounts only and says why.
 */
export async function loadMasterKey(
  db: Kysely<ServerDB>,
  options: { masterKey?: string; masterKeyFile?: string; dataDir?: string },
): Promise<MasterKeyResult> {
  const stored = await db.selectFrom('server_settings').select('value').where('key', '=', checkSetting).executeTakeFirst();
  let key: Uint8Array | null = null;
  let source = '';
  if (options.masterKey) {
    key = decode(options.masterKey, 'CANDID_MASTER_KEY');
    source = 'CANDID_MASTER_KEY';
  } else {
    const file = options.masterKeyFile ?? (options.dataDir ? path.join(options.dataDir, masterKeyFileName) : undefined);
    if (!file) return { key: null, reason: 'no master key: give --master-key-file, CANDID_MASTER_KEY or a --data folder' };
    // A new key is drawn only for a database that has none yet: drawing one later would not open what is sealed.
    key = fromFile(file, stored === undefined);
    source = file;
    if (!key) return { key: null, reason: `${file} is missing, and this database's readable accounts were sealed with a master key` };
  }
  const check = checkValue(key);
  if (stored === undefined) {
    await db.insertInto('server_settings').values({ key: checkSetting, value: check }).onConflict((oc) => oc.column('key').doNothing()).execute();
    const winner = await db.selectFrom('server_settings').select('value').where('key', '=', checkSetting).executeTakeFirstOrThrow();
    if (winner.value !== check) return { key: null, reason: `the master key of ${source} is not the one this database uses (another process set it first)` };
  } else if (stored.value !== check) {
    return { key: null, reason: `the master key of ${source} is not the one this database's readable accounts were sealed with` };
  }
  return { key, source };
}
