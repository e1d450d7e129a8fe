import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import type { ServerConfigInput } from '../../../src-server/config';
import type { LogLine } from '../../../src-server/http/logs';
import { startServer, type RunningServer } from '../../../src-server/server';
import { startPostgres, type PostgresCluster } from './postgres';

export type Engine = 'sqlite' | 'postgres';
export const engines: Engine[] = ['sqlite', 'postgres'];

/** The server's injected clock: starts at the real time and moves only when told. */
export class TestClock {
  private offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

export interface TestServer {
  url: string;
  engine: Engine;
  clock: TestClock;
  /** The data folder (SQLite file, or empty on PostgreSQL). */
  dataDir: string;
  /** On PostgreSQL, this server's own database. */
  databaseUrl?: string;
  /** Every log line the server wrote. */
  logs: LogLine[];
  running: RunningServer;
  /** Stops the server (gracefully) and starts it again on the same data, on the same port. */
  restart(): Promise<void>;
  /** Stops the server and removes its data. */
  close(): Promise<void>;
}

export interface TestServerOptions {
  engine?: Engine;
  /** Needed for engine 'postgres': the cluster of `usePostgres()` or `startPostgres()`. */
  postgres?: PostgresCluster;
  config?: Partial<ServerConfigInput>;
  clock?: TestClock;
}

/** Cheap argon2 for tests (the parameters travel in each hash; production uses the configured defaults). */
const testHashing = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

/**
 * Candid Server in this process on a temp data folder (SQLite) or a fresh PostgreSQL database, on 127.0.0.1 at
 * a free port, with an injected clock and its logs captured. For the server's own tests and the desktop's.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const engine = options.engine ?? 'sqlite';
  const clock = options.clock ?? new TestClock();
  // On PostgreSQL a fresh database of the cluster, unless config.databaseUrl names one (a second server process on it).
  let databaseUrl = options.config?.databaseUrl;
  if (engine === 'postgres' && !databaseUrl) {
    if (!options.postgres) throw new Error('startTestServer({engine: "postgres"}) needs a cluster: usePostgres() or startPostgres()');
    databaseUrl = await options.postgres.createDatabase();
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candid-server-'));
  const logs: LogLine[] = [];
  const config = (port: number): ServerConfigInput => ({
    dataDir,
    passwordHashing: testHashing,
    ...options.config,
    databaseUrl,
    port,
  });
  let running: RunningServer;
  try {
    running = await startServer({ config: config(0), clock, log: (line) => logs.push(line) });
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const handle: TestServer = {
    url: running.url,
    engine,
    clock,
    dataDir,
    databaseUrl,
    logs,
    running,
    async restart() {
      await running.close();
      running = await startServer({ config: config(running.port), clock, log: (line) => logs.push(line) });
      handle.running = running;
    },
    async close() {
      await running.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

/**
 * One PostgreSQL cluster for the test file that calls it (started before its tests, removed after them). Call
 * at the top level or in a describe; the returned getter gives the cluster inside tests and hooks.
 */
export function usePostgres(): () => PostgresCluster {
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  return () => {
    if (!cluster) throw new Error('The PostgreSQL cluster is not started yet (use it inside tests or hooks)');
    return cluster;
  };
}

/**
 * Runs `suite` once per engine: on the embedded SQLite and on a real PostgreSQL 15 this file starts. `start`
 * gives the suite a server on that engine.
 */
export function describeEngines(name: string, suite: (start: (options?: Omit<TestServerOptions, 'engine' | 'postgres'>) => Promise<TestServer>, engine: Engine) => void): void {
  describe.each(engines)(`${name} (%s)`, (engine) => {
    const cluster = engine === 'postgres' ? usePostgres() : undefined;
    suite((options = {}) => startTestServer({ ...options, engine, postgres: cluster?.() }), engine);
  });
}
