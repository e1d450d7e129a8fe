import type { PostingDraft } from '../../src-shared/contract';
import { DomUtils } from 'htmlparser2';
import { absoluteUrl, attribute, decodeEntities, elements, squash, textOf, type Document, type Element } from './html';
import { descriptionOf } from './draft';
import { sourceOfUrl } from './vocabulary';

/** What a page says about itself outside schema.org: OpenGraph and Twitter cards, <title>, <h1>, canonical link. */
export interface PageFacts {
  canonicalUrl: string | null;
  /** og:title or twitter:title. */
  cardTitle: string | null;
  title: string | null;
  heading: string | null;
  siteName: string | null;
  summary: string | null;
  image: string | null;
}

export function pageFacts(page: Document, pageUrl: string | null): PageFacts {
  const metas = elements(page, (element) => element.name === 'meta');
  const meta = (...names: string[]) => {
    for (const name of names) {
      const found = metas.find((element) => [attribute(element, 'property'), attribute(element, 'name')].some((key) => key?.toLowerCase() === name));
      const content = found && squash(decodeEntities(attribute(found, 'content') ?? ''));
      if (content) return content;
    }
    return null;
  };
  const canonical = elements(page, (element) => element.name === 'link' && (attribute(element, 'rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'))[0];
  const first = (name: string) => {
    const found = elements(page, (element) => element.name === name)[0];
    return found ? squash(textOf(found)) || null : null;
  };
  return {
    canonicalUrl: absoluteUrl(canonical ? attribute(canonical, 'href') : meta('og:url'), pageUrl) ?? absoluteUrl(meta('og:url'), pageUrl),
    cardTitle: meta('og:title', 'twitter:title'),
    title: first('title'),
    heading: first('h1'),
    siteName: meta('og:site_name', 'application-name'),
    summary: meta('og:description', 'twitter:description', 'description'),
    image: absoluteUrl(meta('og:image', 'twitter:image'), pageUrl),
  };
}

/** Boards whose name ends a page's title ("… | LinkedIn"): never the hiring company. */
const boardNames = /^(linkedin|indeed|welcome to the jungle|glassdoor|monster|apec|france travail|hellowork|jobteaser|stepstone|otta|wellfound|angellist)$/i;

interface TitleReading {
  position: string;
  companyName: string | null;
  location: string | null;
}

/**
 * A posting's title as boards write it: "Acme hiring Data Engineer in Paris, France | LinkedIn", "Data Engineer at
 * Acme", "Data Engineer chez Acme", "Data Engineer - Acme - CDI à Paris", "Data Engineer | Acme".
 */
export function readTitle(raw: string, siteName: string | null): TitleReading {
  let title = raw;
  // Drop a trailing "| Site" (the board or the site itself).
  const parts = title.split(/\s+[|–—·]\s+/);
  if (parts.length > 1) {
    const last = parts[parts.length - 1];
    if (boardNames.test(last) || (siteName && last.toLowerCase() === siteName.toLowerCase() && !boardNames.test(siteName))) {
      title = parts.slice(0, -1).join(' | ');
    }
  }
  const hiring = title.match(/^(.+?)\s+(?:is\s+)?(?:hiring|recrute)\s+(?:an?\s+|un\s+|une\s+)?(.+?)(?:\s+(?:in|à|en)\s+(.+))?$/i);
  if (hiring) return { companyName: hiring[1], position: hiring[2], location: hiring[3] ?? null };
  const at = title.match(/^(.+?)\s+(?:at|chez|@)\s+(.+?)(?:\s+[-|–—]\s+(.+))?$/i);
  if (at) return { position: at[1], companyName: at[2], location: null };
  const dashed = title.split(/\s+[-|–—]\s+/);
  if (dashed.length >= 2) return { position: dashed[0], companyName: dashed[1], location: null };
  return { position: title, companyName: null, location: null };
}

/** A draft from the page alone (no JobPosting on it): the user confirms every field. Null when there is no title. */
export function draftOfPage(page: Document, facts: PageFacts, pageUrl: string | null): PostingDraft | null {
  const raw = facts.cardTitle ?? facts.title ?? facts.heading;
  if (!raw) return null;
  const siteName = facts.siteName && !boardNames.test(facts.siteName) ? facts.siteName : null;
  const reading = readTitle(raw, facts.siteName);
  const position = (facts.cardTitle ? reading.position : (facts.heading ?? reading.position)).slice(0, 200).trim();
  if (!position) return null;
  const postingUrl = facts.canonicalUrl ?? pageUrl;
  return {
    position,
    companyName: (reading.companyName ?? siteName)?.slice(0, 200) ?? null,
    companyWebsite: null,
    companyLogo: null,
    location: reading.location?.slice(0, 200) ?? null,
    workMode: null,
    employmentType: null,
    schedule: null,
    salaryMin: null,
    salaryMax: null,
    salaryCurrency: null,
    salaryPeriod: null,
    postedOn: null,
    validThrough: null,
    description: mainText(page, postingUrl) ?? facts.summary,
    requiredSkills: [],
    experienceYears: null,
    identifier: null,
    postingUrl,
    source: sourceOfUrl(postingUrl, null),
    directApply: null,
    origin: facts.cardTitle ? 'open_graph' : 'page',
  };
}

/** The text of the page's main content (<main>, else <article>, else a job-description block), links kept. */
function mainText(page: Document, baseUrl: string | null): string | null {
  const block: Element | undefined =
    elements(page, (element) => element.name === 'main')[0] ??
    elements(page, (element) => element.name === 'article')[0] ??
    elements(page, (element) => /job[-_]?description|posting[-_]?(body|content|description)|description/i.test(`${attribute(element, 'id') ?? ''} ${attribute(element, 'class') ?? ''}`))[0];
  return block ? descriptionOf(DomUtils.getInnerHTML(block), baseUrl) : null;
}
