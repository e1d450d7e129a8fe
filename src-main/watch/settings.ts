import { z } from 'zod';
import { watchSettingsFields, type BoardKind, type WatchSettings } from '../../src-shared/contract';
import type { Database } from '../db/connection';

/** Where the board APIs answer (their public addresses); tests and mirrors point them elsewhere. */
export const defaultWatchSettings: WatchSettings = {
  greenhouseBaseUrl: 'https://boards-api.greenhouse.io',
  leverBaseUrl: 'https://api.lever.co',
  ashbyBaseUrl: 'https://api.ashbyhq.com',
};

/** Kept in `meta`, local to the device (not synced: another device may reach the boards another way). */
const settingsKey = 'watch_settings';
const storedSettings = z.object(watchSettingsFields).partial();

export function readWatchSettings(db: Database): WatchSettings {
  const text = db.sql(`SELECT value FROM meta WHERE key = ?`).pluck().get(settingsKey) as string | undefined;
  if (!text) return { ...defaultWatchSettings };
  try {
    // Checked as the channel checks it: a damaged or hand-edited value falls back to the defaults, field by field.
    const parsed = storedSettings.safeParse(JSON.parse(text));
    return { ...defaultWatchSettings, ...(parsed.success ? parsed.data : {}) };
  } catch {
    return { ...defaultWatchSettings };
  }
}

export function writeWatchSettings(db: Database, patch: Partial<WatchSettings>): WatchSettings {
  const settings = { ...readWatchSettings(db), ...patch };
  db.sql(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(settingsKey, JSON.stringify(settings));
  return settings;
}

/** The API address of a board kind; none for a careers page (its board is its whole address). */
export function baseUrlOf(settings: WatchSettings, kind: BoardKind): string {
  return { greenhouse: settings.greenhouseBaseUrl, lever: settings.leverBaseUrl, ashby: settings.ashbyBaseUrl, page: '' }[kind] ?? '';
}
