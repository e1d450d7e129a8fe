import type { PostingDraft, PostingOrigin, SalaryPeriod } from '../../src-shared/contract';
import { parseSalary } from '../imports/salary';
import { absoluteUrl, decodeEntities, squash } from './html';
import { isNode, type LinkedNode } from './json-ld';
import { descriptionText } from './text';
import { readEmployment, readSalaryUnit, readWorkMode, sourceOfUrl } from './vocabulary';

/** A value's items: a list as it is, one value as a list of one, nothing as none. */
function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of a value: a string or number, or the name / @value / value of an object; entities decoded. */
export function text(value: unknown): string | null {
  for (const item of list(value)) {
    if (typeof item === 'string' || typeof item === 'number') {
      const result = squash(decodeEntities(String(item)));
      if (result) return result;
    } else if (isNode(item)) {
      const inner = text(item.name ?? item['@value'] ?? item.value);
      if (inner) return inner;
    }
  }
  return null;
}

function texts(value: unknown): string[] {
  return list(value)
    .map((item) => text(item))
    .filter((item): item is string => item !== null);
}

function cut(value: string | null, max: number): string | null {
  if (value === null) return null;
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

function urlOf(value: unknown, base: string | null): string | null {
  for (const item of list(value)) {
    const raw = typeof item === 'string' ? item : isNode(item) ? (item.url ?? item.contentUrl ?? item['@id']) : undefined;
    const url = absoluteUrl(typeof raw === 'string' ? decodeEntities(raw) : null, base);
    if (url && url.length <= 2048) return url;
  }
  return null;
}

/** A calendar date (YYYY-MM-DD) from an ISO date or date-time, or a date a browser can read. */
export function calendarDay(value: unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  const iso = raw.match(/^(\d{4})-(\d{2})-(\d{2})/);
  const day = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : (() => {
    const time = Date.parse(raw);
    return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
  })();
  if (!day) return null;
  const year = Number(day.slice(0, 4));
  const check = new Date(`${day}T00:00:00Z`);
  return year >= 1990 && year <= 2200 && !Number.isNaN(check.getTime()) && check.toISOString().startsWith(day) ? day : null;
}

function placeText(place: unknown): string | null {
  if (!isNode(place)) return text(place);
  const address = place.address;
  if (isNode(address)) {
    const parts = [address.addressLocality, address.addressRegion, address.addressCountry].map((part) => text(part));
    const unique = parts.filter((part, index): part is string => part !== null && parts.indexOf(part) === index);
    if (unique.length) return unique.join(', ');
  }
  return text(address) ?? text(place.name);
}

function locationOf(node: LinkedNode): string | null {
  const places = list(node.jobLocation).map(placeText).filter((place): place is string => place !== null);
  const unique = [...new Set(places)];
  if (unique.length) return cut(unique.join('; '), 200);
  const regions = list(node.applicantLocationRequirements).map(placeText).filter((place): place is string => place !== null);
  return regions.length ? cut([...new Set(regions)].join('; '), 200) : null;
}

interface Salary {
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  salaryPeriod: SalaryPeriod | null;
}
const noSalary: Salary = { salaryMin: null, salaryMax: null, salaryCurrency: null, salaryPeriod: null };

function amount(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(/[\s,]/g, '')) : NaN;
  return Number.isFinite(number) && number >= 0 && number <= 100_000_000 ? Math.round(number) : null;
}

/**
 * baseSalary / estimatedSalary: a MonetaryAmount whose value is a number, a QuantitativeValue (value, minValue,
 * maxValue, unitText) or text ("$120k–$150k"); a MonetaryAmountDistribution (percentiles); or plain text read as
 * the imports read a salary cell. A weekly amount is written as a yearly one (×52): Candid has no weekly period.
 */
function salaryOf(value: unknown): Salary {
  for (const item of list(value)) {
    const found = isNode(item) ? monetary(item) : typeof item === 'string' || typeof item === 'number' ? fromText(String(item), null) : null;
    if (found && found.salaryMin !== null) return found;
  }
  return noSalary;
}

function monetary(node: LinkedNode): Salary | null {
  const currency = text(node.currency) ?? text(node.salaryCurrency);
  const inner = node.value;
  const quantity = isNode(inner) ? inner : node;
  const unit = text(quantity.unitText) ?? text(node.unitText) ?? text(quantity.unitCode);
  let min = amount(quantity.minValue) ?? amount(node.percentile10) ?? amount(node.percentile25);
  let max = amount(quantity.maxValue) ?? amount(node.percentile90) ?? amount(node.percentile75);
  const single = isNode(inner) ? amount(inner.value) : amount(inner) ?? amount(node.median);
  if (min === null && max === null && single === null) {
    const written = text(isNode(inner) ? inner.value : inner);
    return written ? fromText(written, currency, unit) : null;
  }
  min ??= single ?? max;
  max ??= single ?? min;
  return finish(min, max, currency, unit);
}

