import crypto from 'node:crypto';
import type { CheckError, PostingDraft } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { fetchPageIfChanged, type PageValidators } from '../capture/fetch-page';
import { readPosting } from '../capture/read-posting';
import type { BoardAdapter, BoardPosting } from './boards';
import type { BoardAnswer, FetchLimits } from './fetch-board';

/**
 * The fourth board kind: any page whose postings are schema.org JobPosting (a company's careers page). It is asked
 * with capture's fetch (so private-network addresses are refused as a pasted link's are) and read with capture's
 * reader; only structured postings count, never a guess from the page's title.
 */

/** Why a check of a page found no posting: shown on the watch, and nothing is closed. */
export class NoPostingOnPage extends Error {
  readonly checkError: CheckError = { code: 'no_posting' };
}

/** The body a page check hands to `careersPage.parse`: the page's HTML and its address after redirects. */
interface PageBody {
  html: string;
  url: string;
}

/** Capture's reasons for a failed fetch, as a watch's check error. */
function checkErrorOf(error: unknown): CheckError {
  const details = error instanceof AppError ? (error.details as { reason?: string; status?: number } | undefined) : undefined;
  switch (details?.reason) {
    case 'http_status':
      return { code: 'http_status', status: details.status };
    case 'timeout':
      return { code: 'timeout' };
    case 'too_large':
      return { code: 'too_large' };
    case 'private_address':
      return { code: 'private_address' };
    case 'unreachable':
    case 'too_many_redirects':
      return { code: 'network' };
    default:
      // not_html, bad_url, not_http: an answer that is not a page to read.
      return { code: 'bad_response' };
  }
}

/** The one request of a page check: capture's fetch, conditional, within the watcher's limits. Never throws. */
export async function fetchCareersPage(address: string, previous: PageValidators, limits: FetchLimits & { allowPrivateAddresses: boolean }): Promise<BoardAnswer> {
  try {
    const answer = await fetchPageIfChanged(address, previous, limits);
    if (answer.notModified) return { kind: 'not-modified' };
    const body: PageBody = { html: answer.html, url: answer.url };
    return { kind: 'ok', body, etag: answer.etag, lastModified: answer.lastModified };
  } catch (error) {
    return { kind: 'error', error: checkErrorOf(error) };
  }
}

const hashOf = (value: string) => crypto.createHash('sha256').update(value).digest('hex').slice(0, 40);
/** An external id fits the opportunities row (200 characters): a longer key is kept as its hash. */
const bounded = (prefix: string, value: string) => (prefix.length + value.length <= 200 ? `${prefix}${value}` : `${prefix}sha256:${hashOf(value)}`);

/**
 * A posting's stable id on its page, so that each check finds the same opportunity again:
 * - its `identifier`: the employer's own reference, which stays while the posting is listed even when its address
 *   gains tracking parameters or its title is reworded;
 * - else its own `url` (not the page's, which every posting of a listing shares): one posting, one address;
 * - else a hash of its title and location: nothing else tells two postings apart. A reworded title then reads as
 *   a new posting (the old one closed): the honest outcome when the page gives no id.
 * A key two postings of the page share is not an id: those postings fall to the next rule.
 */
function externalIds(drafts: readonly PostingDraft[], pageUrl: string): string[] {
  const counts = (keys: (string | null)[]) => keys.reduce((map, key) => (key === null ? map : map.set(key, (map.get(key) ?? 0) + 1)), new Map<string, number>());
  const identifiers = drafts.map((draft) => draft.identifier?.trim() || null);
  const urls = drafts.map((draft) => (draft.postingUrl && draft.postingUrl !== pageUrl ? draft.postingUrl : null));
  const identifierCounts = counts(identifiers);
  const urlCounts = counts(urls);
  return drafts.map((draft, index) => {
    const identifier = identifiers[index];
    if (identifier !== null && identifierCounts.get(identifier) === 1) return bounded('id:', identifier);
    const url = urls[index];
    if (url !== null && urlCounts.get(url) === 1) return bounded('url:', url);
    return `hash:${hashOf(`${draft.position.toLocaleLowerCase()}\u0000${(draft.location ?? '').toLocaleLowerCase()}`)}`;
  });
}

function postingOf(draft: PostingDraft, externalId: string): BoardPosting {
  const salaryKnown = draft.salaryMin !== null || draft.salaryMax !== null;
  return {
    externalId,
    title: draft.position,
    location: draft.location,
    remote: draft.workMode === 'remote' ? true : draft.workMode === null ? null : false,
    url: draft.postingUrl,
    description: draft.description,
    department: null,
    employmentType: draft.employmentType,
    salary: salaryKnown ? { min: draft.salaryMin, max: draft.salaryMax, currency: draft.salaryCurrency, period: draft.salaryPeriod } : null,
    postedAt: draft.postedOn ? `${draft.postedOn}T00:00:00.000Z` : null,
  };
}

/**
 * The postings of a careers page (JSON-LD, then microdata). A page without any is an error of the check
 * (`NoPostingOnPage`), not an empty board: a redesigned or broken page must not close every posting.
 */
function parsePage(body: unknown): BoardPosting[] {
  const { html, url } = body as PageBody;
  let drafts: PostingDraft[];
  try {
    drafts = readPosting({ html, url }).postings;
  } catch {
    throw new NoPostingOnPage('No job posting on the page');
  }
  const structured = drafts.filter((draft) => draft.origin === 'json_ld' || draft.origin === 'microdata');
  if (structured.length === 0) throw new NoPostingOnPage('No JobPosting structured data on the page');
  const ids = externalIds(structured, url);
  return structured.map((draft, index) => postingOf(draft, ids[index]));
}

export const careersPage: BoardAdapter = {
  // The board of a page watch is the page's address itself.
  url: (_baseUrl, board) => board,
  parse: parsePage,
};
