import { AppError } from '../../src-shared/errors';
import { nameKey } from '../../src-shared/text';
import { instantOfDate } from '../applications/mutations';
import type { Fields, WriteContext } from '../changes/writer';
import { valueRowId } from '../custom-fields/values';
import { ensureCompany } from '../companies/resolve';
import type { Database } from '../db/connection';
import { ensureTag } from '../tags/assign';
import type { ContactDraft } from './convert';
import type { StagedApplication } from './staged';

/** An instant as toISOString writes it, its milliseconds apart. */
const isoInstant = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d{3})Z$/;
/**
 * Seconds `justAfter` met, and whether toISOString writes each so (not "2026-02-30T…", which a Date reads as a
 * March day): the days of a file's histories, a few hundred.
 */
const canonicalSeconds = new Map<string, boolean>();

function isCanonical(second: string): boolean {
  let canonical = canonicalSeconds.get(second);
  if (canonical === undefined) {
    if (canonicalSeconds.size >= 4096) canonicalSeconds.clear();
    const time = Date.parse(`${second}.000Z`);
    canonical = Number.isFinite(time) && new Date(time).toISOString() === `${second}.000Z`;
    canonicalSeconds.set(second, canonical);
  }
  return canonical;
}

/**
 * One millisecond later: an event that must sort after another. Most are a day's noon plus a few milliseconds (the
 * undated steps of a history): the milliseconds counted up in the text, as the Date each was parsed into and
 * formatted from would write them (0.1-0.2 s of an import of 100,000 rows); the rest through a Date.
 */
export function justAfter(instant: string): string {
  const parts = isoInstant.exec(instant);
  if (parts && parts[2] !== '999' && isCanonical(parts[1]!)) return `${parts[1]}.${String(Number(parts[2]) + 1).padStart(3, '0')}Z`;
  return new Date(new Date(instant).getTime() + 1).toISOString();
}

/**
 * Writes converted rows as applications, inside one write: the rows `createApplication` and `changeStage` write
 * (the application, its stage history, its tags), its contact, through the same write path, with what those look
 * up for every row (the company by name, the tags, the contacts) resolved once per file instead: at 100,000 rows
 * the lookups cost more than the writes. The current stage is written with the row (the latest event's), so that
 * the commit-time recompute has nothing left to change.
 */
export class ImportWriter {
  /** Company and tag ids by name as written in the file, and by name key (one company for "ACME" and "Acme"). */
  private readonly companyByName = new Map<string, string>();
  private readonly companyByKey = new Map<string, string>();
  private readonly tagByName = new Map<string, string>();
  private readonly tagByKey = new Map<string, string>();
  /** Contacts by e-mail address, and by name at a company; filled with the saved ones when a first contact comes. */
  private contactsByEmail: Map<string, string> | null = null;
  private readonly contactsByName = new Map<string, string>();
  /** What was written. */
  events = 0;
  contactsCreated = 0;

  private write!: WriteContext;

  constructor(
    private readonly db: Database,
    write?: WriteContext,
  ) {
    if (write) this.write = write;
  }

  /** Writes the next rows in another write (an import writes in several transactions into its staging database). */
  use(write: WriteContext): this {
    this.write = write;
    return this;
  }

