import type { ParsedInput, VisitStatus } from '../../src-shared/contract';
import { AppError, notFound } from '../../src-shared/errors';
import type { Fields, WriteContext } from '../changes/writer';
import type { Database } from '../db/connection';
import type { FairBoothsTable, FairsTable } from '../db/schema';
import { defineHandlers } from '../handler';
import { createApplication } from '../applications/mutations';
import { requireExisting, requireLive } from '../shared/require';
import { getBooth, getFair, listFairs, listFairVisits, liveBoothRow } from './queries';

type FairInput = Partial<ParsedInput<'fairs.create'>>;
type BoothInput = ParsedInput<'fairs.updateBooth'>['patch'];

const fairMap = { name: 'name', startsOn: 'starts_on', endsOn: 'ends_on', place: 'place', url: 'url', notes: 'notes' } as const;
const boothMap = {
  companyName: 'company_name',
  booth: 'booth',
  recruitsFor: 'recruits_for',
  priority: 'priority',
  pitch: 'pitch',
  questions: 'questions',
  documents: 'documents',
  recruiterName: 'recruiter_name',
  recruiterRole: 'recruiter_role',
  recruiterEmail: 'recruiter_email',
  notes: 'notes',
} as const;

/** The columns of the fields present in `input` (left out: unchanged; null or '': cleared). */
function columnsOf<M extends Record<string, string>>(map: M, input: Partial<Record<keyof M, unknown>>): Fields {
  const fields: Fields = {};
  for (const [key, column] of Object.entries(map)) {
    const value = input[key as keyof M];
    if (value !== undefined) fields[column] = (value ?? null) as string | number | null;
  }
  return fields;
}

function boothColumns(input: BoothInput): Fields {
  const fields = columnsOf(boothMap, input);
  if (input.planned !== undefined) fields.planned = input.planned ? 1 : 0;
  return fields;
}

/** Requires a live fair and returns its row. */
function liveFair(db: Database, id: string): FairsTable {
  const row = db.sql(`SELECT * FROM fairs WHERE id = ? AND deleted_at IS NULL`).get(id) as FairsTable | undefined;
  if (!row) throw notFound('Fair', id);
  return row;
}

/** The end day may not move before the first day, whichever of the two a patch changes. */
function checkDays(row: FairsTable, patch: FairInput): void {
  const startsOn = patch.startsOn ?? row.starts_on;
  const endsOn = patch.endsOn === undefined ? row.ends_on : patch.endsOn;
  if (endsOn && endsOn < startsOn) {
    throw new AppError('VALIDATION', 'The last day must not be before the first day', {
      issues: [{ path: 'patch.endsOn', code: 'custom', message: 'must not be before the first day' }],
    });
  }
}

/**
 * The times a status change sets: reaching a step stamps it and forgets the later ones (a visit taken back to the
 * line starts a new wait); back to "to visit" forgets them all.
 */
function statusTimes(status: VisitStatus, at: string): Fields {
  switch (status) {
    case 'to_visit':
      return { in_line_at: null, talking_at: null, finished_at: null };
    case 'in_line':
      return { in_line_at: at, talking_at: null, finished_at: null };
    case 'talking':
      return { talking_at: at, finished_at: null };
    case 'done':
    case 'skipped':
      return { finished_at: at };
  }
}

/** The day a visit took place: when the talk began, else when it ended, else the fair's first day. */
function visitDay(booth: FairBoothsTable, fair: FairsTable): string {
  return (booth.talking_at ?? booth.finished_at)?.slice(0, 10) ?? fair.starts_on;
}

/** The recruiter's contact: the one already made from this visit while it is live, else a new one. */
function recruiterContact(db: Database, write: WriteContext, booth: FairBoothsTable, companyId: string): string | null {
  if (booth.contact_id && db.sql(`SELECT 1 FROM contacts WHERE id = ? AND deleted_at IS NULL`).get(booth.contact_id)) return booth.contact_id;
  if (!booth.recruiter_name) return null;
  return write.insert('contacts', { name: booth.recruiter_name, role: booth.recruiter_role, email: booth.recruiter_email, company_id: companyId });
}

