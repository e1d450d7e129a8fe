import type { CompanyDetail, CompanyPage, CompanySuggestion, ParsedInput, StageCategory } from '../../src-shared/contract';
import { stageCategories } from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import type { Database } from '../db/connection';
import type { CompaniesTable } from '../db/schema';
import { keyContains, keyStartsWith } from '../shared/name-match';
import { toCompany } from './rows';

const closed = `('rejected','withdrawn','ghosted','accepted')`;

export function listCompanies(db: Database, input: ParsedInput<'companies.list'>): CompanyPage {
  const params: (string | number)[] = [];
  let where = 'c.deleted_at IS NULL';
  if (input.text) {
    where += ` AND c.name_key LIKE ? ESCAPE '\\'`;
    params.push(keyContains(input.text));
  }
  const order = {
    name: 'c.name COLLATE NOCASE ASC',
    applications: 'application_count DESC, c.name COLLATE NOCASE ASC',
    lastApplied: 'last_applied_on DESC NULLS LAST, c.name COLLATE NOCASE ASC',
  }[input.sort];
  const rows = db
    .sql(
      `SELECT c.*, count(a.id) AS application_count,
         sum(CASE WHEN a.id IS NOT NULL AND a.stage_category NOT IN ${closed} AND a.archived = 0 THEN 1 ELSE 0 END) AS active_count,
         max(a.applied_on) AS last_applied_on
       FROM companies c LEFT JOIN applications a ON a.company_id = c.id AND a.deleted_at IS NULL
       WHERE ${where} GROUP BY c.id ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...params, input.limit, input.offset) as (CompaniesTable & {
    application_count: number;
    active_count: number;
    last_applied_on: string | null;
  })[];
  const total = (db.sql(`SELECT count(*) AS n FROM companies c WHERE ${where}`).get(...params) as { n: number }).n;
  return {
    items: rows.map((row) => ({
      ...toCompany(row),
      applicationCount: row.application_count,
      activeCount: row.active_count ?? 0,
      lastAppliedOn: row.last_applied_on,
    })),
    total,
    limit: input.limit,
    offset: input.offset,
  };
}

const rank = (category: string) => stageCategories.indexOf(category as StageCategory);
/** Outcomes are not "further" than interviewing: a rejection's furthest stage is what came before it. */
const progressCategories: StageCategory[] = ['wishlist', 'applied', 'screening', 'interviewing', 'offer', 'accepted'];

export function getCompany(db: Database, id: string): CompanyDetail {
  const row = db.sql(`SELECT * FROM companies WHERE id = ? AND deleted_at IS NULL`).get(id) as CompaniesTable | undefined;
  if (!row) throw notFound('Company', id);
  const applications = db
    .sql(
      `SELECT a.id, a.position, a.applied_on, a.stage_id, s.name AS stage_name, a.stage_category, a.first_response_on, a.archived,
         (SELECT group_concat(DISTINCT st.category) FROM stage_events e JOIN stages st ON st.id = e.to_stage_id
           WHERE e.application_id = a.id AND e.deleted_at IS NULL) AS categories
       FROM applications a LEFT JOIN stages s ON s.id = a.stage_id
       WHERE a.company_id = ? AND a.deleted_at IS NULL ORDER BY a.applied_on DESC NULLS LAST, a.seq DESC`,
    )
    .all(id) as {
    id: string;
    position: string;
    applied_on: string | null;
    stage_id: string;
    stage_name: string | null;
    stage_category: string;
    first_response_on: string | null;
    archived: number;
    categories: string | null;
  }[];
  const contacts = db
    .sql(`SELECT id, name, role, email FROM contacts WHERE company_id = ? AND deleted_at IS NULL ORDER BY name COLLATE NOCASE`)
    .all(id) as CompanyDetail['contacts'];
  const mapped = applications.map((application) => {
    const reached = (application.categories ?? '').split(',').filter((category) => progressCategories.includes(category as StageCategory));
    const furthest = reached.sort((a, b) => rank(b) - rank(a))[0] ?? application.stage_category;
    const days =
      application.applied_on && application.first_response_on
        ? Math.round((Date.parse(application.first_response_on) - Date.parse(application.applied_on)) / 86_400_000)
        : null;
    return {
      id: application.id,
      position: application.position,
      appliedOn: application.applied_on,
      stageId: application.stage_id,
      stageName: application.stage_name,
      stageCategory: application.stage_category as StageCategory,
      furthestCategory: furthest as StageCategory,
      firstResponseOn: application.first_response_on,
      daysToFirstResponse: days,
      archived: application.archived === 1,
    };
  });
  const delays = mapped.map((item) => item.daysToFirstResponse).filter((value): value is number => value !== null).sort((a, b) => a - b);
  const median =
    delays.length === 0
      ? null
      : delays.length % 2 === 1
        ? delays[(delays.length - 1) / 2]
        : (delays[delays.length / 2 - 1] + delays[delays.length / 2]) / 2;
  return { ...toCompany(row), applications: mapped, contacts, medianDaysToResponse: median };
}

export function autocompleteCompanies(db: Database, input: ParsedInput<'companies.autocomplete'>): CompanySuggestion[] {
  const rows = db
    .sql(
      `SELECT c.id, c.name,
         (SELECT count(*) FROM applications a WHERE a.company_id = c.id AND a.deleted_at IS NULL) AS application_count,
         (SELECT a.stage_category FROM applications a WHERE a.company_id = c.id AND a.deleted_at IS NULL
           ORDER BY a.applied_on DESC NULLS LAST, a.seq DESC LIMIT 1) AS last_category
       FROM companies c WHERE c.deleted_at IS NULL AND c.name_key LIKE ? ESCAPE '\\'
       ORDER BY (c.name_key LIKE ? ESCAPE '\\') DESC, c.name COLLATE NOCASE LIMIT ?`,
    )
    .all(keyContains(input.prefix), keyStartsWith(input.prefix), input.limit) as { id: string; name: string; application_count: number; last_category: string | null }[];
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    applicationCount: row.application_count,
    lastCategory: row.last_category as StageCategory | null,
  }));
}
