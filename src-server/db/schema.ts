/**
 * The server's tables (docs/sync.md, "What the server stores"). Times are ISO 8601 UTC text, as in the app;
 * binary values are BLOB on SQLite and bytea on PostgreSQL (Buffers on both sides).
 */
export interface AccountsTable {
  id: string;
  /** Trimmed and lower-cased. */
  email: string;
  password_hash: string;
  mode: 'private' | 'readable';
  /** The last seq assigned to a batch of this account; the row is the lock that orders its pushes. */
  last_seq: number;
  /** Batches with seq ≤ this were compacted into the current snapshot. */
  compacted_through: number;
  /** Batches and payload bytes stored after the current snapshot (for `snapshotSuggested`). */
  stored_batches: number;
  stored_bytes: number;
  created_at: string;
}

export interface DevicesTable {
  id: string;
  account_id: string;
  name: string;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  /** 'device': a Candid app; 'replica': a server process's readable copy; 'api': clients of a compatible API. */
  kind: 'device' | 'replica' | 'api';
  /** For a replica: the id of the replicas folder it lives in. */
  instance: string | null;
}

/** One log-in's chain of refresh tokens; revoking it ends the refresh tokens and access tokens it issued. */
export interface TokenFamiliesTable {
  id: string;
  account_id: string;
  device_id: string;
  created_at: string;
  revoked_at: string | null;
}

export interface RefreshTokensTable {
  /** Hex SHA-256 of the token; the token itself is never stored. */
  hash: string;
  family_id: string;
  account_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface KeysTable {
  account_id: string;
  key_id: string;
  /** JSON of the KDF parameters and salt. */
  kdf: string;
  wrapped_key: string;
  recovery_wrapped_key: string;
  updated_at: string;
}

export interface BatchesTable {
  account_id: string;
  seq: number;
  id: string;
  device_id: string;
  /** The sealed bytes; null once compacted (the row stays a while so a late retry is recognised). */
  payload: Buffer | null;
  size: number;
  created_at: string;
}

/**
 * A stored byte stream: a snapshot (`name` = its id), a database image of the current snapshot (`name` = its id,
 * `covers` = the snapshot's) or a blob (`name` = its content name), in 1 MiB chunks.
 */
export interface ObjectsTable {
  id: string;
  account_id: string;
  kind: 'snapshot' | 'image' | 'blob';
  name: string;
  covers: number | null;
  size: number;
  /** 0 while its chunks are being written; an incomplete object is never served and is swept at start. */
  complete: number;
  created_at: string;
}

export interface ObjectChunksTable {
  object_id: string;
  idx: number;
  data: Buffer;
}

/** The data key of a readable account, sealed with the server's master key (src-server/readable/). */
export interface EscrowedKeysTable {
  account_id: string;
  key_id: string;
  sealed_key: Buffer;
  created_at: string;
}

/** Third-party API keys a compatible API keeps for its user (JSON), sealed with the master key. */
export interface ThirdPartyKeysTable {
  account_id: string;
  sealed: Buffer;
  updated_at: string;
}

export interface ServerSettingsTable {
  key: string;
  value: string;
}

export interface ServerMigrationsTable {
  version: number;
  applied_at: string;
}

export interface ServerDB {
  accounts: AccountsTable;
  devices: DevicesTable;
  token_families: TokenFamiliesTable;
  refresh_tokens: RefreshTokensTable;
  keys: KeysTable;
  batches: BatchesTable;
  objects: ObjectsTable;
  object_chunks: ObjectChunksTable;
  server_settings: ServerSettingsTable;
  escrowed_keys: EscrowedKeysTable;
  third_party_keys: ThirdPartyKeysTable;
  server_migrations: ServerMigrationsTable;
}

