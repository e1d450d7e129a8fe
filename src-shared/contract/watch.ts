import { z } from 'zod';
import { httpUrl, id, idInput, pagination, requiredText, type RowTimes } from './common';
import type { EmploymentType, SalaryPeriod } from './enums';

/**
 * Watched company boards and the Opportunities inbox (issue 14, item 3; docs/watch.md): the public job boards of
 * Greenhouse, Lever and Ashby, or any page with JobPosting structured data (a company's careers page), checked by
 * the automation scheduler; new matching postings land in the inbox.
 */

/** `page`: any web page whose postings are schema.org JobPosting (JSON-LD or microdata); its board is its address. */
export const boardKinds = ['greenhouse', 'lever', 'ashby', 'page'] as const;
export type BoardKind = (typeof boardKinds)[number];

/** any: every posting; remote: remote postings only; on_site: postings that are not remote-only. */
export const remotePreferences = ['any', 'remote', 'on_site'] as const;
export type RemotePreference = (typeof remotePreferences)[number];

export const opportunityStatuses = ['new', 'seen', 'dismissed', 'tracked'] as const;
export type OpportunityStatus = (typeof opportunityStatuses)[number];

export const watchLimits = { terms: 30, termLength: 100 } as const;

/** A board's name as its company's URLs spell it (boards.greenhouse.io/<token>, jobs.lever.co/<company>, jobs.ashbyhq.com/<name>). */
export const boardName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be the board’s name as in its address (letters, digits, . _ -)');

