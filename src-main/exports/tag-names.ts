import type { ExportReader } from './reader';

/**
 * Every live link's application rowid and tag name, by application and name. CROSS JOIN keeps the links first, walked
 * in the order of their index on (application_id, tag_id), which the ORDER BY's first term then needs no sort for: a
 * link is made with its application or after it and ids are time-ordered, so that order is close to the links' order
 * on disk, and each link's row (read for its deleted_at) is mostly on the page read for the one before; so are the
 * entries of the index on the applications' id that give each its rowid. SQLite otherwise chose to walk the tags and
 * each tag's links through the index on tag_id, each link's row then on a page read at random: at 100,000
 * applications (110,659 links) 30,600 read calls and 0.52 to 0.73 s of CPU, against 7,192 and 0.40 to 0.42 s without
 * the rowids (test/bench/measure-excel-reads.ts, load 8 to 10); the rowids add about 1,250 read calls and no CPU
 * measurably. Deleted applications' links are read too (the covering index on the id answers alone): never asked for.
 */
export const tagNamesQuery = {
  sql: `SELECT a.seq, t.name FROM application_tags at CROSS JOIN applications a ON a.id = at.application_id CROSS JOIN tags t ON t.id = at.tag_id
    WHERE at.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY at.application_id, t.name_key, t.rowid`,
  params: [],
};

/**
 * Every application's live tags, as the Tags column shows them ("dream job, remote": names in the tags' order,
 * name_key), by application rowid. Read in one pass over the tag links before the applications sheet, rather than by
 * a subquery per exported row: each of those looked every link's row up (for its deleted_at) at random in the
 * table, 1.1 s of SQLite's CPU at 100,000 applications against 0.4 s for this pass (docs/performance.md). Equal
 * joined lists share one string, so what is held is about one map entry per tagged application. Keyed by rowid, not
 * by the 36-character id: the ids of 55,000 tagged applications were about 3 MB of the export's live heap, and each
 * row's lookup hashed its id.
 */
export async function readTagNames(reader: ExportReader): Promise<ReadonlyMap<number, string>> {
  const names = new Map<number, string>();
  const shared = new Map<string, string>();
  let application: number | undefined;
  let joined = '';
  const keep = () => {
    if (application === undefined) return;
    let text = shared.get(joined);
    if (text === undefined) shared.set(joined, (text = joined));
    names.set(application, text);
  };
  for await (const batch of reader.rawBatches(tagNamesQuery, 5_000)) {
    for (const [seq, name] of batch as [number, string][]) {
      if (seq === application) {
        joined += `, ${name}`;
        continue;
      }
      keep();
      application = seq;
      joined = name;
    }
  }
  keep();
  return names;
}
