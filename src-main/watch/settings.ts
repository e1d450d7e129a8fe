import { z } from 'zod';
import { watchSettingsFields, type BoardKind, type WatchSettings } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import { readMetaJson, writeMeta } from '../db/meta';

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
  // Checked as the channel checks it: a damaged or hand-edited value falls back to the defaults, field by field.
  return { ...defaultWatchSettings, ...readMetaJson(db, settingsKey, storedSettings) };
}

export function writeWatchSettings(db: Database, patch: Partial<WatchSettings>): WatchSettings {
  const settings = { ...readWatchSettings(db), ...patch };
  writeMeta(db, settingsKey, JSON.stringify(settings));
  return settings;
}

/** The API address of a board kind; none for a careers page (its board is its whole address). */
export function baseUrlOf(settings: WatchSettings, kind: BoardKind): string {
  return { greenhouse: settings.greenhouseBaseUrl, lever: settings.leverBaseUrl, ashby: settings.ashbyBaseUrl, page: '' }[kind] ?? '';
}
