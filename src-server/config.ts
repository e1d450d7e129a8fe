import { z } from 'zod';
import { documentLimits } from '../src-shared/contract/documents';
import { fileBodyLimit } from '../src-shared/http-limits';
import { syncLimits } from '../src-shared/sync-protocol';

const MiB = 1024 * 1024;

const window = (max: number, seconds: number) =>
  z.object({ max: z.int().min(1).default(max), windowSeconds: z.int().min(1).default(seconds) }).prefault({});
export type RateWindow = { max: number; windowSeconds: number };

/**
 * Everything an operator can set, with its default. Parsed with zod whether it comes from the command line
 * (main.ts), the environment or a test, so a wrong value stops the server at start with the field named.
 */
export const serverConfig = z
  .object({
    /** Folder of the embedded SQLite file; required unless `databaseUrl` puts the server on PostgreSQL. */
    dataDir: z.string().min(1).optional(),
    /** `postgres://…`: PostgreSQL instead of the embedded SQLite file. */
    databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').optional(),
    host: z.string().min(1).default('127.0.0.1'),
    /** 0 picks a free port. */
    port: z.int().min(0).max(65535).default(8787),
    /**
     * A TLS-terminating proxy (Caddy, nginx…) is in front: listening beyond loopback is allowed, and the client
     * address is the last one the proxy appended to `X-Forwarded-For`.
     */
    behindProxy: z.boolean().default(false),
    /**
     * Web pages allowed to call the server from a browser (CORS): `*` any (every route takes a bearer token, never
     * a cookie), or their origins (`https://app.example.org`); empty, none.
     */
    corsOrigins: z
      .array(
        z.union([
          z.literal('*'),
          z
            .string()
            .transform((origin) => origin.replace(/\/$/, '').toLowerCase())
            .pipe(z.string().regex(/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/, 'an origin: scheme://host[:port], no path')),
        ]),
      )
      .default(['*']),
    /** HS256 key of the access tokens; when absent, one is drawn once and kept in the database (shared by every process). */
    jwtSecret: z.string().min(32).optional(),
    /**
     * The master key that seals readable accounts' data keys (base64url of 32 bytes; CANDID_MASTER_KEY), or the file
     * holding it (default `<data>/master.key`, created at first start with mode 0600). Every process on one
     * database needs the same one. Without any, the server serves private accounts only.
     */
    masterKey: z.string().min(1).optional(),
    masterKeyFile: z.string().min(1).optional(),
    /** Folder of this process's replicas of readable accounts (default `<data>/replicas`). */
    replicasDir: z.string().min(1).optional(),
    replicas: z
      .object({
        /** Replicas open at once (each a SQLite connection with `cacheKiB` of page cache); the least recently used close first. */
        maxOpen: z.int().min(1).default(16),
        idleSeconds: z.int().min(1).default(300),
        cacheKiB: z.int().min(256).default(2048),
      })
      .prefault({}),
    compat: z
      .object({
        /** Lifetime of the access tokens a compatible API's log-in gives (JobTracker SaaS's are 7 days; revocable at any time). */
        tokenHours: z.int().min(1).max(24 * 90).default(24 * 7),
      })
      .prefault({}),
    refreshTokenDays: z.int().min(1).max(3650).default(60),
    passwordHashing: z
      .object({ memoryCost: z.int().min(8), timeCost: z.int().min(1), parallelism: z.int().min(1).max(255) })
      // OWASP's argon2id recommendation (19 MiB, 2 passes, 1 lane).
      .default({ memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
    limits: z
      .object({
        /** JSON bodies of every route but push. */
        jsonBytes: z.int().min(1024).default(64 * 1024),
        pushBytes: z.int().min(1024).default(syncLimits.pushMaxBytes),
        snapshotBytes: z.int().min(1024).default(1024 * MiB),
        /** The largest document plus the sealing overhead (a nonce, a tag and a length per 1 MiB chunk, and deflate's worst case). */
        blobBytes: z.int().min(1024).default(documentLimits.maxFileBytes + MiB),
        /** JSON bodies of the REST APIs (/v1, /compat/…), except the channels that carry a file. */
        restBytes: z.int().min(1024).default(MiB),
        /** Channels that carry a whole file as base64 (imports, documents.add). */
        restFileBytes: z.int().min(1024).default(fileBodyLimit),
      })
      .prefault({}),
    rateLimits: z
      .object({
        /** Every register, log-in and refresh attempt from one client address. */
        authPerClient: window(120, 60),
        /** Failed log-ins, and registrations, per e-mail address. */
        authPerEmail: window(10, 15 * 60),
        /** Every authenticated request of one account. */
        accountRequests: window(1200, 60),
        /** Every request without an access token from one client address (service, health, docs, OpenAPI…). */
        publicPerClient: window(600, 60),
      })
      .prefault({}),
    /** How long ids of compacted batches are remembered, so a late retry of a push still does not duplicate. */
    compactedIdsDays: z.int().min(0).default(7),
    /** Seconds a graceful shutdown waits for requests in flight before closing their connections. */
    shutdownGraceSeconds: z.int().min(0).default(10),
  })
  .strict()
  .refine((config) => config.dataDir !== undefined || config.databaseUrl !== undefined, {
    message: 'Give --data DIR (embedded SQLite) or --database postgres://… (PostgreSQL)',
    path: ['dataDir'],
  });

export type ServerConfigInput = z.input<typeof serverConfig>;
export type ServerConfig = z.output<typeof serverConfig>;

const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost']);
export const isLoopback = (host: string): boolean => loopbackHosts.has(host) || host.startsWith('127.');

/**
 * The server speaks plain HTTP. Off loopback that would send passwords and tokens in the clear, so it is refused
 * unless the operator says a TLS-terminating proxy is in front.
 */
export function assertSafeListen(config: ServerConfig): void {
  if (isLoopback(config.host) || config.behindProxy) return;
  throw new Error(
    `Refusing to listen on ${config.host} over plain HTTP: passwords and tokens would cross the network in the clear. ` +
      'Listen on 127.0.0.1 behind a TLS-terminating proxy (see the README, "Sync server"), or pass --behind-proxy ' +
      'if the proxy runs on another machine of a private network.',
  );
}