/** A careers page's address: http(s), no credentials (they would be sent); the fragment is dropped (never sent). */
export const pageAddress = httpUrl
  .refine((value) => {
    const url = new URL(value);
    return url.username === '' && url.password === '';
  }, { message: 'must be an http(s) address without a password', params: { problem: 'page_address' } })
  .transform((value) => value.replace(/#.*$/, ''));

/** The board of a watch: a board's name for the three APIs, a page's address for `page`. */
export const boardOfKind = (kind: BoardKind) => (kind === 'page' ? pageAddress : boardName);

/** A board name or a page address, whichever the kind asks for (rows read back from backups and sync). */
export const watchBoard = z.union([boardName, pageAddress]);

/** Hosts of the three boards' public pages and APIs, and where the board's name is in their paths. */
const boardHosts: { kind: Exclude<BoardKind, 'page'>; host: RegExp; path: RegExp }[] = [
  { kind: 'greenhouse', host: /^(job-)?boards(\.eu)?\.greenhouse\.io$/, path: /^\/([^/]+)/ },
  { kind: 'greenhouse', host: /^boards-api\.greenhouse\.io$/, path: /^\/v1\/boards\/([^/]+)/ },
  { kind: 'lever', host: /^jobs(\.eu)?\.lever\.co$/, path: /^\/([^/]+)/ },
  { kind: 'lever', host: /^api(\.eu)?\.lever\.co$/, path: /^\/v0\/postings\/([^/]+)/ },
  { kind: 'ashby', host: /^jobs\.ashbyhq\.com$/, path: /^\/([^/]+)/ },
  { kind: 'ashby', host: /^api\.ashbyhq\.com$/, path: /^\/posting-api\/job-board\/([^/]+)/ },
];

/**
 * What a pasted address is: a Greenhouse, Lever or Ashby board (its name read from the address, so the board's API
 * is asked), else any page to read for JobPosting structured data. Null when the text is not an http(s) address
 * (a board's name typed as it is).
 */
export function detectBoard(text: string): { kind: BoardKind; board: string } | null {
  const address = pageAddress.safeParse(text);
  if (!address.success) return null;
  const url = new URL(address.data);
  const host = url.hostname.toLowerCase();
  for (const { kind, host: hostPattern, path } of boardHosts) {
    if (!hostPattern.test(host)) continue;
    // Greenhouse's embedded board names itself in ?for=<token>.
    const name = url.searchParams.get('for') ?? path.exec(url.pathname)?.[1];
    const board = boardName.safeParse(name ?? '');
    if (board.success && board.data !== 'embed') return { kind, board: board.data };
  }
  return { kind: 'page', board: address.data };
}

const terms = z
  .array(z.string().trim().min(1).max(watchLimits.termLength))
  .max(watchLimits.terms)
  .transform((values) => [...new Map(values.map((value) => [value.toLocaleLowerCase(), value])).values()]);

export const watchFields = {
  kind: z.enum(boardKinds),
  /** Checked against the kind by `boardOfKind` (the two fields together: see createWatchInput and watches.update). */
  board: z.string().trim().min(1, 'must not be empty').max(2048),
  companyName: requiredText(200),
  /** Any of them in the title or the text (whole words, case and accents ignored); none: every posting. */
  keywords: terms,
  /** Any of them within the posting's location; none: every location. */
  locations: terms,
  remote: z.enum(remotePreferences),
};

export const createWatchInput = z
  .object({ ...watchFields, keywords: watchFields.keywords.default([]), locations: watchFields.locations.default([]), remote: watchFields.remote.default('any') })
  .strict()
  .transform((input, context) => {
    const board = boardOfKind(input.kind).safeParse(input.board);
    if (board.success) return { ...input, board: board.data };
    context.addIssue({ code: 'custom', path: ['board'], message: board.error.issues[0]?.message ?? 'is not a board of this kind', input: input.board });
    return z.NEVER;
  });
export type CreateWatchInput = z.input<typeof createWatchInput>;

export const updateWatchInput = z.object({ id, patch: z.object(watchFields).partial().strict() }).strict();

/** A board API's address: http(s), nothing after the path (tests and mirrors point it at another server). */
export const boardBaseUrl = httpUrl
  .refine((value) => {
    const url = new URL(value);
    return url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  }, { message: 'must be an http(s) address without query, fragment or credentials', params: { problem: 'base_url' } })
  .transform((value) => value.replace(/\/+$/, ''));

export const watchSettingsFields = { greenhouseBaseUrl: boardBaseUrl, leverBaseUrl: boardBaseUrl, ashbyBaseUrl: boardBaseUrl };
export const updateWatchSettingsInput = z.object(watchSettingsFields).partial().strict();

export const opportunityFilters = ['inbox', 'new', 'seen', 'dismissed', 'tracked', 'closed', 'all'] as const;
export type OpportunityFilter = (typeof opportunityFilters)[number];

export const listOpportunitiesInput = z
  .object({
    /** inbox: new and seen postings still open; closed: postings gone from their board (any status). */
    status: z.enum(opportunityFilters).default('inbox'),
    watchId: id.optional(),
    ...pagination,
  })
  .strict()
  .default({ status: 'inbox', limit: 50, offset: 0 });

/** seen / unseen: read marks; dismiss: out of the inbox; restore: back in it (the undo of dismiss). */
export const opportunityActions = ['seen', 'unseen', 'dismiss', 'restore'] as const;
export const actOnOpportunitiesInput = z.object({ action: z.enum(opportunityActions), ids: z.array(id).min(1).max(1000) }).strict();

const none = z.undefined().or(z.object({}).strict()).optional();

export const watchChannelInputs = {
  'watches.list': none,
  'watches.create': createWatchInput,
  'watches.update': updateWatchInput,
  'watches.delete': idInput,
  'watches.restore': idInput,
  'watches.settings': none,
  'watches.updateSettings': updateWatchSettingsInput,
  'opportunities.list': listOpportunitiesInput,
  'opportunities.act': actOnOpportunitiesInput,
  'opportunities.track': idInput,
} as const;

/** Why the last check of a board failed, for a sentence in the user's language. */
export const checkErrorCodes = ['http_status', 'timeout', 'too_large', 'network', 'bad_response', 'no_posting', 'private_address'] as const;
export type CheckErrorCode = (typeof checkErrorCodes)[number];
export interface CheckError {
  code: CheckErrorCode;
  /** The HTTP status, for http_status. */
  status?: number;
}

export interface BoardWatch extends RowTimes {
  id: string;
  kind: BoardKind;
  board: string;
  companyName: string;
  keywords: string[];
  locations: string[];
  remote: RemotePreference;
  /** This device's checks of the board. */
  checkedAt: string | null;
  succeededAt: string | null;
  error: CheckError | null;
  /** Failed checks in a row (each waits longer before the next). */
  failures: number;
  nextCheckAt: string | null;
  /** Postings in the inbox not looked at yet, and all open ones of this board. */
  newCount: number;
  openCount: number;
}

export interface WatchSettings {
  greenhouseBaseUrl: string;
  leverBaseUrl: string;
  ashbyBaseUrl: string;
}

export interface Opportunity extends RowTimes {
  id: string;
  watchId: string;
  boardKind: BoardKind;
  companyName: string;
  externalId: string;
  title: string;
  location: string | null;
  remote: boolean | null;
  url: string | null;
  description: string | null;
  department: string | null;
  employmentType: EmploymentType | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  salaryPeriod: SalaryPeriod | null;
  postedAt: string | null;
  status: OpportunityStatus;
  /** When the posting was gone from its board. */
  closedAt: string | null;
  applicationId: string | null;
}

export interface OpportunityPage {
  items: Opportunity[];
  total: number;
  limit: number;
  offset: number;
  /** New postings in the inbox, all watches (the sidebar's count). */
  newCount: number;
}

export interface WatchOutputs {
  'watches.list': BoardWatch[];
  'watches.create': BoardWatch;
  'watches.update': BoardWatch;
  'watches.delete': { id: string };
  'watches.restore': BoardWatch;
  'watches.settings': WatchSettings;
  'watches.updateSettings': WatchSettings;
  'opportunities.list': OpportunityPage;
  'opportunities.act': { count: number };
  'opportunities.track': { applicationId: string; opportunity: Opportunity };
}
