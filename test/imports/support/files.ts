import crypto from 'node:crypto';
import type { TempApp } from '../../support/temp-app';

/** A picked file as the browser uploads it: base64 content and a name. */
export function upload(content: string | Uint8Array, fileName: string) {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return { content: bytes.toString('base64'), fileName };
}

/** Text in Windows-1252 (what Excel on Windows saves as "CSV"), built byte by byte: Node has no such encoder. */
export function windows1252(text: string): Buffer {
  const high: Record<string, number> = { '€': 0x80, '’': 0x92, 'œ': 0x9c, '…': 0x85, '–': 0x96, '“': 0x93, '”': 0x94 };
  return Buffer.from(
    [...text].map((char) => {
      if (high[char] !== undefined) return high[char];
      const code = char.charCodeAt(0);
      if (code > 0xff) throw new Error(`not in Windows-1252: ${char}`);
      return code;
    }),
  );
}

/** A hash of every row of every table: equal before and after means the database was not touched at all. */
export function fingerprint(app: TempApp): string {
  const { sqlite } = app.context.db;
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const hash = crypto.createHash('sha256');
  for (const table of tables) {
    hash.update(table);
    // A plain scan reads in storage order (rowid or primary key): the same for the same content.
    for (const row of sqlite.prepare(`SELECT * FROM "${table}"`).raw().all()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

export async function listAll(app: TempApp) {
  const page = await app.api.invoke('applications.list', { archived: 'all', limit: 1000, sort: { column: 'company', direction: 'asc' } });
  return page.items;
}
