import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uriValue } from '../../src-main/exports/ics';
import { openTempApp, type TempApp } from '../support/temp-app';

/**
 * Calendar injection through a meeting link (issue 18, finding 6). `new URL()` ignores line breaks inside a URL, so
 * a link with `\r\n` passed the http(s) check and was stored with them; the .ics export wrote the URL property
 * unescaped, and a whole extra event came out of one interview. The link is now stored as the parser serialises
 * it, and the export writes every property escaped (TEXT) or normalised (URI), folded.
 */

const injected = 'https://meet.example/room\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@x\r\nSUMMARY:Wire the deposit\r\nDTSTART:20250101T090000Z\r\nURL:https://evil.example/';

let app: TempApp;
let applicationId: string;
beforeEach(async () => {
  app = await openTempApp();
  applicationId = (await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' })).id;
});
afterEach(() => app.close());

/** The export's content lines, unfolded (RFC 5545 §3.1). */
async function calendarLines(): Promise<string[]> {
  const result = await app.api.invoke('exports.calendar', {});
  if (result.kind !== 'content') throw new Error('expected content');
  // Outside CRLF pairs there must be no line break at all: a lone \r or \n would end a line for lenient readers.
  expect(result.content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  return result.content.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

const events = (lines: string[]) => lines.filter((line) => line === 'BEGIN:VEVENT').length;

describe('a meeting link with line breaks', () => {
  it('is stored as the URL parser serialises it, without them', async () => {
    const interview = await app.api.invoke('interviews.create', { applicationId, scheduledAt: '2025-03-10T14:00:00Z', meetingUrl: injected });
    expect(interview.meetingUrl).not.toMatch(/[\r\n\t]/);
    expect(interview.meetingUrl).toBe(new URL(injected).href);
    const updated = await app.api.invoke('interviews.update', { id: interview.id, patch: { meetingUrl: 'https://meet.example/\tnext\n' } });
    expect(updated.meetingUrl).toBe('https://meet.example/next');
  });

  it('normalises the other links the same way (posting, website, LinkedIn)', async () => {
    const application = await app.api.invoke('applications.update', { id: applicationId, patch: { postingUrl: 'https://jobs.example/1\r\nX-EVIL:1' } });
    expect(application.postingUrl).toBe('https://jobs.example/1X-EVIL:1');
    const company = await app.api.invoke('companies.create', { name: 'Globex', website: 'HTTPS://Globex.Example' });
    expect(company.website).toBe('https://globex.example/');
    const contact = await app.api.invoke('contacts.create', { name: 'Ana', linkedinUrl: 'https://linkedin.example/in/ana\n' });
    expect(contact.linkedinUrl).toBe('https://linkedin.example/in/ana');
  });

  it('gives one event per interview in the export, with no property of its own', async () => {
    await app.api.invoke('interviews.create', { applicationId, scheduledAt: '2025-03-10T14:00:00Z', meetingUrl: injected });
    const lines = await calendarLines();
    expect(events(lines)).toBe(1);
    expect(lines.filter((line) => /^(UID|SUMMARY|DTSTART):/.test(line))).toHaveLength(3);
    expect(lines.some((line) => line.startsWith('URL:https://evil.example'))).toBe(false);
    expect(lines.some((line) => line.includes('Wire the deposit') && line.startsWith('SUMMARY'))).toBe(false);
  });

  it('gives one event even for a link stored with line breaks before this fix', async () => {
    const interview = await app.api.invoke('interviews.create', { applicationId, scheduledAt: '2025-03-10T14:00:00Z', location: 'Room 1' });
    // What older versions stored: the raw text, line breaks included.
    app.context.db.sqlite.prepare(`UPDATE interviews SET meeting_url = ?, location = ? WHERE id = ?`).run(injected, null, interview.id);
    const lines = await calendarLines();
    expect(events(lines)).toBe(1);
    expect(lines.filter((line) => line.startsWith('UID:'))).toEqual([`UID:${interview.id}@candid`]);
    expect(lines.find((line) => line.startsWith('URL:'))).toBe(`URL:${new URL(injected).href}`);
  });

  it('leaves out a stored link that is not http(s), rather than write it raw', async () => {
    const interview = await app.api.invoke('interviews.create', { applicationId, scheduledAt: '2025-03-10T14:00:00Z' });
    app.context.db.sqlite.prepare(`UPDATE interviews SET meeting_url = ? WHERE id = ?`).run('javascript:alert(1)\r\nX-EVIL:1', interview.id);
    const lines = await calendarLines();
    expect(lines.some((line) => line.startsWith('URL:') || line.startsWith('X-EVIL'))).toBe(false);
  });
});

describe('uriValue', () => {
  it('never returns a control character, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((text) => `https://a.example/${text}`)), (text) => {
        const value = uriValue(text);
        // eslint-disable-next-line no-control-regex -- finding control characters is the point
        if (value !== null) expect(value).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      }),
      { numRuns: 2000, seed: 18 },
    );
  });
});
