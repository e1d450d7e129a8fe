import type { Database } from '../db/connection';

/** How the contact with the employer was made, as the agencies' forms ask it. */
export type ContactMethod = 'online' | 'email' | 'inPerson' | 'phone' | 'other';
export type ActivityKind = 'application' | 'interview' | 'followUp' | 'contact' | 'fairVisit';
/** Outcomes named by the catalogue (searchReport.outcome); an interaction's outcome is its own note. */
export type OutcomeKey =
  | 'pending'
  | 'interviewing'
  | 'offer'
  | 'hired'
  | 'rejected'
  | 'withdrawn'
  | 'noAnswer'
  | 'interviewPlanned'
  | 'interviewPassed'
  | 'interviewFailed'
  | 'interviewDone'
  | 'followUpDone';

export interface SearchActivity {
  /** YYYY-MM-DD in the user's zone. */
  date: string;
  kind: ActivityKind;
  employer: string;
  /** The company's location, else its website or the posting's link. */
  address: string | null;
  contactPerson: string | null;
  position: string | null;
  method: ContactMethod;
  outcome: { key: OutcomeKey } | { text: string } | null;
}

/** Sources where the person applied by e-mail or in person; every other source is an online application. */
const methodOfSource: Record<string, ContactMethod> = { email: 'email', job_fair: 'inPerson', referral: 'other', recruiter: 'other' };
const methodOfFormat: Record<string, ContactMethod> = { phone: 'phone', video: 'online', in_person: 'inPerson' };
const methodOfChannel: Record<string, ContactMethod> = { email: 'email', phone: 'phone', linkedin: 'online', meeting: 'inPerson', video: 'online', other: 'other' };
const outcomeOfCategory: Record<string, OutcomeKey> = {
  wishlist: 'pending',
  applied: 'pending',
  screening: 'interviewing',
  interviewing: 'interviewing',
  offer: 'offer',
  accepted: 'hired',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  ghosted: 'noAnswer',
};
const outcomeOfInterview = (status: string, outcome: string | null): OutcomeKey => {
  if (outcome === 'passed') return 'interviewPassed';
  if (outcome === 'failed') return 'interviewFailed';
  return status === 'completed' ? 'interviewDone' : 'interviewPlanned';
};

