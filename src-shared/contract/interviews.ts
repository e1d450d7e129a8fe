import { z } from 'zod';
import { id, idInput, instant, optionalText, optionalUrl, pagination, type Page, type RowTimes } from './common';
import { interviewFormats, interviewOutcomes, interviewStatuses, interviewTypes } from './enums';

export const interviewFields = {
  applicationId: id,
  scheduledAt: instant,
  durationMinutes: z.number().int().min(1).max(24 * 60).nullish(),
  type: z.enum(interviewTypes).nullish(),
  format: z.enum(interviewFormats).nullish(),
  location: optionalText(300),
  meetingUrl: optionalUrl,
  interviewers: optionalText(1000),
  status: z.enum(interviewStatuses),
  outcome: z.enum(interviewOutcomes).nullish(),
  notes: optionalText(100_000),
};

export const createInterviewInput = z
  .object({ ...interviewFields, status: interviewFields.status.optional() })
  .strict();
export type CreateInterviewInput = z.input<typeof createInterviewInput>;

export const updateInterviewInput = z
  .object({ id, patch: z.object(interviewFields).omit({ applicationId: true }).partial().strict() })
  .strict();

export const listInterviewsInput = z
  .object({
    from: instant.optional(),
    to: instant.optional(),
    statuses: z.array(z.enum(interviewStatuses)).max(3).optional(),
    applicationId: id.optional(),
    order: z.enum(['asc', 'desc']).default('asc'),
    ...pagination,
    limit: z.number().int().min(1).max(5000).default(500),
  })
  .strict()
  .default({ order: 'asc', limit: 500, offset: 0 });

export const upcomingInterviewsInput = z
  .object({ limit: z.number().int().min(1).max(100).default(10) })
  .strict()
  .default({ limit: 10 });

export const interviewIdInput = idInput;

export interface Interview extends RowTimes {
  id: string;
  applicationId: string;
  companyName: string;
  position: string;
  scheduledAt: string;
  durationMinutes: number | null;
  type: (typeof interviewTypes)[number] | null;
  format: (typeof interviewFormats)[number] | null;
  location: string | null;
  meetingUrl: string | null;
  interviewers: string | null;
  status: (typeof interviewStatuses)[number];
  outcome: (typeof interviewOutcomes)[number] | null;
  notes: string | null;
}

export type InterviewPage = Page<Interview>;
