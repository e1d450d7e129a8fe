import { createApi } from '../../../src-main/api';
import { openAppContext } from '../../../src-main/context';
const context = await openAppContext({ dataDir: process.argv[2] });
const api = createApi(context);
const ids = context.db.sql('SELECT id FROM applications WHERE archived = 0 LIMIT 400').pluck().all() as string[];
const stage = context.db.sql(`SELECT id FROM stages WHERE category = 'screening'`).pluck().get();
async function time(label: string, fn: (i: number) => Promise<unknown>, n = 200) {
  const s: number[] = [];
  for (let i = 0; i < n; i++) { const t = performance.now(); const r = await fn(i) as { ok: boolean; error?: unknown }; s.push(performance.now() - t); if (!r.ok) { console.log(r.error); break; } }
  s.sort((a, b) => a - b);
  console.log(label.padEnd(12), 'p50', s[n >> 1].toFixed(3), 'p95', s[Math.floor(n * 0.95)].toFixed(3));
}
const which = process.argv[3] ?? 'all';
if (which === 'all' || which === 'update') await time('update', (i) => api.call('applications.update', { id: ids[i], patch: { notes: `x ${i}`, priority: (i % 5) + 1 } }));
if (which === 'all' || which === 'get') await time('get', (i) => api.call('applications.get', { id: ids[i] }));
if (which === 'all' || which === 'setStage') await time('setStage', (i) => api.call('applications.setStage', { id: ids[i], stageId: stage }));
if (which === 'all' || which === 'create') await time('create', (i) => api.call('applications.create', { companyName: 'Nexa Labs', position: `p ${i}`, tags: ['startup', 'relance'], notes: 'x' }));
if (which === 'all' || which === 'list') await time('list', () => api.call('applications.list', {}), 30);
if (which === 'all' || which === 'dash') await time('dashboard', () => api.call('statistics.dashboard', {}), 10);
context.db.close();
