import type { Writable } from 'node:stream';
import type { ApplicationFilters, ExportLanguage, ExportResult } from '../../src-shared/contract';
import type { AppContext } from '../context';
import { escapeText, property, uriValue, utcDateTime } from './ics';
import { exportLabels, fillTemplate as fill, type ExportLabels } from './labels';
import { deliverExport, type Produced } from './output';
import { withExportReader } from './reader';
import { interviewsTable, type InterviewRow } from './tables';
import { TextWriter } from './text-writer';

export interface ExportCalendarOptions {
  filters?: ApplicationFilters;
  path?: string;
  language?: ExportLanguage;
}

/** When an interview has no duration, calendars still need an end. */
export const defaultDurationMinutes = 60;

/** Stable across exports, so re-importing the file updates the events instead of duplicating them. */
export const interviewUid = (id: string) => `${id}@candid`;

const sequenceEpoch = Date.parse('2020-01-01T00:00:00Z');

/**
 * SEQUENCE must grow each time an event changes for calendars to take the new version: seconds from 2020 to
 * the row's last change (updated_at follows the hybrid logical clock, which never goes back on a device).
 */
export function sequenceOf(updatedAt: string): number {
  const at = Date.parse(updatedAt);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.floor((at - sequenceEpoch) / 1000));
}

function summaryOf(row: InterviewRow, labels: ExportLabels): string {
  const texts = labels.files.exports.calendar;
  const values = { type: labels.interviewType(row.type) ?? '', company: row.company_name, position: row.position };
  return fill(row.type ? texts.summary : texts.summaryNoType, values);
}

function descriptionOf(row: InterviewRow, labels: ExportLabels): string {
  const texts = labels.files.exports.calendar;
  const line = (label: string, value: string) => fill(texts.line, { label, value });
  const lines = [line(texts.position, row.position), line(texts.company, row.company_name)];
  if (row.format) lines.push(line(texts.format, labels.interviewFormat(row.format) ?? row.format));
  if (row.interviewers) lines.push(line(texts.interviewers, row.interviewers));
  const link = uriValue(row.meeting_url);
  if (link) lines.push(line(texts.link, link));
  if (row.notes) lines.push('', line(texts.notes, ''), row.notes);
  return lines.join('\n');
}

export function interviewEvent(row: InterviewRow, labels: ExportLabels, stamp: string): string {
  const start = new Date(row.scheduled_at);
  const end = new Date(start.getTime() + (row.duration_minutes ?? defaultDurationMinutes) * 60_000);
  const link = uriValue(row.meeting_url);
  const place = row.location ?? link;
  return [
    'BEGIN:VEVENT\r\n',
    property('UID', escapeText(interviewUid(row.id))),
    property('DTSTAMP', stamp),
    property('SEQUENCE', String(sequenceOf(row.updated_at))),
    property('CREATED', utcDateTime(row.created_at)),
    property('LAST-MODIFIED', utcDateTime(row.updated_at)),
    property('DTSTART', utcDateTime(start)),
    property('DTEND', utcDateTime(end)),
    property('SUMMARY', escapeText(summaryOf(row, labels))),
    place ? property('LOCATION', escapeText(place)) : '',
    link ? property('URL', link) : '',
    property('DESCRIPTION', escapeText(descriptionOf(row, labels))),
    property('STATUS', row.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'),
    'TRANSP:OPAQUE\r\n',
    'END:VEVENT\r\n',
  ].join('');
}

export async function writeInterviewsCalendar(context: AppContext, out: Writable, options: ExportCalendarOptions, now = new Date()): Promise<Produced> {
  const labels = exportLabels(options.language ?? 'en');
  const writer = new TextWriter(out);
  const stamp = utcDateTime(now);
  await writer.write(
    [
      'BEGIN:VCALENDAR\r\n',
      'VERSION:2.0\r\n',
      property('PRODID', escapeText(`-//Candid//Candid ${context.version}//${labels.language.toUpperCase()}`)),
      'CALSCALE:GREGORIAN\r\n',
      'METHOD:PUBLISH\r\n',
      property('X-WR-CALNAME', escapeText(labels.files.exports.calendar.name)),
    ].join(''),
  );
  let rows = 0;
  await withExportReader(context.db, async (reader) => {
    for await (const batch of reader.batches<InterviewRow>(interviewsTable(options.filters ?? {}).select)) {
      for (const row of batch) await writer.write(interviewEvent(row, labels, stamp));
      rows += batch.length;
    }
  });
  await writer.write('END:VCALENDAR\r\n');
  await writer.end();
  return { rows };
}

/** The interviews of the selected applications as an iCalendar file (RFC 5545), cancelled ones marked so. */
export function exportCalendar(context: AppContext, options: ExportCalendarOptions = {}): Promise<ExportResult> {
  return deliverExport(context, 'calendar', options.path, (out) => writeInterviewsCalendar(context, out, options));
}
