import { latestSchemaVersion } from '../../../migrations';
import { newId } from '../../../src-main/changes/ids';
import { upload } from '../../imports/support/files';

export type BackupRow = Record<string, unknown>;
export interface BackupDocument {
  format: 'candid-backup';
  formatVersion: 1;
  schemaVersion: number;
  appVersion: string;
  exportedAt: string;
  tables: Record<string, BackupRow[]>;
}

/** The built-in "applied" stage every database has (migrations/0010_init.ts). */
export const appliedStageId = '00000000-0000-7000-8000-000000000002';

const at = '2025-03-01T09:00:00.000Z';
const times = { created_at: at, updated_at: at, deleted_at: null };

/**
 * A small valid backup, with fresh ids each time so that it can be merged into the same database again: a company,
 * an application with its first stage event, a tag on it, a contact, an interview and a task.
 */
export function smallBackup(label = 'Hooli'): { backup: BackupDocument; ids: Set<string> } {
  const company = newId();
  const application = newId();
  const tag = newId();
  const contact = newId();
  const rows = {
    companies: [{ id: company, name: `${label} ${company.slice(-6)}`, name_key: 'ignored', website: 'https://hooli.example/', industry: null, size: null, location: 'Paris', notes: null, ...times }],
    applications: [
      {
        id: application,
        company_id: company,
        position: 'Backend developer',
        employment_type: 'permanent',
        schedule: null,
        work_mode: 'hybrid',
        location: 'Paris',
        source: 'linkedin',
        applied_on: '2025-03-01',
        posting_url: 'https://jobs.example/42',
        description: null,
        salary_min: 50000,
        salary_max: 60000,
        salary_currency: 'EUR',
        salary_period: 'year',
        required_skills: '["TypeScript"]',
        preferred_skills: '[]',
        experience_years: null,
        resume_version: null,
        notes: 'Imported',
        favorite: 0,
        priority: null,
        excitement: null,
        deadline: null,
        archived: 0,
        first_response_on: null,
        stage_id: appliedStageId,
        stage_category: 'applied',
        stage_changed_at: at,
        ...times,
      },
    ],
    stage_events: [{ id: newId(), application_id: application, from_stage_id: null, to_stage_id: appliedStageId, occurred_at: at, note: null, ...times }],
    tags: [{ id: tag, name: `tag ${tag.slice(-6)}`, name_key: 'ignored', color: null, ...times }],
    application_tags: [{ id: newId(), application_id: application, tag_id: tag, ...times }],
    contacts: [{ id: contact, name: 'Camille', role: 'Recruiter', email: 'camille@hooli.example', phone: null, linkedin_url: null, company_id: company, notes: null, ...times }],
    interviews: [
      {
        id: newId(),
        application_id: application,
        scheduled_at: '2025-03-10T14:00:00.000Z',
        duration_minutes: 45,
        type: null,
        format: 'video',
        location: null,
        meeting_url: 'https://meet.example/abc',
        interviewers: null,
        status: 'planned',
        outcome: null,
        notes: null,
        ...times,
      },
    ],
    tasks: [{ id: newId(), title: 'Follow up', due_on: '2025-03-15', done_at: null, application_id: application, notes: null, ...times }],
  };
  const ids = new Set(Object.values(rows).flatMap((table) => table.map((row) => row.id)));
  return {
    backup: { format: 'candid-backup', formatVersion: 1, schemaVersion: latestSchemaVersion, appVersion: '0.1.0', exportedAt: at, tables: rows },
    ids,
  };
}

/** The backup as the browser uploads it. */
export function backupFile(backup: BackupDocument, fileName = 'candid-backup.json') {
  return upload(JSON.stringify(backup), fileName);
}

/** Twelve anonymous parameters, so that a statement still takes the twelve values the old write path bound. */
const twelve = `coalesce(${Array(12).fill('?').join(', ')})`;

/**
 * Keys of a company row that ran SQL when the write path took a row's keys as column names. It built
 *   INSERT INTO companies (id, created_at, name, name_key, website, industry, size, location, notes, deleted_at, <key>, updated_at)
 *   VALUES (?, ?, …, ?)   -- twelve values bound in that order
 * for the small backup's company row: a key could close the column list, write its own SELECT taking the twelve
 * values, and comment out the rest with an unterminated /* (SQLite accepts one at the end of a statement).
 */
export const hostileKeys = {
  renameAndDeleteEveryCompany:
    "updated_at) SELECT id, created_at, 'PWNED', name_key, website, industry, size, location, notes, '2000-01-01T00:00:00.000Z', updated_at " +
    `FROM companies WHERE 1 OR ${twelve} ON CONFLICT (id) DO UPDATE SET name = excluded.name, deleted_at = excluded.deleted_at /*`,
  insertThousandsOfRows:
    'updated_at) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000) ' +
    "SELECT lower(hex(randomblob(16))), '2025-01-01T00:00:00.000Z', 'Spam ' || x, 'spam ' || x, NULL, NULL, NULL, NULL, NULL, NULL, '2025-01-01T00:00:00.000Z' " +
    `FROM c WHERE 1 OR ${twelve} /*`,
  copyTheListOfTables:
    "updated_at) SELECT ?, ?, (SELECT group_concat(name) FROM sqlite_master) || coalesce(?, ?, ?, ?, ?, ?, ?, ?), 'leak', NULL, NULL, NULL, NULL, NULL, NULL, ? || coalesce(?, '') /*",
};
