import { z } from 'zod';
import type { BoardKind, EmploymentType, SalaryPeriod } from '../../src-shared/contract';
import { descriptionText } from '../capture/text';
import { careersPage } from './careers-page';

/** A board's HTML as clean text (links kept), as a captured page's description is read. */
const htmlToText = (html: string) => descriptionText(html, null);

/** One posting of a board, in Candid's terms, whatever board it came from. */
export interface BoardPosting {
  /** The board's own id of the posting: stable while it is listed. */
  externalId: string;
  title: string;
  location: string | null;
  /** true: remote; false: on site or hybrid, as the board says; null: the board does not say. */
  remote: boolean | null;
  url: string | null;
  description: string | null;
  department: string | null;
  employmentType: EmploymentType | null;
  salary: { min: number | null; max: number | null; currency: string | null; period: SalaryPeriod | null } | null;
  postedAt: string | null;
}

export interface BoardAdapter {
  /** The one request of a check: the board's listing with every posting's text. */
  url(baseUrl: string, board: string): string;
  /** The postings of the board's answer; throws (a zod error) on an answer of another shape. */
  parse(body: unknown): BoardPosting[];
}

const text = z.string().nullish().catch(null);
const instantOrNull = (value: string | number | null | undefined): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const time = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
};
const webLink = (value: string | null | undefined): string | null => (value && /^https?:\/\//i.test(value) ? value : null);
const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};
const amount = (value: number | null | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(Math.round(value), 100_000_000) : null;
const currencyCode = (value: string | null | undefined): string | null => (value && /^[A-Za-z]{3}$/.test(value) ? value.toUpperCase() : null);

/** Employment types as the boards spell them (FullTime, full-time, Intern, Contract…), onto Candid's vocabulary. */
function employmentTypeOf(value: string | null | undefined): EmploymentType | null {
  const key = (value ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (key.startsWith('intern')) return 'internship';
  if (key.startsWith('contract') || key === 'freelance') return 'freelance';
  if (key.startsWith('temp')) return 'temporary';
  if (key.startsWith('apprentice')) return 'apprenticeship';
  if (key === 'fulltime' || key === 'permanent') return 'permanent';
  return null;
}

/** Greenhouse's Job Board API: `content` is the posting's HTML, itself HTML-escaped. */
const greenhouseBody = z.object({
  jobs: z.array(
    z.object({
      id: z.union([z.number(), z.string()]),
      title: z.string(),
      absolute_url: text,
      updated_at: text,
      first_published: text,
      location: z.object({ name: text }).nullish().catch(null),
      content: text,
      departments: z.array(z.object({ name: text })).nullish().catch(null),
    }),
  ),
});

const greenhouse: BoardAdapter = {
  url: (baseUrl, board) => `${baseUrl}/v1/boards/${encodeURIComponent(board)}/jobs?content=true`,
  parse(body) {
    return greenhouseBody.parse(body).jobs.map((job) => {
      const location = clean(job.location?.name);
      return {
        externalId: String(job.id),
        title: job.title.trim(),
        location,
        remote: location && /\bremote\b/i.test(location) ? true : null,
        url: webLink(job.absolute_url),
        description: job.content ? clean(htmlToText(job.content)) : null,
        department: clean(job.departments?.[0]?.name),
        employmentType: null,
        salary: null,
        postedAt: instantOrNull(job.first_published ?? job.updated_at),
      };
    });
  },
};

const leverPeriods: Record<string, SalaryPeriod> = {
  'per-year-salary': 'year',
  'per-month-salary': 'month',
  'per-day-wage': 'day',
  'per-hour-wage': 'hour',
};

/** Lever's Postings API (mode=json): an array of postings. */
const leverBody = z.array(
  z.object({
    id: z.string(),
    text: z.string(),
    hostedUrl: text,
    createdAt: z.number().nullish().catch(null),
    workplaceType: text,
    categories: z.object({ location: text, commitment: text, department: text, team: text }).partial().nullish().catch(null),
    descriptionPlain: text,
    description: text,
    lists: z.array(z.object({ text: text, content: text })).nullish().catch(null),
    additionalPlain: text,
    salaryRange: z
      .object({ min: z.number().nullish(), max: z.number().nullish(), currency: text, interval: text })
      .nullish()
      .catch(null),
  }),
);

const lever: BoardAdapter = {
  url: (baseUrl, board) => `${baseUrl}/v0/postings/${encodeURIComponent(board)}?mode=json`,
  parse(body) {
    return leverBody.parse(body).map((posting) => {
      const lists = (posting.lists ?? []).map((list) => [list.text ?? '', htmlToText(list.content ?? '')].join('\n').trim());
      const description = [posting.descriptionPlain ?? htmlToText(posting.description ?? ''), ...lists, posting.additionalPlain ?? '']
        .map((part) => part.trim())
        .filter(Boolean)
        .join('\n\n');
      const workplace = posting.workplaceType?.toLowerCase();
      const salary = posting.salaryRange;
      return {
        externalId: posting.id,
        title: posting.text.trim(),
        location: clean(posting.categories?.location),
        remote: workplace === 'remote' ? true : workplace === 'onsite' || workplace === 'on-site' || workplace === 'hybrid' ? false : null,
        url: webLink(posting.hostedUrl),
        description: clean(description),
        department: clean(posting.categories?.department ?? posting.categories?.team),
        employmentType: employmentTypeOf(posting.categories?.commitment),
        salary: salary
          ? { min: amount(salary.min), max: amount(salary.max), currency: currencyCode(salary.currency), period: leverPeriods[salary.interval ?? ''] ?? null }
          : null,
        postedAt: instantOrNull(posting.createdAt),
      };
    });
  },
};

const ashbyPeriods: Record<string, SalaryPeriod> = { '1 YEAR': 'year', '1 MONTH': 'month', '1 DAY': 'day', '1 HOUR': 'hour' };

/** Ashby's public job posting API: unlisted postings are left out. */
const ashbyBody = z.object({
  jobs: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      location: text,
      department: text,
      team: text,
      isListed: z.boolean().nullish().catch(null),
      isRemote: z.boolean().nullish().catch(null),
      workplaceType: text,
      employmentType: text,
      descriptionPlain: text,
      descriptionHtml: text,
      publishedAt: text,
      jobUrl: text,
      compensation: z
        .object({
          summaryComponents: z
            .array(z.object({ compensationType: text, interval: text, currencyCode: text, minValue: z.number().nullish(), maxValue: z.number().nullish() }))
            .nullish(),
        })
        .nullish()
        .catch(null),
    }),
  ),
});

