/**
 * The bench's three small writes timed as the bench times them (timing.ts `measure`, 150 calls at 100,000, the
 * same inputs as cases.ts), on a copy of a bench database, without the rest of the bench: for alternating runs on
 * the old and new code, each on its own copy. Not a test (tests never assert timings):
 * `npx tsx test/bench/probe-write-measure.ts <data folder>`.
 */
import os from 'node:os';
import { createApi } from '../../src-main/api';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { loadFixture, smallWrites } from './cases';
import { measure } from './timing';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: probe-write-measure.ts <data folder>');

const context = await openAppContext({ dataDir });
const api = createApi(context);
const kinds = smallWrites(api, loadFixture(context, 'bench-100000'));
const results: Record<string, unknown> = { load: os.loadavg().map((n) => Math.round(n * 10) / 10) };
// The bench's order and call count at 100,000 (cases.ts).
for (const kind of ['create', 'update', 'setStage'] as const) results[kind] = await measure(kinds[kind], { iterations: 150 });
closeAppContext(context);
console.log(JSON.stringify(results));