  /**
   * One application and its history: each step on its day (noon UTC, as the app stores a date), a step the file
   * does not date one millisecond after the one before it, the first on the first date the history has (else now).
   * Times only ever grow, so the last step is the current stage.
   */
  writeRow(row: StagedApplication): string {
    const input = row.input!;
    const firstDated = row.history.find((step) => step.on !== null)?.on;
    let at = firstDated ? instantOfDate(firstDated) : this.write.now;
    const events = row.history.map((step, index) => {
      if (index > 0) at = step.on && instantOfDate(step.on) > at ? instantOfDate(step.on) : justAfter(at);
      // Its time orders it; a step the file does not date is marked so that no day is read from it.
      return { stageId: step.stageId, category: step.category, at, dateUnknown: step.on === null };
    });
    const current = events[events.length - 1];
    if (!current) throw new AppError('CONFLICT', 'There is no stage to put the application in');

    const companyId = this.company(input.companyName);
    const applicationId = this.write.insert('applications', {
      ...input.columns,
      company_id: companyId,
      stage_id: current.stageId,
      stage_category: current.category,
      stage_changed_at: current.at,
    });

    // One chain: each event leaves the stage the previous one entered.
    let from: string | null = null;
    for (const event of events) {
      const fields: Fields = { application_id: applicationId, from_stage_id: from, to_stage_id: event.stageId, occurred_at: event.at, note: null };
      if (event.dateUnknown) fields.date_unknown = 1;
      this.write.insert('stage_events', fields);
      from = event.stageId;
    }
    this.events += events.length;
    this.tags(applicationId, input.tags);
    for (const { fieldId, value } of row.customValues) {
      // The row id every device derives for this application's value of this field (sync merges per value).
      this.write.insert('application_field_values', { application_id: applicationId, field_id: fieldId, value }, valueRowId(applicationId, fieldId));
    }
    if (row.contact) {
      const contactId = this.contact(row.contact, companyId);
      this.write.insert('application_contacts', { application_id: applicationId, contact_id: contactId });
    }
    return applicationId;
  }

  /** The live company of this name, created with the first spelling met when there is none. */
  private company(name: string): string {
    return this.resolved(this.companyByName, this.companyByKey, name, (key) => ensureCompany(this.db, this.write, name, key));
  }

  /** The id of a name, remembered by name as written and by name key (computing the key is not free either). */
  private resolved(byName: Map<string, string>, byKey: Map<string, string>, name: string, find: (key: string) => string): string {
    let id = byName.get(name);
    if (id === undefined) {
      const key = nameKey(name);
      id = byKey.get(key);
      if (id === undefined) byKey.set(key, (id = find(key)));
      byName.set(name, id);
    }
    return id;
  }

  /** Tags are told apart by name key (case and accents ignored): two spellings of one tag link it once. */
  private tags(applicationId: string, names: readonly string[]): void {
    const linked = new Set<string>();
    for (const name of names) {
      const tagId = this.resolved(this.tagByName, this.tagByKey, name, () => ensureTag(this.db, this.write, name));
      if (linked.has(tagId)) continue;
      linked.add(tagId);
      this.write.insert('application_tags', { application_id: applicationId, tag_id: tagId });
    }
  }

  /**
   * The contact of a row: the saved or already imported one with the same e-mail address, else the same name at
   * the same company, else a new one at the application's company. A person met in several rows is one contact
   * linked to each application.
   */
  private contact(draft: ContactDraft, companyId: string): string {
    if (!this.contactsByEmail) {
      this.contactsByEmail = new Map();
      const saved = this.db.sql(`SELECT id, name, email, company_id FROM contacts WHERE deleted_at IS NULL ORDER BY created_at, id`).all() as {
        id: string;
        name: string;
        email: string | null;
        company_id: string | null;
      }[];
      for (const contact of saved) {
        if (contact.email && !this.contactsByEmail.has(contact.email.toLowerCase())) this.contactsByEmail.set(contact.email.toLowerCase(), contact.id);
        const byName = `${nameKey(contact.name)}\u0000${contact.company_id ?? ''}`;
        if (!this.contactsByName.has(byName)) this.contactsByName.set(byName, contact.id);
      }
    }
    const emailKey = draft.email?.toLowerCase();
    const nameKeyAtCompany = `${nameKey(draft.name)}\u0000${companyId}`;
    const existing = (emailKey ? this.contactsByEmail.get(emailKey) : undefined) ?? this.contactsByName.get(nameKeyAtCompany);
    if (existing) return existing;
    const id = this.write.insert('contacts', {
      name: draft.name,
      role: draft.role,
      email: draft.email,
      phone: draft.phone,
      linkedin_url: draft.linkedinUrl,
      company_id: companyId,
    });
    this.contactsCreated += 1;
    if (emailKey) this.contactsByEmail.set(emailKey, id);
    this.contactsByName.set(nameKeyAtCompany, id);
    return id;
  }
}
