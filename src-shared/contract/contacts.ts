import { z } from 'zod';
import { calendarDate, email, id, idInput, optionalText, optionalUrl, pagination, requiredText, type Page, type RowTimes } from './common';
import type { ContactInteraction } from './interactions';

export const contactFields = {
  name: requiredText(200),
  role: optionalText(200),
  email: z
    .union([email, z.literal('')])
    .nullish()
    .transform((value) => (value ? value : null)),
  phone: optionalText(50),
  linkedinUrl: optionalUrl,
  companyId: id.nullish(),
  notes: optionalText(100_000),
  /** When to get back to them; shown in Today from that day on. */
  nextFollowUpOn: calendarDate.nullish(),
};

export const createContactInput = z
  .object({ ...contactFields, applicationIds: z.array(id).max(200).optional() })
  .strict();
export type CreateContactInput = z.input<typeof createContactInput>;

export const updateContactInput = z.object({ id, patch: z.object(contactFields).partial().strict() }).strict();

export const listContactsInput = z
  .object({
    text: z.string().trim().max(200).optional(),
    companyId: id.optional(),
    applicationId: id.optional(),
    ...pagination,
  })
  .strict()
  .default({ limit: 50, offset: 0 });

export const linkContactInput = z.object({ contactId: id, applicationId: id }).strict();

export const contactIdInput = idInput;

export interface Contact extends RowTimes {
  id: string;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  companyId: string | null;
  companyName: string | null;
  notes: string | null;
  nextFollowUpOn: string | null;
  /** Date of the latest interaction of the log; null when the log is empty. */
  lastContactedOn: string | null;
}

export interface ContactDetail extends Contact {
  applications: { id: string; position: string; companyName: string }[];
  /** The log, newest first (the latest 200; interactions.list pages through more). */
  interactions: ContactInteraction[];
  interactionCount: number;
}

export type ContactPage = Page<Contact>;
