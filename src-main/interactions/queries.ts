import type { ContactInteraction, FollowUp, InteractionChannel, ParsedInput } from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import type { Database } from '../db/connection';
import type { ContactInteractionsTable } from '../db/schema';

type Row = ContactInteractionsTable & { application_label: string | null };

/** The log's newest entries first; entries of one day in the order they were written. */
const newestFirst = 'i.occurred_on DESC, i.created_at DESC, i.id DESC';
const columns = `i.*, CASE WHEN a.id IS NULL THEN NULL ELSE c.name || ' — ' || a.position END AS application_label`;
const fromSql = `FROM contact_interactions i
  LEFT JOIN applications a ON a.id = i.application_id AND a.deleted_at IS NULL LEFT JOIN companies c ON c.id = a.company_id`;

/** "Last contacted" of the contact aliased `k`: the date of its latest live interaction (from the index alone). */
export const lastContactedSql = `(SELECT max(occurred_on) FROM contact_interactions WHERE contact_id = k.id AND deleted_at IS NULL)`;

export function toInteraction(row: Row): ContactInteraction {
  return {
    id: row.id,
    contactId: row.contact_id,
    occurredOn: row.occurred_on,
    channel: row.channel as InteractionChannel,
    note: row.note,
    applicationId: row.application_id,
    applicationLabel: row.application_label,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function getInteraction(db: Database, id: string): ContactInteraction {
  const row = db.sql(`SELECT ${columns} ${fromSql} WHERE i.id = ? AND i.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw notFound('Interaction', id);
  return toInteraction(row);
}

/** Entries of live contacts, newest first, narrowed to one contact and/or one application. */
export function listInteractions(db: Database, input: ParsedInput<'interactions.list'>) {
  const clauses = ['i.deleted_at IS NULL', 'i.contact_id IN (SELECT id FROM contacts WHERE deleted_at IS NULL)'];
  const params: string[] = [];
  if (input.contactId) {
    clauses.push('i.contact_id = ?');
    params.push(input.contactId);
  }
  if (input.applicationId) {
    clauses.push('i.application_id = ?');
    params.push(input.applicationId);
  }
  const where = clauses.join(' AND ');
  const rows = db.sql(`SELECT ${columns} ${fromSql} WHERE ${where} ORDER BY ${newestFirst} LIMIT ? OFFSET ?`).all(...params, input.limit, input.offset) as Row[];
  const total = (db.sql(`SELECT count(*) AS n FROM contact_interactions i WHERE ${where}`).get(...params) as { n: number }).n;
  return { items: rows.map(toInteraction), total, limit: input.limit, offset: input.offset };
}

/** Contacts with a follow-up planned, soonest first (the Today list and what comes after). */
export function listFollowUps(db: Database, input: ParsedInput<'contacts.followUps'>): FollowUp[] {
  const params: (string | number)[] = [];
  let due = '';
  if (input.dueOnOrBefore) {
    due = 'AND k.next_follow_up_on <= ?';
    params.push(input.dueOnOrBefore);
  }
  return db
    .sql(
      `SELECT k.id AS contactId, k.name, k.role, c.name AS companyName, k.next_follow_up_on AS nextFollowUpOn,
         ${lastContactedSql} AS lastContactedOn
       FROM contacts k LEFT JOIN companies c ON c.id = k.company_id AND c.deleted_at IS NULL
       WHERE k.deleted_at IS NULL AND k.next_follow_up_on IS NOT NULL ${due}
       ORDER BY k.next_follow_up_on, k.name COLLATE NOCASE, k.id LIMIT ?`,
    )
    .all(...params, input.limit) as FollowUp[];
}
