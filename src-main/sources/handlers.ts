import { builtInSources, type SourceList } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { nameKey } from '../../src-shared/text';
import type { Database } from '../db/connection';
import { defineHandlers } from '../handler';
import { requireLive } from '../shared/require';

export function listSources(db: Database): SourceList {
  const builtIn = new Set<string>(builtInSources);
  const saved = db.sql(`SELECT id, name FROM sources WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE`).all() as { id: string; name: string }[];
  const used = db
    .sql(`SELECT source, count(*) AS n FROM applications WHERE deleted_at IS NULL AND source IS NOT NULL GROUP BY source`)
    .all() as { source: string; n: number }[];
  const counts = new Map(used.map((row) => [row.source, row.n]));
  const custom: SourceList['custom'] = saved.map((row) => ({ id: row.id, name: row.name, applicationCount: counts.get(row.name) ?? 0 }));
  const known = new Set(saved.map((row) => row.name));
  for (const row of used) {
    if (!builtIn.has(row.source) && !known.has(row.source)) custom.push({ id: null, name: row.source, applicationCount: row.n });
  }
  custom.sort((a, b) => a.name.localeCompare(b.name));
  return { builtIn: [...builtInSources], custom };
}

export const sourceHandlers = defineHandlers({
  'sources.list': (_input, { db }) => listSources(db),
  'sources.create': (input, { db, changes }) => {
    changes.write((write) => {
      const key = nameKey(input.name);
      const taken =
        builtInSources.some((source) => source === key) ||
        (db.sql(`SELECT name FROM sources WHERE deleted_at IS NULL`).pluck().all() as string[]).some((name) => nameKey(name) === key);
      if (taken) {
        throw new AppError('CONFLICT', `The source ${input.name} already exists`, {
          issues: [{ path: 'name', code: 'duplicate', message: 'this source already exists' }],
        });
      }
      write.insert('sources', { name: input.name });
    });
    return listSources(db);
  },
  'sources.delete': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'sources', input.id);
      write.softDelete('sources', input.id);
    });
    return listSources(db);
  },
});
