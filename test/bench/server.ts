/**
 * `npm run bench -- --server [--devices 1000] [--rounds 5] [--engines sqlite,postgres]`: Candid Server under many
 * devices. The server runs as `npm run server` does, in its own process (its peak memory is read from
 * /proc/<pid>/status), on the embedded SQLite and on a throwaway PostgreSQL 15 started like the tests start it.
 *
 * The simulated devices: 100 accounts of 10 devices each (a person has a few devices; many devices per account
 * is the harder case for the per-account ordering of pushes). Each device is an HTTP client with its own tokens
 * that, in each round, pushes one sealed batch (1.5 KB of random bytes, the size of about twenty changes once
 * compressed and sealed) and then pulls until `more` is false. Syncs start at a steady `rate` per second (an open
 * loop, as devices that sync on their own timers are: 10/s by default, i.e. each of 1,000 devices syncing every
 * 100 s, more often than the desktop's every few minutes), devices drawn in a random order. The log-ins of the
 * setup use a cheap argon2 cost (--password-memory-kib): the figures are about syncing, not about signing in.
 *
 * The desktop-side figures of issue 11 (10,000 offline changes pushed and pulled by a second device; a second
 * device joining a 100,000-application search) are measured by the sync client against this server: they add
 * their rows through `deviceSideCases` below.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startPostgres, type PostgresCluster } from '../server/support/postgres';
import { percentile } from './timing';

const log = (line: string) => process.stderr.write(`${line}\n`);

export interface ServerBenchOptions {
  devices: number;
  devicesPerAccount: number;
  rounds: number;
  /** Syncs started per second. */
  rate: number;
  engines: Array<'sqlite' | 'postgres'>;
}

interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}

export interface EngineResult {
  engine: 'sqlite' | 'postgres';
  devices: number;
  accounts: number;
  setupSeconds: number;
  runSeconds: number;
  push: Latencies;
  pull: Latencies;
  requests: number;
  errors: number;
  firstError?: string;
  batchesPulled: number;
  serverPeakRssMb: number;
  /** CPU time of the server process (user + system) per request during the run. */
  serverCpuMsPerRequest: number;
  /** A 100 MB snapshot uploaded then downloaded by one device (streamed both ways). */
  snapshot: { uploadSeconds: number; downloadSeconds: number; status: string };
  deviceSide: Array<{ label: string; target: string; measured: string }>;
}

/**
 * Where the sync client adds its device-side measurements: each runs against the running server of each engine
 * (after the many-device run, with fresh accounts of its own) and returns the figure to print.
 */
export interface DeviceSideCase {
  label: string;
  target: string;
  run(serverUrl: string, engine: 'sqlite' | 'postgres'): Promise<string>;
}
export const deviceSideCases: DeviceSideCase[] = [];

const root = path.resolve(import.meta.dirname, '../..');

function latencies(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? NaN), n: sorted.length };
}

