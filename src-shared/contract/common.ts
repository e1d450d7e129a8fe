import { z } from 'zod';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Row ids are UUIDv7 text; any RFC 4122 shape is accepted so ids made elsewhere still parse. */
export const id = z.string().regex(uuidPattern, 'must be a UUID').transform((value) => value.toLowerCase());
export type Id = string;

/** Dates and instants are bounded to plausible years: see dates.ts, the one place that says which. */
export { calendarDate, instant } from './dates';

export const trimmed = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
/** Optional text where an empty string means "none". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

/** Whether `value` parses as an http: or https: URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * An http(s) link, stored as the URL parser serialises it (`new URL(value).href`): the parser silently drops tabs
 * and line breaks inside a URL, so the text that was checked must be the text that is stored, or a link that
 * passed as `https://a.example/\r\nBEGIN:VEVENT` would keep its line break for the calendar export to write.
 */
export const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine(isHttpUrl, { message: 'must be an http(s) URL', params: { problem: 'not_web_link' } })
  .transform((value) => new URL(value).href)
  .pipe(z.string().max(2048));

/** An http(s) link or nothing ('' or null). Not a union with '': a union's error would hide why the link was refused. */
export const optionalUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => value === '' || isHttpUrl(value), { message: 'must be an http(s) URL', params: { problem: 'not_web_link' } })
  .transform((value) => (value ? new URL(value).href : null))
  .pipe(z.string().max(2048).nullable())
  .nullish()
  .transform((value) => value ?? null);

export const email = z.email().max(320);

export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');

export const skillList = z
  .array(z.string().trim().min(1).max(80))
  .max(100)
  .transform((skills) => dedupeCaseInsensitive(skills));

export function dedupeCaseInsensitive(values: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const value of values) {
    const key = value.toLocaleLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      result.push(value);
    }
  }
  return result;
}

export const pagination = {
  limit: z.number().int().min(1).max(1000).default(50),
  offset: z.number().int().min(0).default(0),
};

export const sortDirection = z.enum(['asc', 'desc']);

export const idInput = z.object({ id }).strict();
export const idsInput = z.object({ ids: z.array(id).min(1).max(100_000) }).strict();

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Common columns of every synced row. */
export interface RowTimes {
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}
