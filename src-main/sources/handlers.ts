import { builtInSources, type BuiltInSource, type SourceList } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import enCommon from '../../src-shared/i18n/en/common';
import frCommon from '../../src-shared/i18n/fr/common';
import { words } from '../../src-shared/text';
import type { Database } from '../db/connection';
import { defineHandlers } from '../handler';
import { requireLive } from '../shared/require';

/** How source names compare: accents, case, spaces and punctuation ignored ("E-mail" is "email"). */
export const sourceKey = (name: string) => words(name).join('');

/** The built-in source a name designates, by its stored value or its label in either language. */
function builtInSourceNamed(name: string): BuiltInSource | undefined {
  const key = sourceKey(name);
  return builtInSources.find((source) =>
    [source, enCommon.source[source], frCommon.source[source]].some((label) => sourceKey(label) === key),
  );
}

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
      const key = sourceKey(input.name);
      const taken =
        builtInSourceNamed(input.name) !== undefined ||
        (db.sql(`SELECT name FROM sources WHERE deleted_at IS NULL`).pluck().all() as string[]).some((name) => sourceKey(name) === key);
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