/** `npm run server`'s code in a child process; resolves once it listens. */
async function spawnServer(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src-server/main.ts'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      for (const line of buffered.split('\n')) {
        if (!line.includes('"msg":"listening"')) continue;
        child.stdout!.off('data', onData);
        // The request log (one line per request) is drained and dropped: at this rate it would only cost the bench.
        child.stdout!.resume();
        resolve(JSON.parse(line).url);
        return;
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${stderr}`)));
  });
  return { child, url };
}

/** User + system CPU milliseconds of a process so far (clock ticks of /proc/<pid>/stat, 100 per second on Linux). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

/** Keep-alive connections shared by the simulated devices (node:http: much less client CPU than fetch). */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One JSON request; network failures come back as status 0 rather than throwing. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads a few fields of each answer
function json(url: string, method: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const request = http.request(
      url,
      {
        method,
        agent,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          try {
            resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null });
          } catch {
            resolve({ status: response.statusCode ?? 0, body: text });
          }
        });
        response.on('error', (error) => resolve({ status: 0, body: error.message }));
      },
    );
    request.on('error', (error) => resolve({ status: 0, body: error.message }));
    request.end(payload);
  });
}

interface SimulatedDevice {
  token: string;
  cursor: number;
}

async function benchEngine(engine: 'sqlite' | 'postgres', options: ServerBenchOptions): Promise<EngineResult> {
  log(`\nServer on ${engine}: ${options.devices} devices`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candid-bench-server-'));
  let cluster: PostgresCluster | undefined;
  let child: ChildProcess | undefined;
  try {
    const args = ['--data', dataDir, '--port', '0', '--password-memory-kib', '1024', '--auth-per-minute', '1000000', '--failed-logins', '1000000', '--account-requests-per-minute', '1000000', '--public-per-minute', '1000000'];
    if (engine === 'postgres') {
      cluster = await startPostgres();
      args.push('--database', await cluster.createDatabase());
    }
    const started = await spawnServer(args);
    child = started.child;
    const base = started.url;

    // Setup (not timed as sync): accounts and device log-ins.
    const setupStarted = performance.now();
    const accounts = Math.ceil(options.devices / options.devicesPerAccount);
    const devices: SimulatedDevice[] = [];
    const password = 'bench password 123';
    await pool(accounts, 8, async (a) => {
      const email = `bench-${a}-${crypto.randomUUID()}@example.org`;
      const first = await json(`${base}/auth/register`, 'POST', { email, password, deviceName: 'device 0' });
      if (first.status !== 201) throw new Error(`register: ${first.status} ${JSON.stringify(first.body)}`);
      devices.push({ token: first.body.tokens.accessToken, cursor: 0 });
      for (let d = 1; d < options.devicesPerAccount && devices.length < options.devices; d += 1) {
        const next = await json(`${base}/auth/login`, 'POST', { email, password, deviceName: `device ${d}` });
        if (next.status !== 200) throw new Error(`login: ${next.status} ${JSON.stringify(next.body)}`);
        devices.push({ token: next.body.tokens.accessToken, cursor: 0 });
      }
    });
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    log(`  ${devices.length} devices of ${accounts} accounts signed in (${setupSeconds.toFixed(1)} s)`);

    const pushTimes: number[] = [];
    const pullTimes: number[] = [];
    let requests = 0;
    let errors = 0;
    let firstError: string | undefined;
    let batchesPulled = 0;
    const fail = (what: string) => {
      errors += 1;
      firstError ??= what;
    };
    const work: number[] = [];
    for (let round = 0; round < options.rounds; round += 1) for (let d = 0; d < devices.length; d += 1) work.push(d);
    shuffle(work);
    const cpuBefore = cpuMs(child.pid!);
    const runStarted = performance.now();
    await openLoop(work.length, options.rate, async (k) => {
      const device = devices[work[k]];
      const payload = crypto.randomBytes(1536).toString('base64url');
      let began = performance.now();
      const pushed = await json(`${base}/sync/push`, 'POST', { batches: [{ id: crypto.randomUUID(), payload }], clientTime: new Date().toISOString() }, device.token);
      pushTimes.push(performance.now() - began);
      requests += 1;
      if (pushed.status !== 200) fail(`push ${pushed.status} ${JSON.stringify(pushed.body)}`);
      for (;;) {
        began = performance.now();
        const pulled = await json(`${base}/sync/pull?after=${device.cursor}`, 'GET', undefined, device.token);
        pullTimes.push(performance.now() - began);
        requests += 1;
        if (pulled.status !== 200) {
          fail(`pull ${pulled.status} ${JSON.stringify(pulled.body)}`);
          break;
        }
        batchesPulled += pulled.body.batches.length;
        device.cursor = pulled.body.cursor;
        if (!pulled.body.more) break;
      }
    });
    const runSeconds = (performance.now() - runStarted) / 1000;
    const serverCpuMsPerRequest = Math.round(((cpuMs(child.pid!) - cpuBefore) / requests) * 100) / 100;
    log(`  ${requests} requests in ${runSeconds.toFixed(1)} s, ${errors} errors`);
    log('  a 100 MB snapshot up and down');
    const snapshot = await snapshotRoundTrip(base, devices[0].token);
    const deviceSide: EngineResult['deviceSide'] = [];
    for (const device of deviceSideCases) {
      log(`  ${device.label}`);
      const serverCpu = cpuMs(child.pid!);
      const measured = await device.run(base, engine);
      deviceSide.push({ label: device.label, target: device.target, measured: `${measured}; server CPU ${((cpuMs(child.pid!) - serverCpu) / 1000).toFixed(2)} s` });
    }
    const serverPeakRssMb = peakRssMb(child.pid!);
    log(`  server peak RSS ${serverPeakRssMb} MB`);
    return {
      engine,
      devices: devices.length,
      accounts,
      setupSeconds,
      runSeconds,
      push: latencies(pushTimes),
      pull: latencies(pullTimes),
      requests,
      errors,
      firstError,
      batchesPulled,
      serverPeakRssMb,
      serverCpuMsPerRequest,
      snapshot,
      deviceSide,
    };
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await cluster?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const snapshotBytes = 100 * 1024 * 1024;

/** Uploads 100 MB of random bytes as a snapshot covering the account's head, in 64 KiB writes, then downloads it. */
async function snapshotRoundTrip(base: string, token: string): Promise<EngineResult['snapshot']> {
  const head = (await json(`${base}/sync/pull?after=0&limit=1`, 'GET', undefined, token)).body.head as number;
  const piece = crypto.randomBytes(64 * 1024);
  let began = performance.now();
  const uploaded = await new Promise<number>((resolve) => {
    const request = http.request(
      `${base}/sync/snapshot?id=${crypto.randomUUID()}&covers=${head}`,
      { method: 'PUT', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': snapshotBytes } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', () => resolve(0));
    let sent = 0;
    const write = () => {
      while (sent < snapshotBytes) {
        sent += piece.length;
        if (!request.write(piece)) return void request.once('drain', write);
      }
      request.end();
    };
    write();
  });
  const uploadSeconds = (performance.now() - began) / 1000;
  began = performance.now();
  const downloaded = await new Promise<number>((resolve) => {
    http
      .get(`${base}/sync/snapshot`, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
        let bytes = 0;
        response.on('data', (part: Buffer) => (bytes += part.length));
        response.on('end', () => resolve(response.statusCode === 200 ? bytes : -1));
      })
      .on('error', () => resolve(-1));
  });
  const downloadSeconds = (performance.now() - began) / 1000;
  const status = uploaded === 201 && downloaded === snapshotBytes ? 'ok' : `upload ${uploaded}, downloaded ${downloaded} bytes`;
  return { uploadSeconds: Math.round(uploadSeconds * 10) / 10, downloadSeconds: Math.round(downloadSeconds * 10) / 10, status };
}

/** Runs `task(0..count-1)` with at most `concurrency` at once. */
async function pool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** Starts `task(k)` at `rate` per second whatever the earlier ones are doing, and waits for them all. */
async function openLoop(count: number, rate: number, task: (index: number) => Promise<void>): Promise<void> {
  const started = performance.now();
  const running: Promise<void>[] = [];
  for (let k = 0; k < count; k += 1) {
    const due = started + (k * 1000) / rate - performance.now();
    if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
    running.push(task(k));
  }
  await Promise.all(running);
}

function shuffle(values: number[]): void {
  for (let i = values.length - 1; i > 0; i -= 1) {
    const j = crypto.randomInt(i + 1);
    [values[i], values[j]] = [values[j], values[i]];
  }
}

export function serverTable(results: EngineResult[], options: ServerBenchOptions): string {
  const target = (result: EngineResult) =>
    result.push.p95 <= 50 && result.pull.p95 <= 50 && result.errors === 0 ? 'met' : 'missed';
  const lines = [
    `### Candid Server: ${options.devices.toLocaleString('en')} devices (${options.devicesPerAccount} per account), ${options.rounds} syncs each, ${options.rate} syncs started per second`,
    '',
    '| engine | push p50 / p95 / p99 ms | pull p50 / p95 / p99 ms | requests | req/s | errors | server CPU ms / request | server peak RSS MB | target (p95 ≤ 50 ms, no errors) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...results.map(
      (r) =>
        `| ${r.engine} | ${r.push.p50} / ${r.push.p95} / ${r.push.p99} | ${r.pull.p50} / ${r.pull.p95} / ${r.pull.p99} | ${r.requests} | ${Math.round(r.requests / r.runSeconds)} | ${r.errors}${r.firstError ? ` (${r.firstError.slice(0, 80)})` : ''} | ${r.serverCpuMsPerRequest} | ${r.serverPeakRssMb} | ${target(r)} |`,
    ),
    '',
    `A 100 MB snapshot (after the devices' run; the peak RSS above includes it): ${results.map((r) => `${r.engine} up ${r.snapshot.uploadSeconds} s, down ${r.snapshot.downloadSeconds} s (${r.snapshot.status})`).join('; ')}.`,
    '',
    `Server CPU per request is the figure the machine's load does not inflate much: one core serves about 1,000 / that many requests a second. ` +
      `Setup (registrations and log-ins, argon2id at 1 MiB): ${results.map((r) => `${r.engine} ${r.setupSeconds.toFixed(0)} s`).join(', ')}.`,
  ];
  return lines.join('\n');
}

export async function runServerBench(options: ServerBenchOptions): Promise<{ markdown: string; results: EngineResult[] }> {
  const results: EngineResult[] = [];
  for (const engine of options.engines) results.push(await benchEngine(engine, options));
  const deviceSide = results.flatMap((r) => r.deviceSide.map((d) => `| ${d.label} | ${r.engine} | ${d.target} | ${d.measured} |`));
  const deviceTable = deviceSide.length
    ? ['| device-side case | engine | target | measured |', '| --- | --- | --- | --- |', ...deviceSide].join('\n')
    : 'Device-side figures (10,000 offline changes pushed and pulled by a second device, ≤ 2 s; a second device joining a ' +
      '100,000-application search, ≤ 30 s): not measured here yet; the desktop sync client adds them through `deviceSideCases`.';
  return { markdown: `${serverTable(results, options)}\n\n${deviceTable}`, results };
}
