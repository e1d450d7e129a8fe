import type { ResourceLimits } from 'node:worker_threads';

/**
 * Files from this size have their rows read and checked in a thread of their own (about 2,300 rows of a usual
 * tracker): below, starting the thread (tens of milliseconds) costs more than it saves.
 */
export const checkThreadFromBytes = 256 * 1024;

/**
 * The thread's old generation (MB) for a file of `bytes`: 40 times the file's size, at least 1,024 and at most
 * 2,047. Why a limit: V8 lets a heap grow to 4 times what was live at its last full collection when the heap's limit
 * is 2 GB or more (here about 4 GB by default), and 1.3 to 2 times below that, by the limit. Most of the thread's
 * heap is garbage: its live set at the bench's file, 25.6 MB and 100,000 rows, is about 23 MB (82 MB before session
 * 13's duplicate finder, duplicates.ts, which now holds numbers instead of strings and objects; measured with the
 * typed arrays' contents, outside the heap).
 * Why so high: a thread past its limit is killed and the import fails (`tooLargeToCheck`). Live sets measured: 178
 * MB for the realistic 95 MB, 585,000-row file of test/imports/memory.test.ts (before session 13); 101 MB for
 * 100,000 rows (10 MB) that each name a company and a position of their own, 1 KB a row (412 MB, 4.3 KB a row,
 * before session 13, when such a file was refused past about 230,000 rows; now a million such rows, the most an
 * import takes, would need about 1 GB of the 2,047 MB their 100 MB allow).
 */
export function checkThreadLimits(bytes: number): ResourceLimits {
  const mb = bytes / (1024 * 1024);
  return { maxOldGenerationSizeMb: Math.round(Math.min(2047, Math.max(1024, 40 * mb))), maxYoungGenerationSizeMb: checkThreadYoungMb };
}

/**
 * The thread's young generation (MB), above what V8 grows it to by itself: the file's rows and their checked forms
 * live for a batch, and with the default nursery they were scavenged again and again before they died (109
 * scavenges, 0.9 s of pauses plus the collector's helper threads, at the bench's 100,000 rows), the core the
 * import's own thread needed meanwhile. `heavy.ts import`, 4 alternating pairs, session 23: the job's CPU 21.4 /
 * 21.3 / 22.9 / 22.2 → 20.1 / 21.7 / 20.9 / 20.9 s, the import 12.5 / 12.4 / 13.3 / 12.8 → 11.9 / 12.9 / 12.8 /
 * 12.3 s, the peak 460–487 → 498–506 MB (limit 600). The same for the jobs' worker (64 MB) was not faster and
 * added 40 to 70 MB.
 */
const checkThreadYoungMb = 64;
