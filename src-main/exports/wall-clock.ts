const halfHourMs = 1_800_000;
const dayMs = 86_400_000;

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
   * as a zone-less date-time. Null for empty or unreadable text.
   */
  toWallDate(iso: string | null): Date | null {
    if (!iso) return null;
    const utc = Date.parse(iso);
    if (Number.isNaN(utc)) return null;
    return new Date(utc + this.offsetAt(utc));
  }

  /** `YYYY-MM-DD HH:MM` in the zone, the text form Excel and LibreOffice read as a date-time. */
  toWallText(iso: string | null): string | null {
    const wall = this.toWallDate(iso);
    return wall ? wall.toISOString().slice(0, 16).replace('T', ' ') : null;
  }
}

/** A calendar date `YYYY-MM-DD` as a Date at UTC midnight (what spreadsheets store for a plain date). */
export function calendarDateValue(day: string | null): Date | null {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!match) return null;
  const value = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return value.getUTCDate() === Number(match[3]) ? value : null;
}
