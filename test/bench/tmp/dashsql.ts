import { createApi } from '../../../src-main/api';
import { openAppContext } from '../../../src-main/context';
const context = await openAppContext({ dataDir: process.argv[2] });
const api = createApi(context);
const { db } = context;
const costs = new Map<string, { ms: number; cpu: number; n: number; params: unknown[] }>();
const original = db.sql.bind(db);
db.sql = (text: string) => {
  const statement = original(text);
  return new Proxy(statement, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === 'all' || prop === 'get' || prop === 'run') {
        return (...args: unknown[]) => {
          const c0 = process.cpuUsage(); const t0 = performance.now();
          try { return (value as (...a: unknown[]) => unknown).apply(target, args); } finally {
            const d = process.cpuUsage(c0); const e = costs.get(text) ?? { ms: 0, cpu: 0, n: 0, params: args };
            e.ms += performance.now() - t0; e.cpu += (d.user + d.system) / 1000; e.n += 1; costs.set(text, e);
          }
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
};
await api.call('statistics.dashboard', {});
costs.clear();
const r = await api.call('statistics.dashboard', {});
if (!r.ok) console.log(r.error);
const rows = [...costs].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 8);
for (const [text, c] of rows) {
  const plan = (db.sqlite.prepare('EXPLAIN QUERY PLAN ' + text).all(...(c.params as never[])) as { detail: string }[]).map((p) => p.detail).join(' | ');
  console.log(`${c.cpu.toFixed(0)} ms cpu (${c.ms.toFixed(0)} wall, ${c.n}x): ${text.replace(/\s+/g, ' ').slice(0, 400)}\n   PLAN: ${plan.slice(0, 600)}\n`);
}
context.db.close();
