import type { AnswerCategory, AnswerDetail, AnswerUse, AnswerVersion, ParsedInput, ScreeningAnswer } from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import type { Database } from '../db/connection';
import type { ScreeningAnswersTable } from '../db/schema';
import { parseStringArray } from '../shared/json';

/** Versions numbered in the order they were written (ids are time-ordered, so they break a tie). */
const numberedVersions = `SELECT v.*, row_number() OVER (PARTITION BY v.answer_id ORDER BY v.created_at, v.id) AS number,
    count(*) OVER (PARTITION BY v.answer_id) AS version_count
  FROM screening_answer_versions v WHERE v.deleted_at IS NULL`;

const answerColumns = `a.*, latest.id AS version_id, latest.body, latest.version_count,
  (SELECT count(*) FROM application_answers u JOIN applications p ON p.id = u.application_id AND p.deleted_at IS NULL
    WHERE u.answer_id = a.id AND u.deleted_at IS NULL) AS use_count`;
const answerFrom = `FROM screening_answers a JOIN (${numberedVersions}) latest ON latest.answer_id = a.id AND latest.number = latest.version_count`;

type AnswerRow = ScreeningAnswersTable & { version_id: string; body: string; version_count: number; use_count: number };

function toAnswer(row: AnswerRow): ScreeningAnswer {
  return {
    id: row.id,
    question: row.question,
    category: row.category as AnswerCategory,
    tags: parseStringArray(row.tags),
    body: row.body,
    versionId: row.version_id,
    versionCount: row.version_count,
    useCount: row.use_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** LIKE's wildcards taken literally. */
const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/**
 * The library, most recently changed first (two changed in the same millisecond: the newer id first, as ids grow
 * with time). A query matches when each of its words is found in the question, in the text of any version, or in a
 * tag (SQLite's LIKE ignores case for ASCII letters).
 */
export function listAnswers(db: Database, input: ParsedInput<'answers.list'>): ScreeningAnswer[] {
  const clauses = ['a.deleted_at IS NULL'];
  const params: string[] = [];
  for (const word of (input.query ?? '').split(/\s+/).filter(Boolean).slice(0, 10)) {
    clauses.push(`(a.question LIKE ? ESCAPE '\\' OR a.tags LIKE ? ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM screening_answer_versions v WHERE v.answer_id = a.id AND v.deleted_at IS NULL AND v.body LIKE ? ESCAPE '\\'))`);
    params.push(likeText(word), likeText(word), likeText(word));
  }
  if (input.category) {
    clauses.push('a.category = ?');
    params.push(input.category);
  }
  if (input.tag) {
    clauses.push(`EXISTS (SELECT 1 FROM json_each(a.tags) WHERE lower(json_each.value) = lower(?))`);
    params.push(input.tag);
  }
  const rows = db.sql(`SELECT ${answerColumns} ${answerFrom} WHERE ${clauses.join(' AND ')} ORDER BY max(a.updated_at, latest.created_at) DESC, a.id DESC`).all(...params) as AnswerRow[];
  return rows.map(toAnswer);
}

type UseRow = {
  id: string;
  application_id: string;
  application_label: string;
  answer_id: string;
  question: string;
  category: string;
  version_id: string;
  version_number: number;
  version_count: number;
  body: string;
  created_at: string;
};

const useSelect = `SELECT u.id, u.application_id, c.name || ' — ' || p.position AS application_label, u.answer_id,
    coalesce(u.question, a.question) AS question, a.category, u.version_id, v.number AS version_number, v.version_count, v.body, u.created_at
  FROM application_answers u
  JOIN screening_answers a ON a.id = u.answer_id AND a.deleted_at IS NULL
  JOIN (${numberedVersions}) v ON v.id = u.version_id
  JOIN applications p ON p.id = u.application_id AND p.deleted_at IS NULL
  JOIN companies c ON c.id = p.company_id`;

function toUse(row: UseRow): AnswerUse {
  return {
    id: row.id,
    applicationId: row.application_id,
    applicationLabel: row.application_label,
    answerId: row.answer_id,
    question: row.question,
    category: row.category as AnswerCategory,
    versionId: row.version_id,
    versionNumber: row.version_number,
    body: row.body,
    outdated: row.version_number < row.version_count,
    usedAt: row.created_at,
  };
}

export function getAnswer(db: Database, id: string): AnswerDetail {
  const row = db.sql(`SELECT ${answerColumns} ${answerFrom} WHERE a.id = ? AND a.deleted_at IS NULL`).get(id) as AnswerRow | undefined;
  if (!row) throw notFound('Answer', id);
  const versions = db.sql(`SELECT id, number, body, created_at AS createdAt FROM (${numberedVersions}) WHERE answer_id = ? ORDER BY number DESC`).all(id) as AnswerVersion[];
  const uses = db.sql(`${useSelect} WHERE u.answer_id = ? AND u.deleted_at IS NULL ORDER BY u.created_at DESC, u.id DESC`).all(id) as UseRow[];
  return { ...toAnswer(row), versions, uses: uses.map(toUse) };
}

/** A live use of a live answer on a live application. */
export function getUse(db: Database, id: string): AnswerUse {
  const row = db.sql(`${useSelect} WHERE u.id = ? AND u.deleted_at IS NULL`).get(id) as UseRow | undefined;
  if (!row) throw notFound('Answer use', id);
  return toUse(row);
}

/** The answers given on one application, in the order they were given. */
export function answersForApplication(db: Database, applicationId: string): AnswerUse[] {
  const rows = db.sql(`${useSelect} WHERE u.application_id = ? AND u.deleted_at IS NULL ORDER BY u.created_at, u.id`).all(applicationId) as UseRow[];
  return rows.map(toUse);
}

/** The latest live version of an answer. */
export function latestVersion(db: Database, answerId: string): { id: string; body: string } | undefined {
  return db.sql(`SELECT id, body FROM screening_answer_versions WHERE answer_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`).get(answerId) as
    | { id: string; body: string }
    | undefined;
}
