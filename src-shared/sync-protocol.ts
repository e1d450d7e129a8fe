import { z } from 'zod';

/**
 * The wire format of docs/sync.md, shared by Candid Server (src-server/, which parses requests with these schemas
 * and generates its OpenAPI document from them) and the desktop's sync client (src-main/sync/, which parses the
 * server's answers with them). Changing a schema here changes the protocol: update docs/sync.md in the same commit.
 */

const MiB = 1024 * 1024;

export const syncLimits = {
  passwordMinLength: 8,
  passwordMaxLength: 1024,
  emailMaxLength: 320,
  deviceNameMaxLength: 100,
  /** A push body, and the payload bytes one pull returns (at least one batch is always returned). */
  pushMaxBytes: 4 * MiB,
  pullMaxBytes: 4 * MiB,
  pushMaxBatches: 200,
  pullMaxBatches: 1000,
  pullDefaultBatches: 1000,
  /** Batches stored after the current snapshot beyond which a pull says `snapshotSuggested`. */
  snapshotSuggestedBatches: 1000,
  snapshotSuggestedBytes: 8 * MiB,
  accessTokenSeconds: 15 * 60,
} as const;

/** Error codes of the sync protocol (docs/sync.md, "Transport and errors"), each with its HTTP status. */
export const syncErrorStatus = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SNAPSHOT_REQUIRED: 410,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type SyncErrorCode = keyof typeof syncErrorStatus;
export const syncErrorCodes = Object.keys(syncErrorStatus) as SyncErrorCode[];

export const syncError = z.object({
  code: z.enum(syncErrorCodes as [SyncErrorCode, ...SyncErrorCode[]]),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type SyncError = z.infer<typeof syncError>;

/** Binary values inside JSON: base64url without padding. */
export const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'base64url without padding');
const isoTime = z.iso.datetime({ offset: true });
const uuid = z.uuid();

// ---- Accounts and devices -------------------------------------------------------------------------------------

export const email = z
  .string()
  .trim()
  .max(syncLimits.emailMaxLength)
  .pipe(z.email())
  .transform((value) => value.toLowerCase());
export const password = z.string().min(syncLimits.passwordMinLength).max(syncLimits.passwordMaxLength);
export const deviceName = z.string().trim().min(1).max(syncLimits.deviceNameMaxLength);

export const registerRequest = z.object({ email, password, deviceName }).strict();
export const loginRequest = z
  .object({ email, password: z.string().min(1).max(syncLimits.passwordMaxLength), deviceName, deviceId: uuid.optional() })
  .strict();
export const refreshRequest = z.object({ refreshToken: base64url.min(1).max(200) }).strict();
export const changePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(syncLimits.passwordMaxLength), newPassword: password })
  .strict();
export const deleteAccountRequest = z.object({ password: z.string().min(1).max(syncLimits.passwordMaxLength) }).strict();

export const accountMode = z.enum(['private', 'readable']);
export type AccountMode = z.infer<typeof accountMode>;
export const account = z.object({ id: uuid, email: z.string(), createdAt: isoTime, mode: accountMode });
export const device = z.object({
  id: uuid,
  name: z.string(),
  createdAt: isoTime,
  lastSeenAt: isoTime,
  revokedAt: isoTime.nullable(),
  /** The device whose token made the request. */
  current: z.boolean(),
  /** 'device': a Candid app; 'api': the clients of a compatible API (their sessions), listed so they can be revoked. */
  kind: z.enum(['device', 'api']),
});
export const tokens = z.object({ accessToken: z.string(), refreshToken: z.string(), accessExpiresAt: isoTime });
export const session = z.object({ account, device, tokens });
export const me = z.object({ account, device });
export const deviceList = z.object({ devices: z.array(device) });
export const deviceIdParam = z.object({ id: uuid });

export const health = z.object({ status: z.enum(['ok', 'error']), database: z.enum(['ok', 'unreachable']) });

// ---- Who can read the data (docs/sync.md, "Private or readable") ---------------------------------------------

/** The data key as the device holds it, escrowed so the server can read the account (32 bytes, base64url). */
const dataKey = base64url.length(43);
export const setModeRequest = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('readable'), keyId: z.string().min(1).max(128), dataKey }).strict(),
  z.object({ mode: z.literal('private') }).strict(),
]);
export const modeResponse = z.object({ mode: accountMode });
export const dataKeyResponse = z.object({ keyId: z.string(), dataKey });

// ---- Keys -----------------------------------------------------------------------------------------------------

export const keys = z
  .object({
    keyId: z.string().min(1).max(128),
    kdf: z
      .object({
        algorithm: z.literal('argon2id'),
        memoryKiB: z.int().min(8).max(4 * 1024 * 1024),
        iterations: z.int().min(1).max(1000),
        parallelism: z.int().min(1).max(255),
        salt: base64url.min(16).max(1024),
      })
      .strict(),
    wrappedKey: base64url.min(1).max(4096),
    recoveryWrappedKey: base64url.min(1).max(4096),
  })
  .strict();
export const putKeysRequest = keys.extend({ previousKeyId: z.string().min(1).max(128).optional() }).strict();
export type Keys = z.infer<typeof keys>;

// ---- Batches --------------------------------------------------------------------------------------------------

export const pushRequest = z
  .object({
    batches: z
      .array(z.object({ id: uuid, payload: base64url.min(1) }).strict())
      .min(1)
      .max(syncLimits.pushMaxBatches),
    clientTime: isoTime,
    /**
     * The key the batches are sealed with: refused (409, details.reason "key_changed") when another device has
     * rotated the account's key since, so nothing sealed with a retired key enters the log.
     */
    keyId: z.string().min(1).max(128).optional(),
  })
  .strict();
export const pushResponse = z.object({
  accepted: z.array(z.object({ id: uuid, seq: z.int() })),
  serverTime: isoTime,
});

export const pullQuery = z
  .object({
    after: z.coerce.number().int().min(0),
    limit: z.coerce.number().int().min(1).max(syncLimits.pullMaxBatches).default(syncLimits.pullDefaultBatches),
  })
  .strict();
export const snapshotInfo = z.object({ id: uuid, covers: z.int(), size: z.int(), createdAt: isoTime });
export const pullResponse = z.object({
  batches: z.array(z.object({ seq: z.int(), id: uuid, deviceId: uuid, payload: base64url, createdAt: isoTime })),
  /** The seq to send as `after` next time (the last seq looked at, the caller's own batches included). */
  cursor: z.int(),
  more: z.boolean(),
  head: z.int(),
  snapshot: snapshotInfo.nullable(),
  snapshotSuggested: z.boolean(),
  serverTime: isoTime,
});
export type PullResponse = z.infer<typeof pullResponse>;

// ---- Snapshots and blobs --------------------------------------------------------------------------------------

export const putSnapshotQuery = z.object({ id: uuid, covers: z.coerce.number().int().min(0) }).strict();
export const putSnapshotResponse = z.object({ id: uuid, covers: z.int() });
export const snapshotHeaders = { id: 'Candid-Snapshot-Id', covers: 'Candid-Snapshot-Covers' } as const;
/** A database image attached to the current snapshot (docs/sync.md, "Database images"). */
export const putImageQuery = z.object({ id: uuid, snapshot: uuid }).strict();
export const putImageResponse = z.object({ id: uuid, snapshot: uuid, covers: z.int() });
export const imageHeaders = { id: 'Candid-Image-Id', covers: 'Candid-Image-Covers' } as const;

/** hex of HMAC-SHA256(blob-name key, the file's SHA-256 hex). */
export const blobName = z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex characters');
export const blobNameParam = z.object({ name: blobName });
