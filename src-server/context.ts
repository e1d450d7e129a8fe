import type { Clock } from './clock';
import type { ServerConfig } from './config';
import type { ServerDatabase } from './db/database';
import type { LastSeen } from './accounts/last-seen';
import type { Passwords } from './accounts/passwords';
import type { TokenIssuer } from './accounts/tokens';
import type { Logger } from './http/logs';
import type { Metrics } from './http/metrics';
import type { RateLimiter } from './http/rate-limit';
import type { ReplicaPool } from './replicas/pool';

/** What every route module is built from; one per running server. */
export interface ServerContext {
  config: ServerConfig;
  db: ServerDatabase;
  clock: Clock;
  log: Logger;
  metrics: Metrics;
  passwords: Passwords;
  tokens: TokenIssuer;
  /** Devices' last-seen times, written off the request path. */
  lastSeen: LastSeen;
  limits: {
    authPerClient: RateLimiter;
    authPerEmail: RateLimiter;
    accountRequests: RateLimiter;
    publicPerClient: RateLimiter;
  };
  /** Whether this process can hold readable accounts: the master key, or why there is none. */
  readable: { masterKey: Uint8Array; unavailable: null } | { masterKey: null; unavailable: string };
  /** The replicas of readable accounts (null when `readable` is unavailable); made by createApp. */
  replicas: ReplicaPool | null;
  /** The time of the injected clock as ISO text, as stored. */
  nowIso(): string;
}
