import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WallClock, wallClockParts } from '../../src-main/exports/wall-clock';

const referenceFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of an instant in a zone, asked of Intl every time: what the cached clock must agree with. */
function intlWallTime(timeZone: string, utcMs: number): string {
  let format = referenceFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, ...wallClockParts });
    referenceFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(utcMs).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

const wallTime = (clock: WallClock, utcMs: number) => clock.toWallDate(new Date(utcMs).toISOString())!.toISOString().slice(0, 19);

/** Zones with summer time both ways, a half-hour shift (Lord Howe), a 45-minute offset and none at all. */
const zones = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];

describe('the wall clock of the exports', () => {
  it('gives the time of the zone on either side of a change, on the day of the change', () => {
    const paris = new WallClock('Europe/Paris');
    // Summer time began at 01:00 UTC on 30 March 2025: 01:59 CET, then 03:00 CEST.
    expect(wallTime(paris, Date.UTC(2025, 2, 30, 0, 59))).toBe('2025-03-30T01:59:00');
    expect(wallTime(paris, Date.UTC(2025, 2, 30, 1, 0))).toBe('2025-03-30T03:00:00');
    expect(wallTime(paris, Date.UTC(2025, 2, 30, 22, 0))).toBe('2025-03-31T00:00:00');
    // And ended at 01:00 UTC on 26 October 2025.
    expect(wallTime(paris, Date.UTC(2025, 9, 26, 0, 30))).toBe('2025-10-26T02:30:00');
    expect(wallTime(paris, Date.UTC(2025, 9, 26, 1, 30))).toBe('2025-10-26T02:30:00');
  });

  it('agrees with Intl at any instant, in every kind of zone', () => {
    const clocks = new Map(zones.map((zone) => [zone, new WallClock(zone)]));
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) }), (zone, utcMs) => {
        expect(wallTime(clocks.get(zone)!, utcMs)).toBe(intlWallTime(zone, utcMs));
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees with Intl every quarter of an hour of a year, one clock per zone as in an export', () => {
    for (const zone of zones) {
      const clock = new WallClock(zone);
      for (let at = Date.UTC(2025, 0, 1); at < Date.UTC(2026, 0, 1); at += 15 * 60_000) {
        if (wallTime(clock, at) !== intlWallTime(zone, at)) expect.fail(`${zone} at ${new Date(at).toISOString()}`);
      }
    }
  });
});
