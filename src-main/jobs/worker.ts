/**
 * The jobs' worker thread's entry (bundled as out/main/worker.js). It looks at its role before it loads any code: a
 * thread a job started for part of its work (src-main/exports/sheet-thread.ts, src-main/imports/check-thread.ts,
 * statistics-thread.ts; a check thread started ahead of its import, check-spare.ts) loads only its own, not the
 * jobs' machinery (ChangeWriter, SyncService, the jobs' table: 100 to 200 ms of each such thread's start under load,
 * docs/performance.md, session 20); the jobs' worker proper is job-worker.ts. Never imports electron.
 */
import { workerData } from 'node:worker_threads';
import { isSheetThreadStart } from '../exports/sheet-protocol';
import { isCheckThreadStart, isCheckThreadWaiting } from '../imports/check-protocol';
import { isStatisticsThreadStart } from '../imports/statistics-protocol';

// A thread a job started for part of its work (src-main/exports/sheet-thread.ts, src-main/imports/check-thread.ts,
// statistics-thread.ts), or the jobs' worker.
if (isSheetThreadStart(workerData)) void import('../exports/sheet-worker').then((sheet) => sheet.runSheetThread(workerData));
else if (isCheckThreadStart(workerData)) void import('../imports/check-worker').then((check) => check.runCheckThread(workerData));
else if (isCheckThreadWaiting(workerData)) void import('../imports/check-worker').then((check) => check.awaitCheckStart());
else if (isStatisticsThreadStart(workerData)) void import('../imports/statistics-worker').then((statistics) => statistics.runStatisticsThread(workerData));
else void import('./job-worker').then((jobs) => jobs.serveJobs());
