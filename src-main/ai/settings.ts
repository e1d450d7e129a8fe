import { z } from 'zod';
import type { AiSettings, ParsedInput } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import { readMetaJson, writeMeta } from '../db/meta';
import type { SecretStore } from '../sync/secrets';

/** The key's name in the SecretStore: never in the database, so never in backups, exports, sync or the change log. */
export const aiKeySecret = 'ai-api-key';
const settingsKey = 'ai_settings';

const defaults = { enabled: false, baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', timeoutSeconds: 60 };
const stored = z.object({ enabled: z.boolean(), baseUrl: z.string(), model: z.string(), timeoutSeconds: z.number().int().min(1).max(600) }).partial();

type StoredSettings = typeof defaults;

/** The settings kept in `meta` (local to the device, like the key), checked when read. */
export function readAiConfig(db: Database): StoredSettings {
  return { ...defaults, ...readMetaJson(db, settingsKey, stored) };
}

export function readAiSettings(db: Database, secrets: SecretStore): AiSettings {
  return { ...readAiConfig(db), hasKey: secrets.get(aiKeySecret) !== null };
}

export function updateAiSettings(db: Database, secrets: SecretStore, input: ParsedInput<'ai.update'>): AiSettings {
  const { apiKey, ...rest } = input;
  const settings = { ...readAiConfig(db), ...rest };
  writeMeta(db, settingsKey, JSON.stringify(settings));
  if (apiKey === null) secrets.delete(aiKeySecret);
  else if (apiKey !== undefined) secrets.set(aiKeySecret, apiKey);
  return readAiSettings(db, secrets);
}