function convertVisit(db: Database, write: WriteContext, input: ParsedInput<'fairs.convertVisit'>) {
  const booth = liveBoothRow(db, input.id);
  if (booth.application_id && db.sql(`SELECT 1 FROM applications WHERE id = ? AND deleted_at IS NULL`).get(booth.application_id)) {
    throw new AppError('CONFLICT', 'This visit is already an application', { details: { applicationId: booth.application_id } });
  }
  const position = input.position ?? booth.recruits_for;
  if (!position) {
    throw new AppError('VALIDATION', 'Say which position the application is for', {
      issues: [{ path: 'position', code: 'custom', message: 'must not be empty' }],
    });
  }
  const fair = liveFair(db, booth.fair_id);
  const applicationId = createApplication(db, write, {
    companyName: booth.company_name,
    position: position.slice(0, 300),
    source: 'job_fair',
    appliedOn: visitDay(booth, fair),
    notes: booth.notes,
  });
  const { company_id: companyId } = db.sql(`SELECT company_id FROM applications WHERE id = ?`).get(applicationId) as { company_id: string };
  const contactId = recruiterContact(db, write, booth, companyId);
  if (contactId) write.insert('application_contacts', { application_id: applicationId, contact_id: contactId });
  write.update('fair_booths', booth.id, { application_id: applicationId, contact_id: contactId });
  return { applicationId, contactId };
}

export const fairHandlers = defineHandlers({
  'fairs.list': (_input, { db }) => listFairs(db),
  'fairs.get': (input, { db }) => getFair(db, input.id),
  'fairs.create': (input, { db, changes }) => {
    const id = changes.write((write) => write.insert('fairs', columnsOf(fairMap, input)));
    return getFair(db, id);
  },
  'fairs.update': (input, { db, changes }) => {
    changes.write((write) => {
      checkDays(liveFair(db, input.id), input.patch);
      write.update('fairs', input.id, columnsOf(fairMap, input.patch));
    });
    return getFair(db, input.id);
  },
  'fairs.delete': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'fairs', input.id);
      write.softDelete('fairs', input.id);
    });
    return { id: input.id };
  },
  'fairs.restore': (input, { db, changes }) => {
    changes.write((write) => {
      requireExisting(db, 'fairs', input.id);
      write.restore('fairs', input.id);
    });
    return getFair(db, input.id);
  },
  'fairs.addBooth': (input, { db, changes }) => {
    const id = changes.write((write) => {
      liveFair(db, input.fairId);
      return write.insert('fair_booths', { fair_id: input.fairId, status: 'to_visit', ...boothColumns(input) });
    });
    return getBooth(db, id);
  },
  'fairs.updateBooth': (input, { db, changes }) => {
    changes.write((write) => {
      liveBoothRow(db, input.id);
      write.update('fair_booths', input.id, boothColumns(input.patch));
    });
    return getBooth(db, input.id);
  },
  'fairs.setVisitStatus': (input, { db, changes }) => {
    changes.write((write) => {
      liveBoothRow(db, input.id);
      write.update('fair_booths', input.id, { status: input.status, ...statusTimes(input.status, input.at ?? write.now) });
    });
    return getBooth(db, input.id);
  },
  'fairs.deleteBooth': (input, { db, changes }) => {
    changes.write((write) => {
      liveBoothRow(db, input.id);
      write.softDelete('fair_booths', input.id);
    });
    return { id: input.id };
  },
  'fairs.restoreBooth': (input, { db, changes }) => {
    changes.write((write) => {
      const row = db.sql(`SELECT fair_id FROM fair_booths WHERE id = ?`).get(input.id) as { fair_id: string } | undefined;
      if (!row) throw notFound('Booth', input.id);
      liveFair(db, row.fair_id);
      write.restore('fair_booths', input.id);
    });
    return getBooth(db, input.id);
  },
  'fairs.convertVisit': (input, { db, changes }) => {
    const result = changes.write((write) => convertVisit(db, write, input));
    return { booth: getBooth(db, input.id), ...result };
  },
  'fairs.visits': (input, { db }) => listFairVisits(db, input.from, input.to),
});
