import BetterSqlite3 from 'better-sqlite3';
import { queryPlan } from '../explain';
const db = new BetterSqlite3(process.argv[2]);
db.pragma('cache_size = -32000');
db.pragma('temp_store = MEMORY');
const facts = `CREATE TEMP TABLE IF NOT EXISTS statistics_facts (seq INTEGER PRIMARY KEY, required_skills TEXT, preferred_skills TEXT, category TEXT)`;
db.exec(facts);
db.exec(`INSERT INTO temp.statistics_facts SELECT seq, required_skills, preferred_skills, stage_category FROM applications WHERE deleted_at IS NULL AND archived = 0`);
function t(label: string, sql: string, params: unknown[] = []) {
  const st = db.prepare(sql);
  const c0 = process.cpuUsage(); const t0 = performance.now(); const rows = st.all(...params); const d = process.cpuUsage(c0);
  console.log(label.padEnd(12), (performance.now() - t0).toFixed(1).padStart(8), 'ms cpu', ((d.user + d.system) / 1000).toFixed(1).padStart(8), rows.length, '|', queryPlan(db, sql).join(' | '));
}
t('skills', `SELECT f.category, j.value FROM temp.statistics_facts f, json_each(f.required_skills) j`);
t('skillsKind', `SELECT 'required' AS kind, j.value FROM temp.statistics_facts f, json_each(f.required_skills) j UNION ALL SELECT 'preferred', j.value FROM temp.statistics_facts f, json_each(f.preferred_skills) j`);
const upcoming = `SELECT i.scheduled_at FROM interviews i JOIN applications a ON a.id = i.application_id JOIN temp.statistics_facts f ON f.seq = a.seq
       WHERE i.deleted_at IS NULL AND i.status = 'planned' AND i.scheduled_at >= ? AND i.scheduled_at < ?`;
t('upcoming', upcoming, ['2026-11-21T00:00:00Z', '2026-11-28T00:00:00Z']);
