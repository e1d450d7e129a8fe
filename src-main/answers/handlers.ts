import type { ParsedInput } from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import type { Fields, WriteContext } from '../changes/writer';
import type { Database } from '../db/connection';
import { defineHandlers } from '../handler';
import { requireExisting, requireLive } from '../shared/require';
import { answersForApplication, getAnswer, getUse, latestVersion, listAnswers } from './queries';

type AnswerPatch = ParsedInput<'answers.update'>['patch'];

function answerColumns(input: AnswerPatch): Fields {
  const fields: Fields = {};
  if (input.question !== undefined) fields.question = input.question;
  if (input.category !== undefined) fields.category = input.category;
  if (input.tags !== undefined) fields.tags = JSON.stringify(input.tags);
  return fields;
}

/** A new version when the text changed; an unchanged text keeps the version the applications point at. */
function addVersionIfChanged(db: Database, write: WriteContext, answerId: string, body: string | undefined): void {
  if (body === undefined || latestVersion(db, answerId)?.body === body) return;
  write.insert('screening_answer_versions', { answer_id: answerId, body });
}

/** Gives an answer (a version of it) on an application: one use per answer and application, moved to the new version. */
function useAnswer(db: Database, write: WriteContext, input: ParsedInput<'answers.use'>): string {
  requireLive(db, 'applications', input.applicationId);
  requireLive(db, 'screening_answers', input.answerId);
  const versionId = input.versionId ?? latestVersion(db, input.answerId)?.id;
  if (!versionId || !db.sql(`SELECT 1 FROM screening_answer_versions WHERE id = ? AND answer_id = ? AND deleted_at IS NULL`).get(versionId, input.answerId)) {
    throw notFound('Answer version', input.versionId ?? input.answerId);
  }
  const existing = db
    .sql(`SELECT id FROM application_answers WHERE application_id = ? AND answer_id = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1`)
    .get(input.applicationId, input.answerId) as { id: string } | undefined;
  if (existing) {
    write.update('application_answers', existing.id, { version_id: versionId, question: input.question });
    return existing.id;
  }
  return write.insert('application_answers', { application_id: input.applicationId, answer_id: input.answerId, version_id: versionId, question: input.question });
}

export const answerHandlers = defineHandlers({
  'answers.list': (input, { db }) => listAnswers(db, input),
  'answers.get': (input, { db }) => getAnswer(db, input.id),
  'answers.create': (input, { db, changes }) => {
    const id = changes.write((write) => {
      const answerId = write.insert('screening_answers', answerColumns(input));
      write.insert('screening_answer_versions', { answer_id: answerId, body: input.body });
      return answerId;
    });
    return getAnswer(db, id);
  },
  'answers.update': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'screening_answers', input.id);
      write.update('screening_answers', input.id, answerColumns(input.patch));
      addVersionIfChanged(db, write, input.id, input.patch.body);
    });
    return getAnswer(db, input.id);
  },
  'answers.delete': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'screening_answers', input.id);
      write.softDelete('screening_answers', input.id);
    });
    return { id: input.id };
  },
  'answers.restore': (input, { db, changes }) => {
    changes.write((write) => {
      requireExisting(db, 'screening_answers', input.id);
      write.restore('screening_answers', input.id);
    });
    return getAnswer(db, input.id);
  },
  'answers.use': (input, { db, changes }) => getUse(db, changes.write((write) => useAnswer(db, write, input))),
  'answers.unuse': (input, { db, changes }) => {
    changes.write((write) => {
      getUse(db, input.id);
      write.softDelete('application_answers', input.id);
    });
    return { id: input.id };
  },
  'answers.restoreUse': (input, { db, changes }) => {
    // Read inside the write: a use whose answer or application is gone is not brought back (NOT_FOUND, rolled back).
    return changes.write((write) => {
      requireExisting(db, 'application_answers', input.id);
      write.restore('application_answers', input.id);
      return getUse(db, input.id);
    });
  },
  'answers.forApplication': (input, { db }) => {
    requireLive(db, 'applications', input.applicationId);
    return answersForApplication(db, input.applicationId);
  },
});
