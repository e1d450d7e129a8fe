import type { ParsedInput } from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import { defineHandlers } from '../handler';
import { requireLive } from '../shared/require';
import { getInterview, listInterviewRows, upcomingInterviews } from './queries';

type Fields = Partial<ParsedInput<'interviews.create'>>;

function interviewColumns(input: Fields): Record<string, string | number | null> {
  const map = {
    applicationId: 'application_id',
    scheduledAt: 'scheduled_at',
    durationMinutes: 'duration_minutes',
    type: 'type',
    format: 'format',
    location: 'location',
    meetingUrl: 'meeting_url',
    interviewers: 'interviewers',
    status: 'status',
    outcome: 'outcome',
    notes: 'notes',
  } as const;
  const fields: Record<string, string | number | null> = {};
  for (const [key, column] of Object.entries(map)) {
    const value = input[key as keyof Fields];
    if (value !== undefined) fields[column] = (value ?? null) as string | number | null;
  }
  return fields;
}

export const interviewHandlers = defineHandlers({
  'interviews.list': (input, { db }) => listInterviewRows(db, input),
  'interviews.upcoming': (input, { db }) => upcomingInterviews(db, input.limit),
  'interviews.get': (input, { db }) => getInterview(db, input.id),
  'interviews.create': (input, { db, changes }) => {
    const id = changes.write((write) => {
      requireLive(db, 'applications', input.applicationId);
      return write.insert('interviews', { status: 'planned', ...interviewColumns(input) });
    });
    return getInterview(db, id);
  },
  'interviews.update': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'interviews', input.id);
      write.update('interviews', input.id, interviewColumns(input.patch));
    });
    return getInterview(db, input.id);
  },
  'interviews.delete': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'interviews', input.id);
      write.softDelete('interviews', input.id);
    });
    return { id: input.id };
  },
  'interviews.restore': (input, { db, changes }) => {
    changes.write((write) => {
      if (!write.restore('interviews', input.id) && !db.sql(`SELECT 1 FROM interviews WHERE id = ?`).get(input.id)) {
        throw notFound('Interview', input.id);
      }
    });
    return getInterview(db, input.id);
  },
});
