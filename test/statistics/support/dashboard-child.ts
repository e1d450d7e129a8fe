/**
 * Run as a child process by bounds.test.ts, with a small heap: opens the data folder given, computes the dashboard
 * at every step and every statistics channel, and prints what came back. Crashing, or never finishing, is the
 * failure the parent looks for.
 */
import { createApi } from '../../../src-main/api';
import { closeAppContext, openAppContext } from '../../../src-main/context';
import { timelineGranularities } from '../../../src-shared/contract';

const dataDir = process.argv[2];
const context = await openAppContext({ dataDir });
const api = createApi(context);
const answers: Record<string, unknown> = {};
for (const granularity of timelineGranularities) {
  answers[`dashboard.${granularity}`] = await api.invoke('statistics.dashboard', { archived: 'all', granularity });
  answers[`ranged.${granularity}`] = await api.invoke('statistics.dashboard', { archived: 'all', granularity, from: '1970-01-01' });
}
for (const channel of ['statistics.timeline', 'statistics.activity', 'statistics.overview', 'statistics.responseTimes'] as const) {
  answers[channel] = await api.invoke(channel, { archived: 'all' });
}
closeAppContext(context);
process.stdout.write(JSON.stringify({ answers, heapMb: Math.round(process.memoryUsage().heapUsed / 1e6) }));
