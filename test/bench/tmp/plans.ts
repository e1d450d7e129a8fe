import BetterSqlite3 from 'better-sqlite3';
import { queryPlan } from '../explain';
import { summaryColumnsSql } from '../../../src-main/applications/rows';
const db = new BetterSqlite3(process.argv[2]);
db.pragma('cache_size = -32000');
const setup = process.argv[3];
if (setup) db.exec(setup);
const fromSql = `FROM applications a JOIN companies c ON c.id = a.company_id LEFT JOIN stages s ON s.id = a.stage_id`;
function t(label: string, sql: string, params: unknown[] = []) {
  const st = db.prepare(sql);
  const s: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < 11; i++) { const c0 = process.cpuUsage(); const t0 = performance.now(); st.all(...params); s.push(performance.now() - t0); const d = process.cpuUsage(c0); c.push((d.user + d.system) / 1000); }
  s.sort((a, b) => a - b); c.sort((a, b) => a - b);
  console.log(label.padEnd(26), s[5].toFixed(2).padStart(8), 'ms cpu', c[5].toFixed(2).padStart(8), '|', queryPlan(db, sql).join(' | '));
}
const order = 'ORDER BY a.applied_on DESC NULLS LAST, a.seq DESC LIMIT 50 OFFSET 0';
const w0 = `a.deleted_at IS NULL AND a.archived = ?`;
t('default page', `SELECT ${summaryColumnsSql} ${fromSql} WHERE ${w0} ${order}`, [0]);
t('default count', `SELECT count(*) FROM applications a WHERE ${w0}`, [0]);
const w3 = `a.deleted_at IS NULL AND a.stage_category IN (?, ?) AND a.employment_type IN (?) AND a.work_mode IN (?, ?) AND a.archived = ?`;
const p3 = ['screening', 'interviewing', 'permanent', 'remote', 'hybrid', 0];
t('3f page', `SELECT ${summaryColumnsSql} ${fromSql} WHERE ${w3} ${order}`, p3);
t('3f count', `SELECT count(*) FROM applications a WHERE ${w3}`, p3);
const plus = process.env.PLUS ?? '';
const ws = `a.deleted_at IS NULL AND a.archived = ? AND ${plus}a.seq IN (SELECT rowid FROM applications_fts WHERE applications_fts MATCH ?)`;
for (const term of ['"lyon"*', '"react"*', '"kubernetes"*']) {
  t('search page ' + term, `SELECT ${summaryColumnsSql} ${fromSql} WHERE ${ws} ${order}`, [0, term]);
  t('search count ' + term, `SELECT count(*) FROM applications a WHERE ${ws}`, [0, term]);
}
if (db.inTransaction) db.exec('ROLLBACK');
