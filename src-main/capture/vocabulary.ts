import type { BuiltInSource, EmploymentType, SalaryPeriod, Schedule, WorkMode } from '../../src-shared/contract';
import { valueKey } from '../imports/keys';
import { employmentTypeSynonyms, scheduleSynonyms, sourceSynonyms, ValueMatcher, workModeSynonyms } from '../imports/values';
import { periodOfText } from '../imports/salary';

/**
 * Schema.org's words mapped onto Candid's vocabularies through the imports' matchers, so "FULL_TIME", "CDI",
 * "Contractor" or "Télétravail" mean here what they mean in an imported spreadsheet.
 */
const employmentTypes = new ValueMatcher(employmentTypeSynonyms);
const schedules = new ValueMatcher(scheduleSynonyms);
const workModes = new ValueMatcher(workModeSynonyms);
const sources = new ValueMatcher(sourceSynonyms, [], true);

export interface EmploymentReading {
  employmentType: EmploymentType | null;
  schedule: Schedule | null;
}

/** schema.org employmentType values (FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN …) or a page's words. */
export function readEmployment(values: string[]): EmploymentReading {
  let employmentType: EmploymentType | null = null;
  let schedule: Schedule | null = null;
  for (const value of values) {
    const key = valueKey(value);
    // Schema.org's INTERN is a person; the imports' vocabulary knows "Intern" and "Internship".
    employmentType ??= employments(key);
    schedule ??= schedules.match(key) ?? null;
  }
  return { employmentType, schedule };
}

function employments(key: string): EmploymentType | null {
  if (key === 'per diem' || key === 'volunteer' || key === 'other') return null;
  return employmentTypes.match(key) ?? null;
}

/** TELECOMMUTE is schema.org's remote; otherwise the words of the page ("Hybrid", "Télétravail partiel"). */
export function readWorkMode(values: string[]): WorkMode | null {
  for (const value of values) {
    const key = valueKey(value);
    if (key === 'telecommute') return 'remote';
    const mode = workModes.match(key);
    // "Yes"/"No"/"Total" only mean remote in a spreadsheet's remote column, not in a page's text.
    if (mode && !['yes', 'no', 'oui', 'non', 'total', 'office', 'aucun'].includes(key)) return mode;
  }
  return null;
}

/** schema.org unitText (HOUR, DAY, WEEK, MONTH, YEAR) or words ("per year", "par mois"). WEEK has no Candid period. */
export function readSalaryUnit(text: string): SalaryPeriod | 'week' | null {
  const unit = text.trim().toUpperCase();
  const units: Record<string, SalaryPeriod | 'week'> = { HOUR: 'hour', DAY: 'day', WEEK: 'week', MONTH: 'month', YEAR: 'year', ANNUAL: 'year' };
  return units[unit] ?? periodOfText(text);
}

/** Hosts that say where a posting was found; others go through the imports' source names ("indeed", "apec"). */
const sourceHosts: [RegExp, BuiltInSource][] = [
  [/(^|\.)welcometothejungle\.(com|co)$/, 'welcome_to_the_jungle'],
  [/(^|\.)(francetravail\.fr|pole-emploi\.fr|candidat\.francetravail\.fr)$/, 'france_travail'],
  [/(^|\.)apec\.fr$/, 'apec'],
  // Applicant tracking systems host the companies' own career pages.
  [
    /(^|\.)(greenhouse\.io|lever\.co|ashbyhq\.com|myworkdayjobs\.com|myworkdaysite\.com|workable\.com|smartrecruiters\.com|teamtailor\.com|recruitee\.com|personio\.(de|com)|bamboohr\.com|jobvite\.com|icims\.com|breezy\.hr|jobs\.personio\.de|taleo\.net|successfactors\.(com|eu)|workday\.com)$/,
    'company_site',
  ],
];

/** The built-in source a posting's address points to; the company's own domain is its career site. */
export function sourceOfUrl(url: string | null, companyWebsite: string | null): BuiltInSource | null {
  const host = hostOf(url);
  if (!host) return null;
  const known = sourceHosts.find(([pattern]) => pattern.test(host))?.[1];
  if (known) return known;
  const labels = host.split('.');
  const name = labels.length >= 2 ? labels[labels.length - 2] : labels[0];
  const matched = sources.matchExact(valueKey(name));
  if (matched && matched !== 'other' && matched !== 'email') return matched;
  const companyHost = hostOf(companyWebsite);
  if (companyHost && registrable(companyHost) === registrable(host)) return 'company_site';
  return null;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The last two labels ("careers.acme.com" and "acme.com" are one site); good enough for a same-site check. */
function registrable(host: string): string {
  return host.split('.').slice(-2).join('.');
}
