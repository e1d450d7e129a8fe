/**
 * Instants are stored in UTC; spreadsheets have no time zones, so date-times are written as the wall-clock time
 * the user lives in. The zone's offset is looked up once per half hour of UTC time (the zone changes of the
 * time-zone database fall on whole or half hours of UTC), which keeps 100,000 rows from costing 100,000 Intl calls.
 */
export class WallClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  }

  /** Milliseconds to add to a UTC time to get the wall-clock time in the zone. */
  offsetAt(utcMs: number): number {
    const halfHour = Math.floor(utcMs / 1_800_000);
    let offset = this.offsets.get(halfHour);
    if (offset === undefined) {
      const at = halfHour * 1_800_000;
      const parts = Object.fromEntries(this.format.formatToParts(at).map((part) => [part.type, part.value]));
      const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
      offset = wall - at;
      this.offsets.set(halfHour, offset);
    }
    return offset;
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
