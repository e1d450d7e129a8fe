import fs from 'node:fs';

/** Threads of this process (Linux): a worker thread is one more. */
export const threads = () => fs.readdirSync('/proc/self/task').length;

/** The threads once libuv's pool has started (at the first asynchronous file call), the jobs' worker's too. */
export async function startedThreads(): Promise<number> {
  await fs.promises.stat(import.meta.dirname);
  return threads();
}

/** Waits until `count()` satisfies `expected` (threads start and end asynchronously), 10 s at most; its last value. */
export async function until(count: () => number, expected: (value: number) => boolean): Promise<number> {
  const deadline = Date.now() + 10_000;
  while (!expected(count()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return count();
}
