import type { PostingDraft } from '../../src-shared/contract';
import { draftOfPosting } from './draft';
import { postingError } from './errors';
import { parsePage } from './html';
import { jsonLdPostings } from './json-ld';
import { microdataPostings } from './microdata';
import { draftOfPage, pageFacts, readTitle } from './page';

export interface ReadPostingPage {
  html: string;
  /** The page's address, to make links absolute and to name the source; null for pasted HTML. */
  url: string | null;
}

/**
 * The postings of a page, most structured reading first: schema.org JobPosting in JSON-LD, then in microdata,
 * then OpenGraph and the page's title. Pure: no network, no database. Throws a VALIDATION error with
 * `details.reason` 'empty_page' or 'no_posting' when the page gives nothing to fill a form with.
 */
export function readPosting({ html, url }: ReadPostingPage): { postings: PostingDraft[] } {
  if (!html.trim()) throw postingError('VALIDATION', 'empty_page', 'The page is empty');
  const page = parsePage(html);
  const facts = pageFacts(page, url);
  const fromJsonLd = jsonLdPostings(page).map((node) => draftOfPosting(node, url, 'json_ld'));
  const structured = fromJsonLd.some(Boolean) ? fromJsonLd : microdataPostings(page).map((node) => draftOfPosting(node, url, 'microdata'));
  let postings = unique(structured.filter((draft): draft is PostingDraft => draft !== null));
  if (postings.length === 1) postings = [completeFromPage(postings[0], facts)];
  if (postings.length === 0) {
    const fromPage = draftOfPage(page, facts, url);
    if (fromPage) postings = [fromPage];
  }
  if (postings.length === 0) throw postingError('VALIDATION', 'no_posting', 'No job posting was found on this page');
  return { postings };
}

/** A single posting borrows what its JSON-LD left out from the page: the company from the title, the address. */
function completeFromPage(draft: PostingDraft, facts: ReturnType<typeof pageFacts>): PostingDraft {
  const title = facts.cardTitle ?? facts.title;
  const companyName = draft.companyName ?? (title ? readTitle(title, facts.siteName).companyName?.slice(0, 200) : null) ?? null;
  return {
    ...draft,
    companyName,
    companyLogo: draft.companyLogo ?? null,
    postingUrl: draft.postingUrl ?? facts.canonicalUrl,
  };
}

/** The same posting written twice (JSON-LD and a copy in @graph, or one per language) is offered once. */
function unique(drafts: PostingDraft[]): PostingDraft[] {
  const seen = new Set<string>();
  return drafts.filter((draft) => {
    const key = [draft.position, draft.companyName, draft.identifier ?? draft.postingUrl].join('\u0000').toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
