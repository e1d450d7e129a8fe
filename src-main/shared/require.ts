import type { Database } from '../db/connection';
import type { SyncedTable } from '../db/schema';
import { notFound } from '../../src-shared/errors';

const entityNames: Record<SyncedTable, string> = {
  applications: 'Application',
  companies: 'Company',
  stages: 'Stage',
  stage_events: 'Stage event',
  tags: 'Tag',
  application_tags: 'Tag link',
  contacts: 'Contact',
  application_contacts: 'Contact link',
  interviews: 'Interview',
  tasks: 'Task',
  sources: 'Source',
  profile: 'Profile',
  documents: 'Document',
  application_documents: 'Document link',
  contact_interactions: 'Interaction',
  custom_fields: 'Custom field',
  application_field_values: 'Custom field value',
  automation_settings: 'Automation settings',
  automation_runs: 'Automation run',
  notifications: 'Notification',
  weekly_summaries: 'Weekly summary',
  fairs: 'Fair',
  fair_booths: 'Booth',
  screening_answers: 'Answer',
  screening_answer_versions: 'Answer version',
  application_answers: 'Answer use',
  offer_comparisons: 'Offer comparison',
  offer_entries: 'Offer',
  board_watches: 'Watched board',
  opportunities: 'Opportunity',
};

/** Throws NOT_FOUND unless a live (not soft-deleted) row with this id exists. */
export function requireLive(db: Database, table: SyncedTable, id: string): void {
  const row = db.sql(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id);
  if (!row) throw notFound(entityNames[table], id);
}

/** Throws NOT_FOUND unless a row exists, deleted or not (restore needs deleted ones). */
export function requireExisting(db: Database, table: SyncedTable, id: string): void {
  const row = db.sql(`SELECT 1 FROM ${table} WHERE id = ?`).get(id);
  if (!row) throw notFound(entityNames[table], id);
}