/** The calendar day of an instant in a zone, as YYYY-MM-DD. */
export function dayIn(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A day before `from` and after `to`: instants are narrowed in SQL with this margin, then exactly by their day. */
function widened(from: string, to: string): [string, string] {
  const day = 24 * 60 * 60 * 1000;
  return [new Date(Date.parse(`${from}T00:00:00Z`) - day).toISOString(), new Date(Date.parse(`${to}T00:00:00Z`) + 2 * day).toISOString()];
}

const firstLine = (text: string | null) => {
  const line = text?.split(/\r?\n/).find((part) => part.trim() !== '')?.trim();
  if (!line) return null;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
};

/**
 * Every act of the search between `from` and `to` (both included): applications sent (their applied date),
 * interviews not cancelled (their day in `timeZone`), follow-up tasks done on an application (the day they were
 * done), logged exchanges with contacts, and the booths visited at job fairs (the day the talk began, else ended,
 * in `timeZone`). Live rows only; oldest first.
 */
export function readSearchActivities(db: Database, from: string, to: string, timeZone: string): SearchActivity[] {
  const [fromInstant, toInstant] = widened(from, to);
  const inPeriod = (day: string) => day >= from && day <= to;
  const activities: SearchActivity[] = [];

  const applications = db
    .sql(
      `SELECT a.applied_on AS day, c.name AS employer, coalesce(c.location, a.location, c.website, a.posting_url) AS address, a.position, a.source, a.stage_category,
         (SELECT k.name FROM application_contacts ac JOIN contacts k ON k.id = ac.contact_id AND k.deleted_at IS NULL
            WHERE ac.application_id = a.id AND ac.deleted_at IS NULL ORDER BY k.name LIMIT 1) AS contact
       FROM applications a JOIN companies c ON c.id = a.company_id
       WHERE a.deleted_at IS NULL AND a.applied_on BETWEEN ? AND ?`,
    )
    .all(from, to) as { day: string; employer: string; address: string | null; position: string; source: string | null; stage_category: string; contact: string | null }[];
  for (const row of applications) {
    activities.push({
      date: row.day,
      kind: 'application',
      employer: row.employer,
      address: row.address,
      contactPerson: row.contact,
      position: row.position,
      method: methodOfSource[row.source ?? ''] ?? 'online',
      outcome: { key: outcomeOfCategory[row.stage_category] ?? 'pending' },
    });
  }

  const interviews = db
    .sql(
      `SELECT i.scheduled_at, i.format, i.status, i.outcome, i.interviewers, i.location AS place, c.name AS employer, coalesce(c.location, a.location) AS address, a.position
       FROM interviews i JOIN applications a ON a.id = i.application_id AND a.deleted_at IS NULL JOIN companies c ON c.id = a.company_id
       WHERE i.deleted_at IS NULL AND i.status <> 'cancelled' AND i.scheduled_at >= ? AND i.scheduled_at < ?`,
    )
    .all(fromInstant, toInstant) as {
    scheduled_at: string;
    format: string | null;
    status: string;
    outcome: string | null;
    interviewers: string | null;
    place: string | null;
    employer: string;
    address: string | null;
    position: string;
  }[];
  for (const row of interviews) {
    const day = dayIn(row.scheduled_at, timeZone);
    if (!inPeriod(day)) continue;
    activities.push({
      date: day,
      kind: 'interview',
      employer: row.employer,
      address: row.place ?? row.address,
      contactPerson: firstLine(row.interviewers),
      position: row.position,
      method: methodOfFormat[row.format ?? ''] ?? 'other',
      outcome: { key: outcomeOfInterview(row.status, row.outcome) },
    });
  }

  const tasks = db
    .sql(
      `SELECT t.done_at, t.title, c.name AS employer, coalesce(c.location, a.location, c.website) AS address, a.position
       FROM tasks t JOIN applications a ON a.id = t.application_id AND a.deleted_at IS NULL JOIN companies c ON c.id = a.company_id
       WHERE t.deleted_at IS NULL AND t.done_at >= ? AND t.done_at < ?`,
    )
    .all(fromInstant, toInstant) as { done_at: string; title: string; employer: string; address: string | null; position: string }[];
  for (const row of tasks) {
    const day = dayIn(row.done_at, timeZone);
    if (!inPeriod(day)) continue;
    activities.push({ date: day, kind: 'followUp', employer: row.employer, address: row.address, contactPerson: null, position: row.position, method: 'other', outcome: { key: 'followUpDone' } });
  }

  const interactions = db
    .sql(
      `SELECT i.occurred_on AS day, i.channel, i.note, k.name AS contact, coalesce(ac.name, kc.name) AS employer,
         coalesce(ac.location, kc.location, ac.website, kc.website) AS address, a.position
       FROM contact_interactions i JOIN contacts k ON k.id = i.contact_id AND k.deleted_at IS NULL
         LEFT JOIN applications a ON a.id = i.application_id AND a.deleted_at IS NULL
         LEFT JOIN companies ac ON ac.id = a.company_id
         LEFT JOIN companies kc ON kc.id = k.company_id AND kc.deleted_at IS NULL
       WHERE i.deleted_at IS NULL AND i.occurred_on BETWEEN ? AND ?`,
    )
    .all(from, to) as { day: string; channel: string; note: string | null; contact: string; employer: string | null; address: string | null; position: string | null }[];
  for (const row of interactions) {
    const note = firstLine(row.note);
    activities.push({
      date: row.day,
      // An exchange about an application follows it up; one about none is a contact with an employer.
      kind: row.position !== null ? 'followUp' : 'contact',
      employer: row.employer ?? row.contact,
      address: row.address,
      contactPerson: row.contact,
      position: row.position,
      method: methodOfChannel[row.channel] ?? 'other',
      outcome: note === null ? null : { text: note },
    });
  }

  const visits = db
    .sql(
      `SELECT coalesce(b.talking_at, b.finished_at) AS at, b.company_name AS employer, b.recruits_for AS position, b.recruiter_name AS contact, b.notes,
         f.name AS fair, f.place
       FROM fair_booths b JOIN fairs f ON f.id = b.fair_id AND f.deleted_at IS NULL
       WHERE b.deleted_at IS NULL AND b.status IN ('talking', 'done') AND coalesce(b.talking_at, b.finished_at) >= ? AND coalesce(b.talking_at, b.finished_at) < ?`,
    )
    .all(fromInstant, toInstant) as { at: string; employer: string; position: string | null; contact: string | null; notes: string | null; fair: string; place: string | null }[];
  for (const row of visits) {
    const day = dayIn(row.at, timeZone);
    if (!inPeriod(day)) continue;
    const note = firstLine(row.notes);
    activities.push({
      date: day,
      kind: 'fairVisit',
      employer: row.employer,
      address: row.place ? `${row.fair}, ${row.place}` : row.fair,
      contactPerson: row.contact,
      position: row.position,
      method: 'inPerson',
      outcome: note === null ? null : { text: note },
    });
  }

  const order: ActivityKind[] = ['application', 'interview', 'followUp', 'contact', 'fairVisit'];
  return activities.sort(
    (left, right) =>
      left.date.localeCompare(right.date) || order.indexOf(left.kind) - order.indexOf(right.kind) || left.employer.localeCompare(right.employer),
  );
}

