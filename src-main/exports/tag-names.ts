import type { ExportReader } from './reader';

/**
 * Every application's live tags, as the Tags column shows them ("dream job, remote": names in the tags' order,
 * name_key), by application id. Read in one pass over the tag links before the applications sheet, rather than by
 * a subquery per exported row: each of those looked every link's row up (for its deleted_at) at random in the
 * table, 1.1 s of SQLite's CPU at 100,000 applications against 0.4 s for this pass (docs/performance.md). Equal
 * joined lists share one string, so what is held is about one map entry per tagged application.
 */
export async function readTagNames(reader: ExportReader): Promise<ReadonlyMap<string, string>> {
  const names = new Map<string, string>();
  const shared = new Map<string, string>();
  let application: string | undefined;
  let joined = '';
  const keep = () => {
    if (application === undefined) return;
    let text = shared.get(joined);
    if (text === undefined) shared.set(joined, (text = joined));
    names.set(application, text);
  };
  const query = {
    sql: `SELECT at.application_id, t.name FROM application_tags at JOIN tags t ON t.id = at.tag_id
      WHERE at.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY at.application_id, t.name_key, t.rowid`,
    params: [],
  };
  for await (const batch of reader.batches<{ application_id: string; name: string }>(query)) {
    for (const link of batch) {
      if (link.application_id === application) {
        joined += `, ${link.name}`;
        continue;
      }
      keep();
      application = link.application_id;
      joined = link.name;
    }
  }
  keep();
  return names;
}
