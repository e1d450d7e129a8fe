import type { ParsedInput } from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import { defineHandlers } from '../handler';
import { requireLive } from '../shared/require';
import type { Database } from '../db/connection';
import { getInteraction, listFollowUps, listInteractions } from './queries';

type Fields = Partial<Omit<ParsedInput<'interactions.create'>, 'contactId' | 'nextFollowUpOn'>>;

function interactionColumns(input: Fields): Record<string, string | null> {
  const fields: Record<string, string | null> = {};
  if (input.occurredOn !== undefined) fields.occurred_on = input.occurredOn;
  if (input.channel !== undefined) fields.channel = input.channel;
  if (input.note !== undefined) fields.note = input.note ?? null;
  if (input.applicationId !== undefined) fields.application_id = input.applicationId ?? null;
  return fields;
}

function requireApplication(db: Database, applicationId: string | null | undefined): void {
  if (applicationId) requireLive(db, 'applications', applicationId);
}

export const interactionHandlers = defineHandlers({
  'interactions.list': (input, { db }) => listInteractions(db, input),
  'interactions.create': (input, { db, changes }) => {
    const id = changes.write((write) => {
      requireLive(db, 'contacts', input.contactId);
      requireApplication(db, input.applicationId);
      const created = write.insert('contact_interactions', { contact_id: input.contactId, ...interactionColumns(input) });
      if (input.nextFollowUpOn !== undefined) write.update('contacts', input.contactId, { next_follow_up_on: input.nextFollowUpOn ?? null });
      return created;
    });
    return getInteraction(db, id);
  },
  'interactions.update': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'contact_interactions', input.id);
      requireApplication(db, input.patch.applicationId);
      write.update('contact_interactions', input.id, interactionColumns(input.patch));
    });
    return getInteraction(db, input.id);
  },
  'interactions.delete': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'contact_interactions', input.id);
      write.softDelete('contact_interactions', input.id);
    });
    return { id: input.id };
  },
  'interactions.restore': (input, { db, changes }) => {
    changes.write((write) => {
      if (!db.sql(`SELECT 1 FROM contact_interactions WHERE id = ?`).get(input.id)) throw notFound('Interaction', input.id);
      write.restore('contact_interactions', input.id);
    });
    return getInteraction(db, input.id);
  },
  'contacts.followUps': (input, { db }) => listFollowUps(db, input),
});
