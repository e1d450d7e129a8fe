import BetterSqlite3 from 'better-sqlite3';
import { queryPlan } from '../explain';
const db = new BetterSqlite3(process.argv[2]);
db.pragma('cache_size = -32000');
db.exec('BEGIN');
db.exec(process.argv[3] ?? '');
function t(label: string, sql: string, params: unknown[] = []) {
  const st = db.prepare(sql);
  const c: number[] = [];
  for (let i = 0; i < 9; i++) { const c0 = process.cpuUsage(); st.all(...params); const d = process.cpuUsage(c0); c.push((d.user + d.system) / 1000); }
  c.sort((a, b) => a - b);
  console.log(label.padEnd(30), 'cpu', c[4].toFixed(2).padStart(7), '|', queryPlan(db, sql).join(' | ').slice(0, 150));
}
const fts = `SELECT rowid FROM applications_fts WHERE applications_fts MATCH ?`;
for (const term of ['"lyon"*', '"react"*', '"kubernetes"*']) {
  t('count ' + term, `SELECT count(*) FROM applications a WHERE a.deleted_at IS NULL AND a.archived = ? AND a.seq IN (${fts})`, [0, term]);
  t('seqs ' + term, `SELECT a.seq FROM applications a WHERE a.deleted_at IS NULL AND a.archived = ? AND a.seq IN (${fts}) ORDER BY a.applied_on DESC NULLS LAST, a.seq DESC LIMIT 50`, [0, term]);
  t('plus seqs ' + term, `SELECT a.seq FROM applications a WHERE a.deleted_at IS NULL AND a.archived = ? AND +a.seq IN (${fts}) ORDER BY a.applied_on DESC NULLS LAST, a.seq DESC LIMIT 50`, [0, term]);
}
db.exec('ROLLBACK');
