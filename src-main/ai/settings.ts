import { z } from 'zod';
import type { AiSettings, ParsedInput } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import type { SecretStore } from '../sync/secrets';

/** The key's name in the SecretStore: never in the database, so never in backups, exports, sync or the change log. */
export const aiKeySecret = 'ai-api-key';
const settingsKey = 'ai_settings';

const defaults = { enabled: false, baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', timeoutSeconds: 60 };
const stored = z.object({ enabled: z.boolean(), baseUrl: z.string(), model: z.string(), timeoutSeconds: z.number().int().min(1).max(600) }).partial();

type StoredSettings = typeof defaults;

/** The settings kept in `meta` (local to the device, like the key), checked when read. */
export function readAiConfig(db: Database): StoredSettings {
  const text = db.sql(`SELECT value FROM meta WHERE key = ?`).pluck().get(settingsKey) as string | undefined;
  if (!text) return { ...defaults };
  try {
    const parsed = stored.safeParse(JSON.parse(text));
    return { ...defaults, ...(parsed.success ? parsed.data : {}) };
  } catch {
    return { ...defaults };
  }
}

export function readAiSettings(db: Database, secrets: SecretStore): AiSettings {
  return { ...readAiConfig(db), hasKey: secrets.get(aiKeySecret) !== null };
}

export function updateAiSettings(db: Database, secrets: SecretStore, input: ParsedInput<'ai.update'>): AiSettings {
  const { apiKey, ...rest } = input;
  const settings = { ...readAiConfig(db), ...rest };
  db.sql(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(settingsKey, JSON.stringify(settings));
  if (apiKey === null) secrets.delete(aiKeySecret);
  else if (apiKey !== undefined) secrets.set(aiKeySecret, apiKey);
  return readAiSettings(db, secrets);
}
