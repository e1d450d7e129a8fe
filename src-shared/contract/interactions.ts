import { z } from 'zod';
import { calendarDate, id, idInput, optionalText, pagination, type Page, type RowTimes } from './common';

/**
 * Contacts as a small CRM: a log of interactions per contact and a next follow-up date on the contact (the
 * contact's own field, `nextFollowUpOn`, in contacts.ts). "Last contacted" is the date of the latest live entry.
 */

export const interactionChannels = ['email', 'phone', 'linkedin', 'meeting', 'video', 'other'] as const;
export type InteractionChannel = (typeof interactionChannels)[number];

export const interactionFields = {
  occurredOn: calendarDate,
  channel: z.enum(interactionChannels),
  note: optionalText(20_000),
  /** The application the exchange was about, if any. */
  applicationId: id.nullish(),
};

export const createInteractionInput = z
  .object({
    contactId: id,
    ...interactionFields,
    /** Sets the contact's next follow-up in the same write (null clears it; left out keeps it). */
    nextFollowUpOn: calendarDate.nullish(),
  })
  .strict();
export type CreateInteractionInput = z.input<typeof createInteractionInput>;

export const updateInteractionInput = z.object({ id, patch: z.object(interactionFields).partial().strict() }).strict();

export const listInteractionsInput = z
  .object({ contactId: id.optional(), applicationId: id.optional(), ...pagination, limit: z.number().int().min(1).max(1000).default(200) })
  .strict()
  .default({ limit: 200, offset: 0 });

/** The contacts whose next follow-up is set, soonest first; `dueOnOrBefore` keeps those due by then (Today). */
export const listFollowUpsInput = z
  .object({ dueOnOrBefore: calendarDate.optional(), limit: z.number().int().min(1).max(5000).default(1000) })
  .strict()
  .default({ limit: 1000 });

export const interactionIdInput = idInput;

export const interactionsChannelInputs = {
  'interactions.list': listInteractionsInput,
  'interactions.create': createInteractionInput,
  'interactions.update': updateInteractionInput,
  'interactions.delete': interactionIdInput,
  'interactions.restore': interactionIdInput,
  'contacts.followUps': listFollowUpsInput,
} as const;

export interface ContactInteraction extends RowTimes {
  id: string;
  contactId: string;
  occurredOn: string;
  channel: InteractionChannel;
  note: string | null;
  applicationId: string | null;
  /** "Company — Position" of the linked application while it is live; null otherwise. */
  applicationLabel: string | null;
}

/** A contact whose follow-up is planned, as Today lists it. */
export interface FollowUp {
  contactId: string;
  name: string;
  role: string | null;
  companyName: string | null;
  nextFollowUpOn: string;
  lastContactedOn: string | null;
}

export interface InteractionsOutputs {
  'interactions.list': Page<ContactInteraction>;
  'interactions.create': ContactInteraction;
  'interactions.update': ContactInteraction;
  'interactions.delete': { id: string };
  'interactions.restore': ContactInteraction;
  'contacts.followUps': FollowUp[];
}
