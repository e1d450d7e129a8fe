import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import type { ServerContext } from '../context';
import type { ServerEnv } from '../http/route-table';
import { ReplicaPool } from './pool';

/** The folder's id, drawn once: the devices of this folder's replicas carry it. */
function instanceOf(dir: string): string {
  const file = path.join(dir, 'instance');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, `${crypto.randomUUID()}\n`, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * The replica pool of this process, when it can hold readable accounts: a master key and a folder for replicas
 * (`--replicas DIR`, default `<data>/replicas`). Otherwise `context.readable` says why not.
 */
export function setUpReplicas(context: ServerContext, app: Hono<ServerEnv>): void {
  if (!context.readable.masterKey) return;
  const { config } = context;
  const dir = config.replicasDir ?? (config.dataDir ? path.join(config.dataDir, 'replicas') : undefined);
  if (!dir) {
    context.readable = { masterKey: null, unavailable: 'no folder for replicas: give --replicas DIR or --data DIR' };
    return;
  }
  context.replicas = new ReplicaPool(
    { server: context, app, dir, instance: instanceOf(dir), cacheKiB: config.replicas.cacheKiB },
    context.readable.masterKey,
    { maxOpen: config.replicas.maxOpen, idleSeconds: config.replicas.idleSeconds },
  );
}
