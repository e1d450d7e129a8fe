/**
 * Dates as FastAPI (pydantic) accepts them: ISO 8601 with or without a zone (`2025-03-14`, `2025-03-14T09:30`,
 * `2025-03-14 09:30:00.123456`, `…Z`, `…+02:00`), or a Unix time in seconds. A time without a zone is taken as
 * UTC, as JobTracker SaaS does.
 */
export interface ParsedDate {
  /** As written (a number becomes its ISO text): what reads back. */
  text: string;
  /** The calendar day as written (the wall-clock date, whatever the zone). */
  day: string;
  /** The instant, ISO UTC. */
  instant: string;
}

const pattern = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

export function parseDate(value: unknown): ParsedDate | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Like pydantic: beyond 2e10 the number is in milliseconds.
    const ms = Math.abs(value) > 2e10 ? value : value * 1000;
    const date = new Date(ms);
    if (Number.isNaN(date.getTime())) return null;
    const instant = date.toISOString();
    return { text: instant, day: instant.slice(0, 10), instant };
  }
  if (typeof value !== 'string') return null;
  const match = pattern.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone] = match;
  const calendar = `${year}-${month}-${day}`;
  const check = new Date(`${calendar}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || !check.toISOString().startsWith(calendar)) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  let offset = 'Z';
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const hours = digits.slice(0, 2);
    const minutes = digits.slice(2, 4) || '00';
    if (Number(hours) > 23 || Number(minutes) > 59) return null;
    offset = `${zone[0]}${hours}:${minutes}`;
  }
  const millis = fraction ? `.${fraction.padEnd(3, '0').slice(0, 3)}` : '';
  const instant = new Date(`${calendar}T${hour}:${minute}:${second}${millis}${offset}`);
  if (Number.isNaN(instant.getTime())) return null;
  return { text: value.trim(), day: calendar, instant: instant.toISOString() };
}
