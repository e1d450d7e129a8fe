/** Timing of repeated calls: percentiles over samples, after a warm-up that fills caches and JIT. */

export interface Figures {
  p50: number;
  p95: number;
  max: number;
  /** Number of timed calls. */
  n: number;
  /**
   * Median CPU time of this process per call (user + system). On a busy machine the wall-clock figures include
   * waiting for a core; this one mostly does not, so a wide gap between the two means contention, not work.
   */
  cpuP50?: number;
  cpuP95?: number;
  /**
   * Each timed call's wall-clock time in call order, when there are few (the bulk cases, where one slow call is the
   * p95 and which call it was matters: "select all" → archive alternates with its Undo).
   */
  samples?: number[];
}

export interface MeasureOptions {
  /** Timed calls wanted. */
  iterations: number;
  warmup?: number;
  /**
   * Time allowed for the timed calls: a slow operation stops early (after at least `minIterations` calls), so
   * the whole benchmark stays within its ten minutes whatever it finds. Default 6 s.
   */
  budgetMs?: number;
  minIterations?: number;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(samples: readonly number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1], n: sorted.length };
}

/**
 * Calls `run(i)` `warmup` times untimed, then up to `iterations` times timed (milliseconds). `i` counts every call,
 * so inputs can vary from call to call (another id, another value) and writes always change something.
 */
/**
 * One turn of the event loop between two calls, outside the timing: a person never sends a call in the same turn as
 * the answer to the last one, and what a write leaves for right after its answer (the statistics of
 * applications.create, update and setStage: ChangeWriter.answerBeforeStatistics) runs there, as it does in the app.
 * Called back to back, that refresh would land in the next call's figures.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Up to this many timed calls, each one's time is kept in the results (`Figures.samples`). */
const fewSamples = 10;

export async function measure(run: (i: number) => unknown, options: MeasureOptions): Promise<Figures> {
  const warmup = options.warmup ?? Math.min(20, Math.ceil(options.iterations / 5));
  const budget = options.budgetMs ?? 6000;
  let i = 0;
  const warming = performance.now();
  // At least one untimed call; the warm-up gets a quarter of the budget.
  while (i < Math.max(1, warmup)) {
    await run(i);
    await nextTurn();
    i += 1;
    if (performance.now() - warming > budget / 4) break;
  }
  const minimum = Math.min(options.iterations, options.minIterations ?? 5);
  const samples: number[] = [];
  const cpu: number[] = [];
  const begun = performance.now();
  for (let k = 0; k < options.iterations; k += 1, i += 1) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
    await nextTurn();
    if (k + 1 >= minimum && performance.now() - begun > budget) break;
  }
  const cpuFigures = summarize(cpu);
  return {
    ...summarize(samples),
    cpuP50: cpuFigures.p50,
    cpuP95: cpuFigures.p95,
    ...(samples.length <= fewSamples ? { samples: samples.map((ms) => Math.round(ms)) } : {}),
  };
}