const ashby: BoardAdapter = {
  url: (baseUrl, board) => `${baseUrl}/posting-api/job-board/${encodeURIComponent(board)}?includeCompensation=true`,
  parse(body) {
    return ashbyBody
      .parse(body)
      .jobs.filter((job) => job.isListed !== false)
      .map((job) => {
        const pay = job.compensation?.summaryComponents?.find((component) => component.compensationType === 'Salary');
        const workplace = job.workplaceType?.toLowerCase();
        return {
          externalId: job.id,
          title: job.title.trim(),
          location: clean(job.location),
          remote: job.isRemote === true || workplace === 'remote' ? true : workplace === 'onsite' || workplace === 'hybrid' ? false : job.isRemote === false ? false : null,
          url: webLink(job.jobUrl),
          description: clean(job.descriptionPlain ?? (job.descriptionHtml ? htmlToText(job.descriptionHtml) : null)),
          department: clean(job.department ?? job.team),
          employmentType: employmentTypeOf(job.employmentType),
          salary: pay
            ? { min: amount(pay.minValue), max: amount(pay.maxValue), currency: currencyCode(pay.currencyCode), period: ashbyPeriods[pay.interval ?? ''] ?? null }
            : null,
          postedAt: instantOrNull(job.publishedAt),
        };
      });
  },
};

export const boardAdapters: Record<BoardKind, BoardAdapter> = { greenhouse, lever, ashby, page: careersPage };
