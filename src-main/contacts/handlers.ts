import type { ParsedInput } from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import type { WriteContext } from '../changes/writer';
import type { Database } from '../db/connection';
import { defineHandlers } from '../handler';
import { requireLive } from '../shared/require';
import { getContact, listContacts } from './queries';

type Fields = Partial<ParsedInput<'contacts.create'>>;

function contactColumns(input: Fields): Record<string, string | null> {
  const map = {
    name: 'name',
    role: 'role',
    email: 'email',
    phone: 'phone',
    linkedinUrl: 'linkedin_url',
    companyId: 'company_id',
    notes: 'notes',
    nextFollowUpOn: 'next_follow_up_on',
  } as const;
  const fields: Record<string, string | null> = {};
  for (const [key, column] of Object.entries(map)) {
    const value = input[key as keyof typeof map];
    if (value !== undefined) fields[column] = value ?? null;
  }
  return fields;
}

function link(db: Database, write: WriteContext, contactId: string, applicationId: string): void {
  requireLive(db, 'applications', applicationId);
  const row = db
    .sql(`SELECT id, deleted_at FROM application_contacts WHERE contact_id = ? AND application_id = ?`)
    .get(contactId, applicationId) as { id: string; deleted_at: string | null } | undefined;
  if (!row) write.insert('application_contacts', { contact_id: contactId, application_id: applicationId });
  else if (row.deleted_at !== null) write.restore('application_contacts', row.id);
}

export const contactHandlers = defineHandlers({
  'contacts.list': (input, { db }) => listContacts(db, input),
  'contacts.get': (input, { db }) => getContact(db, input.id),
  'contacts.create': (input, { db, changes }) => {
    const id = changes.write((write) => {
      if (input.companyId) requireLive(db, 'companies', input.companyId);
      const contactId = write.insert('contacts', contactColumns(input));
      for (const applicationId of new Set(input.applicationIds ?? [])) link(db, write, contactId, applicationId);
      return contactId;
    });
    return getContact(db, id);
  },
  'contacts.update': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'contacts', input.id);
      if (input.patch.companyId) requireLive(db, 'companies', input.patch.companyId);
      write.update('contacts', input.id, contactColumns(input.patch));
    });
    return getContact(db, input.id);
  },
  'contacts.delete': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'contacts', input.id);
      write.softDelete('contacts', input.id);
    });
    return { id: input.id };
  },
  'contacts.restore': (input, { db, changes }) => {
    changes.write((write) => {
      if (!db.sql(`SELECT 1 FROM contacts WHERE id = ?`).get(input.id)) throw notFound('Contact', input.id);
      write.restore('contacts', input.id);
    });
    return getContact(db, input.id);
  },
  'contacts.link': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'contacts', input.contactId);
      link(db, write, input.contactId, input.applicationId);
    });
    return getContact(db, input.contactId);
  },
  'contacts.unlink': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'contacts', input.contactId);
      const row = db
        .sql(`SELECT id FROM application_contacts WHERE contact_id = ? AND application_id = ? AND deleted_at IS NULL`)
        .get(input.contactId, input.applicationId) as { id: string } | undefined;
      if (!row) throw notFound('Contact link', `${input.contactId}/${input.applicationId}`);
      write.softDelete('application_contacts', row.id);
    });
    return getContact(db, input.contactId);
  },
});