function fromText(written: string, currency: string | null, unit?: string | null): Salary | null {
  const parsed = parseSalary(written);
  if (!parsed) return null;
  return finish(parsed.min, parsed.max, currency ?? parsed.currency, unit ?? parsed.period);
}

function finish(min: number | null, max: number | null, currency: string | null, unit: string | null | undefined): Salary {
  const reading = unit ? readSalaryUnit(unit) : null;
  const weekly = reading === 'week';
  const scale = (value: number | null) => (value === null ? null : Math.min(100_000_000, weekly ? value * 52 : value));
  const [low, high] = [scale(min), scale(max)];
  const code = currency?.trim().toUpperCase() ?? null;
  return {
    salaryMin: low !== null && high !== null ? Math.min(low, high) : low,
    salaryMax: low !== null && high !== null ? Math.max(low, high) : high,
    salaryCurrency: code && /^[A-Z]{3}$/.test(code) ? code : null,
    salaryPeriod: reading === 'week' ? 'year' : reading,
  };
}

/** experienceRequirements: months of experience, or text such as "3+ years" / "5 ans d'expérience". */
function experienceYears(node: LinkedNode): number | null {
  for (const item of list(node.experienceRequirements)) {
    if (isNode(item) && item.monthsOfExperience !== undefined) {
      const months = amount(item.monthsOfExperience);
      if (months !== null) return Math.min(60, Math.round(months / 12));
    }
    const written = text(isNode(item) ? (item.description ?? item.name) : item);
    const years = written?.match(/(\d{1,2})\s*\+?\s*(?:years?|yrs?|ans?|années?)\b/i);
    if (years) return Math.min(60, Number(years[1]));
  }
  return null;
}

function skillsOf(node: LinkedNode): string[] {
  const skills = list(node.skills).flatMap((item) => {
    const written = text(item);
    return written ? written.split(/\s*[,;•\n|]\s*/) : [];
  });
  const seen = new Set<string>();
  return skills
    .map((skill) => skill.trim())
    .filter((skill) => skill.length > 0 && skill.length <= 80 && !seen.has(skill.toLowerCase()) && seen.add(skill.toLowerCase()))
    .slice(0, 100);
}

function booleanOf(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const written = text(value)?.toLowerCase();
  return written === 'true' ? true : written === 'false' ? false : null;
}

/** A JobPosting (from JSON-LD or microdata) as a draft; null when it has no title to show. */
export function draftOfPosting(node: LinkedNode, pageUrl: string | null, origin: PostingOrigin): PostingDraft | null {
  const position = cut(text(node.title) ?? text(node.name), 200);
  if (!position) return null;
  const organization = list(node.hiringOrganization).find((item) => (isNode(item) ? text(item.name ?? item.legalName) : text(item)));
  const companyName = cut(isNode(organization) ? text(organization.name) ?? text(organization.legalName) : text(organization), 200);
  const companyWebsite = isNode(organization) ? urlOf(organization.sameAs ?? organization.url, pageUrl) ?? urlOf(organization.url, pageUrl) : null;
  const postingUrl = urlOf(node.url, pageUrl) ?? pageUrl;
  const description = text(node.description) === null ? null : descriptionOf(node.description, postingUrl);
  const identifier = list(node.identifier)[0];
  const workMode = readWorkMode([...texts(node.jobLocationType), position]);
  return {
    position,
    companyName,
    companyWebsite,
    companyLogo: isNode(organization) ? urlOf(organization.logo ?? organization.image, pageUrl) : null,
    location: locationOf(node),
    workMode,
    ...readEmployment(texts(node.employmentType)),
    ...salaryOrEstimate(node),
    postedOn: calendarDay(node.datePosted),
    validThrough: calendarDay(node.validThrough),
    description,
    requiredSkills: skillsOf(node),
    experienceYears: experienceYears(node),
    identifier: cut(isNode(identifier) ? text(identifier.value) ?? text(identifier.name) : text(identifier), 200),
    postingUrl,
    source: sourceOfUrl(postingUrl, companyWebsite),
    directApply: booleanOf(node.directApply),
    origin,
  };
}

function salaryOrEstimate(node: LinkedNode): Salary {
  const base = salaryOf(node.baseSalary);
  return base.salaryMin !== null ? base : salaryOf(node.estimatedSalary);
}

export function descriptionOf(value: unknown, baseUrl: string | null): string | null {
  const raw = list(value).find((item): item is string => typeof item === 'string') ?? text(value);
  if (!raw) return null;
  const clean = descriptionText(raw, baseUrl);
  return clean ? cut(clean, 200_000) : null;
}
