import { z } from 'zod';
import { employmentTypes, salaryPeriods, schedules, workModes } from './enums';

/** Where on the page a posting was found, most structured first. */
export const postingOrigins = ['json_ld', 'microdata', 'open_graph', 'page'] as const;
export type PostingOrigin = (typeof postingOrigins)[number];

/** Pages above this are refused (fetched or pasted): a posting page is rarely above 2 MB. */
export const maxPostingHtmlChars = 5_000_000;

const url = z.string().trim().max(2048);
const nullableText = (max: number) => z.string().max(max).nullable();

/**
 * One posting read from a page, already mapped onto Candid's vocabularies, for the user to confirm. Fields the page
 * did not say are null (or empty lists); nothing here is saved until the user confirms the prefilled form.
 */
export const postingDraft = z
  .object({
    position: z.string().min(1).max(200),
    companyName: nullableText(200),
    companyWebsite: nullableText(2048),
    companyLogo: nullableText(2048),
    location: nullableText(200),
    workMode: z.enum(workModes).nullable(),
    employmentType: z.enum(employmentTypes).nullable(),
    schedule: z.enum(schedules).nullable(),
    salaryMin: z.number().int().min(0).nullable(),
    salaryMax: z.number().int().min(0).nullable(),
    salaryCurrency: z.string().regex(/^[A-Z]{3}$/).nullable(),
    salaryPeriod: z.enum(salaryPeriods).nullable(),
    /** Calendar dates, YYYY-MM-DD. */
    postedOn: z.string().nullable(),
    validThrough: z.string().nullable(),
    /** The posting's text: clean text, paragraphs kept, links written as "label (https://…)". */
    description: nullableText(200_000),
    requiredSkills: z.array(z.string().max(80)).max(100),
    experienceYears: z.number().int().min(0).max(60).nullable(),
    identifier: nullableText(200),
    /** The posting's own address (its `url`, else the page's canonical address, else the page's). */
    postingUrl: nullableText(2048),
    /** A built-in source key (linkedin, welcome_to_the_jungle, company_site …) read from the address, or null. */
    source: nullableText(80),
    directApply: z.boolean().nullable(),
    origin: z.enum(postingOrigins),
  })
  .strict();
export type PostingDraft = z.infer<typeof postingDraft>;

export const readPostingInput = z.union([
  z.object({ url }).strict(),
  z.object({ html: z.string().min(1).max(maxPostingHtmlChars), url: url.optional() }).strict(),
]);
export type ReadPostingInput = z.input<typeof readPostingInput>;

export interface ReadPostingResult {
  /** At least one; several when the page lists several postings (the user picks). */
  postings: PostingDraft[];
  /** The address the page was read from after redirects (null for pasted HTML without a URL). */
  pageUrl: string | null;
  /** When the page was read (ISO instant): the capture date frozen with the posting. */
  capturedAt: string;
}

/**
 * Why a page gave no posting. The UI translates `details.reason` (capture namespace, errors.*); the English message
 * is the fallback for logs.
 */
export const postingReadFailures = [
  'not_http',
  'bad_url',
  'private_address',
  'unreachable',
  'timeout',
  'http_status',
  'too_many_redirects',
  'too_large',
  'not_html',
  'empty_page',
  'no_posting',
] as const;
export type PostingReadFailure = (typeof postingReadFailures)[number];

export const captureChannelInputs = {
  'postings.read': readPostingInput,
};

export interface CaptureOutputs {
  'postings.read': ReadPostingResult;
}
