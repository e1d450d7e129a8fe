import type { Contact, ContactDetail, ContactPage, ParsedInput } from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import type { Database } from '../db/connection';
import type { ContactsTable } from '../db/schema';
import { keyContains, withNameKeyFunction } from '../shared/name-match';
import { lastContactedSql, listInteractions } from '../interactions/queries';

type Row = ContactsTable & { company_name: string | null; last_contacted_on: string | null };

export function toContact(row: Row): Contact {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    email: row.email,
    phone: row.phone,
    linkedinUrl: row.linkedin_url,
    companyId: row.company_id,
    companyName: row.company_name,
    notes: row.notes,
    nextFollowUpOn: row.next_follow_up_on,
    lastContactedOn: row.last_contacted_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

const fromSql = `FROM contacts k LEFT JOIN companies c ON c.id = k.company_id AND c.deleted_at IS NULL`;
const columnsSql = `k.*, c.name AS company_name, ${lastContactedSql} AS last_contacted_on`;

export function listContacts(db: Database, input: ParsedInput<'contacts.list'>): ContactPage {
  const clauses = ['k.deleted_at IS NULL'];
  const params: (string | number)[] = [];
  if (input.text) {
    withNameKeyFunction(db);
    const pattern = keyContains(input.text);
    clauses.push(
      `(name_key(k.name) LIKE ? ESCAPE '\\' OR name_key(coalesce(k.email, '')) LIKE ? ESCAPE '\\'
        OR name_key(coalesce(k.role, '')) LIKE ? ESCAPE '\\' OR c.name_key LIKE ? ESCAPE '\\'
        OR k.id IN (SELECT contact_id FROM contact_interactions WHERE deleted_at IS NULL AND name_key(note) LIKE ? ESCAPE '\\'))`,
    );
    params.push(pattern, pattern, pattern, pattern, pattern);
  }
  if (input.companyId) {
    clauses.push('k.company_id = ?');
    params.push(input.companyId);
  }
  if (input.applicationId) {
    clauses.push('k.id IN (SELECT contact_id FROM application_contacts WHERE application_id = ? AND deleted_at IS NULL)');
    params.push(input.applicationId);
  }
  const where = clauses.join(' AND ');
  const rows = db
    .sql(`SELECT ${columnsSql} ${fromSql} WHERE ${where} ORDER BY k.name COLLATE NOCASE, k.id LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as Row[];
  const total = (db.sql(`SELECT count(*) AS n ${fromSql} WHERE ${where}`).get(...params) as { n: number }).n;
  return { items: rows.map(toContact), total, limit: input.limit, offset: input.offset };
}

export function listContactsOfApplication(db: Database, applicationId: string): Contact[] {
  const rows = db
    .sql(
      `SELECT ${columnsSql} ${fromSql}
       WHERE k.deleted_at IS NULL AND k.id IN (SELECT contact_id FROM application_contacts WHERE application_id = ? AND deleted_at IS NULL)
       ORDER BY k.name COLLATE NOCASE, k.id`,
    )
    .all(applicationId) as Row[];
  return rows.map(toContact);
}

export function getContact(db: Database, id: string): ContactDetail {
  const row = db.sql(`SELECT ${columnsSql} ${fromSql} WHERE k.id = ? AND k.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw notFound('Contact', id);
  const applications = db
    .sql(
      `SELECT a.id, a.position, co.name AS companyName FROM application_contacts ac
       JOIN applications a ON a.id = ac.application_id JOIN companies co ON co.id = a.company_id
       WHERE ac.contact_id = ? AND ac.deleted_at IS NULL AND a.deleted_at IS NULL ORDER BY a.applied_on DESC NULLS LAST`,
    )
    .all(id) as ContactDetail['applications'];
  const log = listInteractions(db, { contactId: id, limit: 200, offset: 0 });
  return { ...toContact(row), applications, interactions: log.items, interactionCount: log.total };
}
