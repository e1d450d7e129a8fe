const halfHourMs = 1_800_000;
const dayMs = 86_400_000;
/** The largest time a Date holds, either side of 1970: what Date.parse (and parseInstant) can give. */
const maxTimeMs = 8.64e15;

/**
 * Instants are stored in UTC; spreadsheets have no time zones, so date-times are written as the wall-clock time
 * the user lives in. The zone changes of the time-zone database fall on whole or half hours of UTC, and never
 * twice in one day: a UTC day whose first and last half hours have the same offset has it all day. So the offset
 * is looked up (an Intl call) twice per day of the data, and per half hour only on the days the zone changes,
 * which keeps 100,000 rows spread over years from costing tens of thousands of Intl calls.
 */
/** Every part of a wall-clock time, on a 24-hour clock, in a format whose parts are read by type. */
export const wallClockParts: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
};

export class WallClock {
  private readonly format: Intl.DateTimeFormat;
  /** Per UTC day: its offset, or null on a day the zone changes. */
  private readonly dayOffsets = new Map<number, number | null>();
  private readonly halfHourOffsets = new Map<number, number>();

  constructor(readonly timeZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone) {
    this.format = new Intl.DateTimeFormat('en-US', { timeZone, ...wallClockParts });
  }

  /** Milliseconds to add to a UTC time to get the wall-clock time in the zone. */
  offsetAt(utcMs: number): number {
    const day = Math.floor(utcMs / dayMs);
    let offset = this.dayOffsets.get(day);
    if (offset === undefined) {
      const first = this.lookUpOffset(day * dayMs);
      const last = this.lookUpOffset((day + 1) * dayMs - halfHourMs);
      offset = first === last ? first : null;
      this.dayOffsets.set(day, offset);
    }
    return offset ?? this.halfHourOffset(utcMs);
  }

  private halfHourOffset(utcMs: number): number {
    const start = Math.floor(utcMs / halfHourMs) * halfHourMs;
    let offset = this.halfHourOffsets.get(start);
    if (offset === undefined) {
      offset = this.lookUpOffset(start);
      this.halfHourOffsets.set(start, offset);
    }
    return offset;
  }

  /** The offset at one instant, from Intl. */
  private lookUpOffset(at: number): number {
    const parts = Object.fromEntries(this.format.formatToParts(at).map((part) => [part.type, part.value]));
    const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    return wall - at;
  }

  /**
   * A Date whose UTC fields are the wall-clock time of `iso` in the zone: the form spreadsheet libraries write
   * as a zone-less date-time. Null for empty or unreadable text. An instant may also come as its milliseconds since
   * 1970 (a number: rows made in memory, held-histories.ts), which is what its text is read into.
   */
  toWallDate(iso: string | number | null): Date | null {
    if (iso === null || iso === '') return null;
    const wall = this.wallMs(iso);
    return Number.isNaN(wall) ? null : new Date(wall);
  }

  /**
   * The wall-clock time of `iso` in the zone in milliseconds, as toWallDate's Date is made from (beyond the ±8.64e15
   * ms a Date holds, that Date is invalid); NaN for unreadable text. For the workbook's cells, which need the number
   * only: a Date per cell was much of what a date-time cell cost.
   */
  wallMs(iso: string | number): number {
    // A number no text reads into (not a whole number of milliseconds, beyond a Date's range) is unreadable, as
    // unreadable text is.
    const utc = typeof iso === 'number' ? (Number.isInteger(iso) && Math.abs(iso) <= maxTimeMs ? iso : NaN) : parseInstant(iso);
    return Number.isNaN(utc) ? NaN : utc + this.offsetAt(utc);
  }

  /** `YYYY-MM-DD HH:MM` in the zone, the text form Excel and LibreOffice read as a date-time. */
  toWallText(iso: string | number | null): string | null {
    const wall = this.toWallDate(iso);
    return wall ? wall.toISOString().slice(0, 16).replace('T', ' ') : null;
  }
}

/** The value of the digit at `index` of `text`, or NaN. */
function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
}

/** Two digits at `index` as a number, or NaN. */
const twoDigits = (text: string, index: number) => digit(text, index) * 10 + digit(text, index + 1);

/**
 * An instant's text as Date.parse reads it, in milliseconds. The form the app stores (`2025-03-30T01:59:00.000Z`,
 * toISOString's) is read here field by field; any other text goes to Date.parse. Date.parse took about a fifth of a
 * second of the export's thread at 100,000 applications (V8's general date parser, one call per date-time cell).
 * Only fields in the ranges Date.parse accepts are read here (days 29 to 31 of any month roll over in both alike, years
 * below 1000 are left to it: Date.UTC reads 0 to 99 as 1900 to 1999); test/exports/wall-clock.test.ts compares both.
 */
export function parseInstant(iso: string): number {
  const length = iso.length;
  if ((length === 24 || length === 20) && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45 && iso.charCodeAt(10) === 84 &&
    iso.charCodeAt(13) === 58 && iso.charCodeAt(16) === 58 && iso.charCodeAt(length - 1) === 90 && (length === 20 || iso.charCodeAt(19) === 46)) {
    const year = twoDigits(iso, 0) * 100 + twoDigits(iso, 2);
    const month = twoDigits(iso, 5);
    const day = twoDigits(iso, 8);
    const hour = twoDigits(iso, 11);
    const minute = twoDigits(iso, 14);
    const second = twoDigits(iso, 17);
    const ms = length === 24 ? digit(iso, 20) * 100 + twoDigits(iso, 21) : 0;
    // Comparisons are false for NaN: a character that is not a digit sends the text to Date.parse.
    if (year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59 && ms >= 0) {
      return Date.UTC(year, month - 1, day, hour, minute, second, ms);
    }
  }
  return Date.parse(iso);
}

/** A calendar date `YYYY-MM-DD` as a Date at UTC midnight (what spreadsheets store for a plain date). */
export function calendarDateValue(day: string | null): Date | null {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!match) return null;
  const value = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return value.getUTCDate() === Number(match[3]) ? value : null;
}
