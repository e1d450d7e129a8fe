/**
 * Largest request bodies the local HTTP API accepts. Channels that carry a whole file (base64 in JSON, 4/3 of its
 * size) get room for the largest file their domain accepts; everything else stays small. Shared with the
 * renderer so the browser shell can tell the user before uploading.
 */
const MB = 1024 * 1024;

export const defaultBodyLimit = 25 * MB;
/** 100 MB imports as base64, plus the JSON around them. */
export const fileBodyLimit = 140 * MB;

const fileChannels = new Set(['imports.preview', 'imports.run', 'documents.add']);

export function bodyLimitFor(channel: string): number {
  return fileChannels.has(channel) ? fileBodyLimit : defaultBodyLimit;
}
