/**
 * The Excel export's CPU by thread: runs `heavy.ts export` in a child process and samples every thread's
 * /proc/<pid>/task/<tid>/schedstat (time on a core, time queued for one) every 50 ms, keeping each thread's last
 * figures. Every thread is named "node": the jobs' worker is told apart as the busiest thread started after the
 * first second. Its time on a core is the export's critical path at rest, its time queued what the load added.
 *   node --import tsx test/bench/probe-export-threads.ts <worktree> <data dir>
 * Run it on a COPY of a bench database.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [worktree, dataDir] = process.argv.slice(2);
if (!worktree || !dataDir) {
  console.error('Usage: node --import tsx test/bench/probe-export-threads.ts <worktree> <data dir>');
  process.exit(2);
}
const out = path.join(dataDir, 'probe-export-threads.xlsx');
const child = spawn(process.execPath, ['--import', 'tsx', path.join(worktree, 'test/bench/heavy.ts'), 'export', dataDir, out], {
  cwd: worktree,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let result = '';
child.stdout.setEncoding('utf8').on('data', (chunk: string) => (result += chunk));

interface ThreadFigures {
  firstSeenMs: number;
  runMs: number;
  waitMs: number;
}
const threads = new Map<string, ThreadFigures>();

function sample(): void {
  const folder = `/proc/${child.pid}/task`;
  let tids: string[];
  try {
    tids = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const [run, wait] = fs.readFileSync(`${folder}/${tid}/schedstat`, 'utf8').split(' ').map(Number);
      threads.set(tid, { firstSeenMs: threads.get(tid)?.firstSeenMs ?? performance.now() - started, runMs: run / 1e6, waitMs: wait / 1e6 });
    } catch {
      // The thread ended between the listing and the read.
    }
  }
}

const started = performance.now();
const timer = setInterval(sample, 50);
child.on('exit', () => {
  clearInterval(timer);
  fs.rmSync(out, { force: true });
  const line = result.split('\n').find((candidate) => candidate.startsWith('BENCH_RESULT '));
  const bench = line ? (JSON.parse(line.slice('BENCH_RESULT '.length)) as { ms: number; cpuMs: number; mainThreadCpuMs: number; peakRssMb: number }) : undefined;
  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  // The jobs' worker starts with the job, after the app's context is open (its threads, the pool's, V8's, all start
  // before): the busiest thread that came later.
  const worker = [...threads.values()].filter((t) => t.firstSeenMs > 1000).sort((a, b) => b.runMs - a.runMs)[0];
  const others = [...threads.values()].filter((t) => t !== worker).reduce((sum, t) => sum + t.runMs, 0);
  const [mainThread] = threads.values();
  console.log(
    `load=${load} wall=${bench ? (bench.ms / 1000).toFixed(2) : '?'} cpu=${bench ? (bench.cpuMs / 1000).toFixed(2) : '?'} main=${bench ? (bench.mainThreadCpuMs / 1000).toFixed(2) : '?'} peak=${bench?.peakRssMb ?? '?'}` +
      ` | worker run=${worker ? (worker.runMs / 1000).toFixed(2) : '?'} queued=${worker ? (worker.waitMs / 1000).toFixed(2) : '?'}` +
      ` | main thread (whole process) ${((mainThread?.runMs ?? 0) / 1000).toFixed(2)} | other threads ${((others - (mainThread?.runMs ?? 0)) / 1000).toFixed(2)}`,
  );
});
