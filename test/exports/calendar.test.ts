import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeText, foldLine } from '../../src-main/exports/ics';
import type { TempApp } from '../support/temp-app';
import { openSeededExportApp, type ExportWorld } from './support/data';

let app: TempApp;
let world: ExportWorld;
beforeAll(async () => ({ app, world } = await openSeededExportApp()));
afterAll(() => app?.close());

/** RFC 5545 §3.1: a CRLF followed by one space or tab continues the previous line. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, character: string) => (character === 'n' || character === 'N' ? '\n' : character));
}

interface ParsedEvent {
  [property: string]: string;
}

/** A minimal reader: the events' properties, unfolded (parameters are not used by the export). */
function parseCalendar(text: string): { calendar: Record<string, string>; events: ParsedEvent[] } {
  const lines = unfold(text).split('\r\n');
  expect(lines.pop()).toBe('');
  const calendar: Record<string, string> = {};
  const events: ParsedEvent[] = [];
  let current: ParsedEvent | null = null;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) current[name] = value;
    else calendar[name] = value;
  }
  return { calendar, events };
}

async function exportCalendar(name: string, input: Record<string, unknown> = {}) {
  const file = path.join(app.dir, name);
  await app.api.invoke('exports.calendar', { ...input, path: file });
  return fs.readFileSync(file, 'utf8');
}

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(unescapeText(escapeText(text))).toBe(text.replace(/\r\n|\r/g, '\n'));
      }),
    );
  });

  it('folds lines at 75 octets without splitting a character, and unfolding gives the line back', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '€', '🚀', ' '), maxLength: 400 }), (text) => {
        const folded = foldLine(`DESCRIPTION:${text}`);
        expect(folded.endsWith('\r\n')).toBe(true);
        for (const line of folded.slice(0, -2).split('\r\n')) {
          expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
          expect(line).not.toContain('\uFFFD');
        }
        expect(unfold(folded)).toBe(`DESCRIPTION:${text}\r\n`);
      }),
    );
  });
});

describe('the calendar export', () => {
  it('writes one event per interview with UTC times, CRLF lines of at most 75 octets and escaped text', async () => {
    const text = await exportCalendar('interviews.ics');
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const { calendar, events } = parseCalendar(text);
    expect(calendar.PRODID).toMatch(/^-\/\/Candid\/\/Candid /);
    expect(events.map((event) => event.UID)).toEqual(world.interviews.map((interview) => `${interview.id}@candid`));
    const [cancelled, technical, hr] = events;
    expect(cancelled.STATUS).toBe('CANCELLED');
    expect(technical).toMatchObject({ DTSTART: '20250312T090000Z', DTEND: '20250312T103000Z', STATUS: 'CONFIRMED' });
    expect(technical.URL).toBe('https://meet.example/abc-defg-hij');
    expect(unescapeText(technical.SUMMARY)).toBe('Technical: Acme (Backend developer)');
    expect(unescapeText(technical.DESCRIPTION)).toContain('Interviewers: Ana, Bo; Cy');
    expect(unescapeText(technical.DESCRIPTION)).toContain('First line\nSecond line\nThird; with "quotes"');
    // No duration: one hour.
    expect(hr).toMatchObject({ DTSTART: '20250315T133000Z', DTEND: '20250315T143000Z' });
    expect(unescapeText(hr.LOCATION)).toBe('1 rue de la Paix, Paris');
    for (const event of events) expect(event.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('keeps UIDs stable and raises SEQUENCE when an interview changes, so re-importing updates it', async () => {
    const before = parseCalendar(await exportCalendar('before.ics')).events;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const [, technical] = world.interviews;
    await app.api.invoke('interviews.update', { id: technical.id, patch: { scheduledAt: '2025-03-12T10:00:00Z' } });
    const after = parseCalendar(await exportCalendar('after.ics')).events;
    expect(after.map((event) => event.UID)).toEqual(before.map((event) => event.UID));
    expect(Number(after[1].SEQUENCE)).toBeGreaterThan(Number(before[1].SEQUENCE));
    expect(after[1].DTSTART).toBe('20250312T100000Z');
    expect(after[2].SEQUENCE).toBe(before[2].SEQUENCE);
  });

  it('writes labels in French and only the filtered applications’ interviews', async () => {
    const { events } = parseCalendar(await exportCalendar('fr.ics', { language: 'fr', filters: { stageCategories: ['interviewing'] } }));
    expect(events.map((event) => unescapeText(event.SUMMARY))).toEqual(['Technique : Acme (Backend developer)', 'RH : Acme (Backend developer)']);
    expect(unescapeText(events[0].DESCRIPTION)).toContain('Interlocuteurs : Ana, Bo; Cy');
  });
});
