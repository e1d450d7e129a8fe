import { createApi } from '../../../src-main/api';
import { openAppContext } from '../../../src-main/context';
const context = await openAppContext({ dataDir: process.argv[2] });
const api = createApi(context);
for (let i = 0; i < 6; i++) {
  const c0 = process.cpuUsage(); const t0 = performance.now();
  const r = await api.call('statistics.dashboard', {});
  const d = process.cpuUsage(c0);
  console.log('dashboard', (performance.now() - t0).toFixed(1), 'ms cpu', ((d.user + d.system) / 1000).toFixed(1), r.ok ? '' : JSON.stringify(r.error));
}
context.db.close();
