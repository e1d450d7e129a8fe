import { z } from 'zod';
import { id, requiredText } from './common';
import type { CustomFieldKind } from './customFields';

/**
 * Sync between a person's devices through Candid Server (docs/sync.md): the channels that drive it on the device.
 * Tokens and the data key never cross this boundary; the recovery key does once, when it is created.
 */

/**
 * Why sync failed, stable strings the interface translates (sync.problem.<code>):
 * - unreachable: no answer from the server (offline, wrong address, timeout) or it is down;
 * - signed_out: the session ended (this device was revoked, or its refresh token reused): sign in again;
 * - credentials: wrong e-mail or password;
 * - email_taken: an account with this e-mail exists;
 * - passphrase: the passphrase or recovery key does not open this account's key;
 * - tampered: data from the server failed its integrity check (nothing of it was applied);
 * - rate_limited: too many attempts, wait and try again;
 * - incompatible: the server's answers are not what this version of Candid understands;
 * - too_large: the server refused something as too large;
 * - local: this device could not apply or store what it received (disk full, database error);
 * - server: the server answered with an error;
 * - key_changed: another device replaced the account's key (the account was made private again): sign in again
 *   with the passphrase to unlock the new one.
 */
export const syncProblems = [
  'unreachable',
  'signed_out',
  'credentials',
  'email_taken',
  'passphrase',
  'tampered',
  'rate_limited',
  'incompatible',
  'too_large',
  'local',
  'server',
  'key_changed',
] as const;
export type SyncProblem = (typeof syncProblems)[number];

/** The smallest passphrase accepted when the encryption key is made (it protects everything on the server). */
export const minPassphraseLength = 10;

const serverUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'must be an http(s) address')
  .transform((value) => value.replace(/\/+$/, ''));

const passphrase = z.string().min(minPassphraseLength, `must be at least ${minPassphraseLength} characters`).max(1024);
/** 52 base32 characters, in groups or not: spaces and dashes are ignored, case too. */
const recoveryKey = z
  .string()
  .max(200)
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .refine((value) => /^[A-Z2-7]{52}$/.test(value), 'must be the 52 letters and digits of the recovery key');

export const connectSyncInput = z
  .object({
    serverUrl,
    email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
    password: z.string().min(8, 'must be at least 8 characters').max(1024),
    /** Unlocks (or, for the first device, creates) the encryption key; a recovery key may unlock it instead. */
    passphrase: passphrase.optional(),
    recoveryKey: recoveryKey.optional(),
    deviceName: requiredText(100),
    createAccount: z.boolean().default(false),
  })
  .strict()
  .refine((value) => value.passphrase !== undefined || value.recoveryKey !== undefined, {
    message: 'give the sync passphrase or the recovery key',
    path: ['passphrase'],
  });
export type ConnectSyncInput = z.input<typeof connectSyncInput>;

export const disconnectSyncInput = z
  .object({
    /** true: turn sync off and forget the account on this device; false (default): sign out, ready to sign in again. */
    forget: z.boolean().default(false),
  })
  .strict()
  .default({ forget: false });

export const changePassphraseInput = z
  .object({
    /** The current passphrase, or the recovery key, proves it is the person. */
    current: z.string().min(1).max(1024),
    next: passphrase,
  })
  .strict();

export const revokeDeviceInput = z.object({ id }).strict();

/**
 * Who can read the account's data (docs/sync.md, "Private or readable"). Readable: the device escrows its data key
 * with the server, which then serves the REST APIs. Private again: the passphrase proves it is the person and wraps
 * the new key this device makes (the server held the old one); a new recovery key replaces the old one.
 */
export const setAccountModeInput = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('readable') }).strict(),
  z.object({ mode: z.literal('private'), passphrase: z.string().min(1).max(1024) }).strict(),
]);
export type AccountModeName = 'private' | 'readable';

export interface AccountModeResult {
  /** null when sync is not on for this device (the server cannot be asked). */
  mode: AccountModeName | null;
  /** Only when going private: the new recovery key, shown once (the previous one no longer opens anything). */
  recoveryKey: string | null;
}

export interface SyncError {
  problem: SyncProblem;
  /** English detail for logs and support; the interface shows the translated problem. */
  message: string;
  at: string;
}

export interface SyncStatus {
  /** off: never set up (or forgotten); signed_out: set up, session ended; on: syncing. */
  state: 'off' | 'signed_out' | 'on';
  serverUrl: string | null;
  email: string | null;
  deviceId: string | null;
  deviceName: string | null;
  /** A name for this device to offer when connecting (the computer's name). */
  suggestedDeviceName: string;
  running: boolean;
  lastSyncedAt: string | null;
  /** Changes made on this device not yet acknowledged by the server. */
  pendingChanges: number;
  lastError: SyncError | null;
  /**
   * Set when this device's clock is more than five minutes off the server's, or entries from another device were
   * stamped that far ahead: changes still sync, but "last edit wins" may pick the wrong one.
   */
  clockWarning: { offsetMs: number; source: 'this_device' | 'other_device' } | null;
  /** Dates from other devices out of the plausible bounds, not applied (the local value stayed), newest first. */
  ignoredDates: IgnoredSyncDate[];
  /** The server's database image this device refused when it joined (it joined from the entries instead). */
  imageRefused: SyncImageRefusal | null;
}

export interface SyncImageRefusal {
  /** tampered: failed its integrity check; incompatible: made by a newer version; local: could not be loaded here. */
  problem: 'tampered' | 'incompatible' | 'local';
  /** English detail for logs and support. */
  message: string;
  at: string;
}

export interface IgnoredSyncDate {
  table: string;
  column: string;
  /** What the row is, for a person: the company of an application, a contact's name, a task's title; null if gone. */
  subject: string | null;
  value: string;
  /** When the other device wrote it. */
  writtenAt: string;
  /** For a custom field's value that did not fit its kind (column `value`): the field, when it is known here. */
  customField?: { name: string; kind: CustomFieldKind };
}

export interface SyncDevice {
  id: string;
  name: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  current: boolean;
}

export interface ConnectSyncResult {
  status: SyncStatus;
  /** Only when this device created the encryption key: shown once, to save or print. */
  recoveryKey: string | null;
}

export const syncChannelInputs = {
  'sync.status': z.undefined().or(z.object({}).strict()).optional(),
  'sync.connect': connectSyncInput,
  'sync.now': z.undefined().or(z.object({}).strict()).optional(),
  'sync.disconnect': disconnectSyncInput,
  'sync.devices': z.undefined().or(z.object({}).strict()).optional(),
  'sync.revokeDevice': revokeDeviceInput,
  'sync.changePassphrase': changePassphraseInput,
  'sync.accountMode': z.undefined().or(z.object({}).strict()).optional(),
  'sync.setAccountMode': setAccountModeInput,
} as const;

export interface SyncOutputs {
  'sync.status': SyncStatus;
  'sync.connect': ConnectSyncResult;
  'sync.now': SyncStatus;
  'sync.disconnect': SyncStatus;
  'sync.devices': { devices: SyncDevice[] };
  'sync.revokeDevice': { devices: SyncDevice[] };
  'sync.changePassphrase': SyncStatus;
  'sync.accountMode': AccountModeResult;
  'sync.setAccountMode': AccountModeResult;
}
