import fs from 'node:fs';

/**
 * CPU time as the measuring scripts report it. On a shared machine CPU time says more than the wall clock; the
 * main thread's own share tells what main's JavaScript did apart from the process's other threads (the job's
 * worker, the checkpoint thread, zlib's pool).
 */

/** The process's CPU time (user + system) since `since`, ms. */
export function processCpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1000);
}

/** The main thread's CPU time so far, ms, from Linux's per-thread counters (its thread id is the process id); NaN elsewhere. */
export function mainThreadCpuMs(): number {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The one-minute load average (NaN where /proc is missing). */
export function loadAverage(): number {
  try {
    return Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return Number.NaN;
  }
}

/** Runs `fn` once: its result with the wall clock, the process's and the main thread's CPU, and the load after. */
export async function timedOnce<T>(fn: () => T | Promise<T>): Promise<{ result: T; wallMs: number; cpuMs: number; mainCpuMs: number; load: number }> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const main = mainThreadCpuMs();
  const result = await fn();
  return { result, wallMs: Math.round(performance.now() - wall), cpuMs: processCpuMs(cpu), mainCpuMs: Math.round(mainThreadCpuMs() - main), load: loadAverage() };
}
