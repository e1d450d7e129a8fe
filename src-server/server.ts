import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server, ServerResponse } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import type { Kysely } from 'kysely';
import { LastSeen } from './accounts/last-seen';
import { Passwords } from './accounts/passwords';
import { TokenIssuer } from './accounts/tokens';
import { createApp } from './app';
import { isoAt, systemClock, type Clock } from './clock';
import { assertSafeListen, serverConfig, type ServerConfig, type ServerConfigInput } from './config';
import type { ServerContext } from './context';
import { openServerDatabase, type ServerDatabase } from './db/database';
import { migrateServerDatabase } from './db/migrations';
import type { ServerDB } from './db/schema';
import { jsonLogger, type Logger } from './http/logs';
import { Metrics } from './http/metrics';
import { RateLimiter } from './http/rate-limit';
import { sweepIncompleteObjects } from './sync/objects';
import { loadMasterKey } from './readable/master-key';

export interface StartServerOptions {
  config: ServerConfigInput;
  clock?: Clock;
  log?: Logger;
}

export interface RunningServer {
  url: string;
  port: number;
  config: ServerConfig;
  database: ServerDatabase;
  /** Stops accepting connections, lets requests in flight finish (up to the grace period), then closes the database. */
  close(): Promise<void>;
}

/** The access-token key: the configured one, or one drawn once and kept in the database for every process. */
async function jwtSecret(db: Kysely<ServerDB>, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const drawn = crypto.randomBytes(32).toString('base64url');
  await db.insertInto('server_settings').values({ key: 'jwt_secret', value: drawn }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('server_settings').select('value').where('key', '=', 'jwt_secret').executeTakeFirstOrThrow();
  return row.value;
}

const activeDeviceWindowMs = 24 * 3600 * 1000;

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const config = serverConfig.parse(options.config);
  assertSafeListen(config);
  const clock = options.clock ?? systemClock;
  const log = options.log ?? jsonLogger;
  const database = openServerDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  let master: Awaited<ReturnType<typeof loadMasterKey>>;
  try {
    const migrated = await migrateServerDatabase(database.kysely, database.engine, () => isoAt(clock.now()));
    if (migrated.length > 0) log({ level: 'info', msg: 'migrated', versions: migrated, engine: database.engine });
    await sweepIncompleteObjects(database.kysely);
    master = await loadMasterKey(database.kysely, config);
  } catch (error) {
    await database.close();
    throw error;
  }
  const { kysely } = database;

  const context: ServerContext = {
    config,
    db: database,
    clock,
    log,
    metrics: new Metrics(async () => {
      const since = isoAt(clock.now() - activeDeviceWindowMs);
      const row = await kysely
        .selectFrom('devices')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('revoked_at', 'is', null)
        .where('last_seen_at', '>=', since)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    }),
    passwords: new Passwords(config.passwordHashing),
    tokens: new TokenIssuer(await jwtSecret(kysely, config.jwtSecret), clock),
    limits: {
      authPerClient: new RateLimiter(config.rateLimits.authPerClient, clock, 'sign-in attempts from this address'),
      authPerEmail: new RateLimiter(config.rateLimits.authPerEmail, clock, 'attempts for this e-mail address'),
      accountRequests: new RateLimiter(config.rateLimits.accountRequests, clock, 'requests for this account'),
      publicPerClient: new RateLimiter(config.rateLimits.publicPerClient, clock, 'requests from this address'),
    },
    readable: master.key ? { masterKey: master.key, unavailable: null } : { masterKey: null, unavailable: master.reason },
    replicas: null,
    nowIso: () => isoAt(clock.now()),
    lastSeen: new LastSeen({ db: database, clock, log, nowIso: () => isoAt(clock.now()) }),
  };
  if (!master.key) log({ level: 'warn', msg: 'readable accounts unavailable', reason: master.reason });
  const { app } = createApp(context);
  await context.replicas?.sweep();

  const server = createAdaptorServer({ fetch: app.fetch, hostname: config.host }) as Server;
  // Requests in flight end when their answer is written out (not when the handler returns a streamed body).
  let inFlight = 0;
  let idle: (() => void) | undefined;
  server.on('request', (_request, response: ServerResponse) => {
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) idle?.();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log({ level: 'info', msg: 'listening', url, engine: database.engine });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        const grace = new Promise<void>((resolve) => setTimeout(resolve, config.shutdownGraceSeconds * 1000).unref());
        await Promise.race([new Promise<void>((resolve) => (idle = resolve)), grace]);
      }
      server.closeAllConnections();
      await closed;
      await context.replicas?.close();
      await context.lastSeen.close();
      await database.close();
      log({ level: 'info', msg: 'stopped' });
    })());

  return { url, port, config, database, close };
}
