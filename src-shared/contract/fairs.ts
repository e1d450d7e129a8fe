import { z } from 'zod';
import { calendarDate, id, idInput, instant, optionalText, optionalUrl, requiredText, type RowTimes } from './common';
import { contactFields } from './contacts';

/**
 * Job fairs (issue 15, item 1): a fair, the companies present at it (one booth each, with what they recruit for),
 * the person's plan for each booth, and on the day the visit of each: to visit → in line → talking → done or
 * skipped. One booth row holds the company, the plan and the visit, since there is one visit per booth and per
 * fair; the time each status was reached is stored, so the time spent in line is derived, never typed in.
 */

export const visitStatuses = ['to_visit', 'in_line', 'talking', 'done', 'skipped'] as const;
export type VisitStatus = (typeof visitStatuses)[number];

/** 1 = must see, 2 = should see, 3 = if there is time. */
export const boothPriorities = [1, 2, 3] as const;
export type BoothPriority = (typeof boothPriorities)[number];

export const fairFields = {
  name: requiredText(200),
  startsOn: calendarDate,
  /** The last day of a fair of several days; null for a one-day fair. */
  endsOn: calendarDate.nullish(),
  place: optionalText(300),
  /** Its map or site. */
  url: optionalUrl,
  notes: optionalText(20_000),
};

const endsAfterStart = (value: { startsOn?: string; endsOn?: string | null }) =>
  !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn;
const endsAfterStartMessage = { message: 'must not be before the first day', path: ['endsOn'] };

export const createFairInput = z.object(fairFields).strict().refine(endsAfterStart, endsAfterStartMessage);
export type CreateFairInput = z.input<typeof createFairInput>;
export const updateFairInput = z.object({ id, patch: z.object(fairFields).partial().strict().refine(endsAfterStart, endsAfterStartMessage) }).strict();

/** The company present, and the person's plan for its booth. */
export const boothFields = {
  companyName: requiredText(200),
  booth: optionalText(40),
  recruitsFor: optionalText(500),
  /** In the person's plan (the booths they mean to visit). */
  planned: z.boolean(),
  priority: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullish(),
  pitch: optionalText(5000),
  questions: optionalText(5000),
  documents: optionalText(1000),
};

/** What is noted during the visit. */
export const visitFields = {
  recruiterName: optionalText(200),
  recruiterRole: contactFields.role,
  recruiterEmail: contactFields.email,
  notes: optionalText(20_000),
};

export const addBoothInput = z
  .object({ fairId: id, ...boothFields, planned: boothFields.planned.default(true) })
  .strict();
export type AddBoothInput = z.input<typeof addBoothInput>;
export const updateBoothInput = z.object({ id, patch: z.object({ ...boothFields, ...visitFields }).partial().strict() }).strict();

export const setVisitStatusInput = z
  .object({
    id,
    status: z.enum(visitStatuses),
    /** When it happened, for a tap made late; defaults to now. */
    at: instant.optional(),
  })
  .strict();

export const convertVisitInput = z
  .object({
    id,
    /** The position applied for; defaults to what the company recruits for at the fair. */
    position: requiredText(300).optional(),
  })
  .strict();

export const listFairVisitsInput = z
  .object({ from: calendarDate, to: calendarDate })
  .strict()
  .refine((value) => value.to >= value.from, { message: 'must not be before the start of the period', path: ['to'] });

export const fairIdInput = idInput;
export const boothIdInput = idInput;
const none = z.undefined().or(z.object({}).strict()).optional();

export const fairsChannelInputs = {
  'fairs.list': none,
  'fairs.get': fairIdInput,
  'fairs.create': createFairInput,
  'fairs.update': updateFairInput,
  'fairs.delete': fairIdInput,
  'fairs.restore': fairIdInput,
  'fairs.addBooth': addBoothInput,
  'fairs.updateBooth': updateBoothInput,
  'fairs.setVisitStatus': setVisitStatusInput,
  'fairs.deleteBooth': boothIdInput,
  'fairs.restoreBooth': boothIdInput,
  'fairs.convertVisit': convertVisitInput,
  'fairs.visits': listFairVisitsInput,
} as const;

export interface Fair extends RowTimes {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string | null;
  place: string | null;
  url: string | null;
  notes: string | null;
  boothCount: number;
  plannedCount: number;
  /** Booths whose visit is done or skipped. */
  finishedCount: number;
}

export interface FairBooth extends RowTimes {
  id: string;
  fairId: string;
  companyName: string;
  booth: string | null;
  recruitsFor: string | null;
  planned: boolean;
  priority: BoothPriority | null;
  pitch: string | null;
  questions: string | null;
  documents: string | null;
  status: VisitStatus;
  /** When the person joined the line, started talking, and left (done or skipped). */
  inLineAt: string | null;
  talkingAt: string | null;
  finishedAt: string | null;
  /** Whole minutes between joining the line and talking (or leaving it); null when either time is unknown. */
  minutesInLine: number | null;
  recruiterName: string | null;
  recruiterRole: string | null;
  recruiterEmail: string | null;
  notes: string | null;
  /** The application the visit turned into, and the recruiter's contact, while they are live. */
  applicationId: string | null;
  contactId: string | null;
}

export interface FairDetail extends Fair {
  /** Planned booths first, by priority, then the others; each group by company name. */
  booths: FairBooth[];
}

export interface ConvertVisitResult {
  booth: FairBooth;
  applicationId: string;
  /** The recruiter's contact, linked to the application; null when no recruiter was noted. */
  contactId: string | null;
}

/** One visit made at a fair (talking or done), as a proof-of-search report lists it: in person, at a fair. */
export interface FairVisit {
  boothId: string;
  fairId: string;
  fairName: string;
  place: string | null;
  /** The day of the visit (UTC): when talking began, else when it ended. */
  visitedOn: string;
  companyName: string;
  recruitsFor: string | null;
  recruiterName: string | null;
  status: VisitStatus;
  notes: string | null;
  applicationId: string | null;
}

export interface FairsOutputs {
  'fairs.list': Fair[];
  'fairs.get': FairDetail;
  'fairs.create': FairDetail;
  'fairs.update': FairDetail;
  'fairs.delete': { id: string };
  'fairs.restore': FairDetail;
  'fairs.addBooth': FairBooth;
  'fairs.updateBooth': FairBooth;
  'fairs.setVisitStatus': FairBooth;
  'fairs.deleteBooth': { id: string };
  'fairs.restoreBooth': FairBooth;
  'fairs.convertVisit': ConvertVisitResult;
  'fairs.visits': FairVisit[];
}
