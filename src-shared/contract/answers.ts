import { z } from 'zod';
import { dedupeCaseInsensitive, id, idInput, requiredText, type RowTimes } from './common';

/**
 * Screening answers (issue 15, item 3): the questions met while applying and the person's reusable answers to
 * them. Editing an answer's text keeps the earlier texts as versions; each use on an application records which
 * version was given, so the application shows what that company was told even after the answer moved on.
 */

export const answerCategories = [
  'why_company',
  'motivation',
  'salary',
  'notice_period',
  'work_permit',
  'availability',
  'strengths',
  'experience',
  'other',
] as const;
export type AnswerCategory = (typeof answerCategories)[number];

export const answerTags = z
  .array(z.string().trim().min(1).max(40))
  .max(20)
  .transform((tags) => dedupeCaseInsensitive(tags));

export const answerFields = {
  /** The question as the person usually meets it ("Why do you want to join us?"). */
  question: requiredText(500),
  category: z.enum(answerCategories),
  tags: answerTags,
  /** The answer's text; a changed text becomes a new version. */
  body: requiredText(20_000),
};

export const createAnswerInput = z.object({ ...answerFields, tags: answerTags.default([]) }).strict();
export type CreateAnswerInput = z.input<typeof createAnswerInput>;
export const updateAnswerInput = z.object({ id, patch: z.object(answerFields).partial().strict() }).strict();

export const listAnswersInput = z
  .object({
    /** Words found in the question, any version's text or the tags (case-insensitive). */
    query: z.string().trim().max(200).optional(),
    category: z.enum(answerCategories).optional(),
    tag: z.string().trim().min(1).max(40).optional(),
  })
  .strict()
  .default({});

export const useAnswerInput = z
  .object({
    applicationId: id,
    answerId: id,
    /** The version given; defaults to the latest. */
    versionId: id.optional(),
    /** The question as this company asked it, when it differs from the answer's. */
    question: z.string().trim().max(500).nullish().transform((value) => value || null),
  })
  .strict();

export const answersForApplicationInput = z.object({ applicationId: id }).strict();

export const answersChannelInputs = {
  'answers.list': listAnswersInput,
  'answers.get': idInput,
  'answers.create': createAnswerInput,
  'answers.update': updateAnswerInput,
  'answers.delete': idInput,
  'answers.restore': idInput,
  'answers.use': useAnswerInput,
  'answers.unuse': idInput,
  'answers.restoreUse': idInput,
  'answers.forApplication': answersForApplicationInput,
} as const;

export interface ScreeningAnswer extends RowTimes {
  id: string;
  question: string;
  category: AnswerCategory;
  tags: string[];
  /** The latest version. */
  body: string;
  versionId: string;
  versionCount: number;
  /** Live applications it was given to. */
  useCount: number;
}

export interface AnswerVersion {
  id: string;
  /** 1 for the first text, counting up. */
  number: number;
  body: string;
  createdAt: string;
}

/** An answer given on an application: which version, and what it said. */
export interface AnswerUse {
  id: string;
  applicationId: string;
  /** "Company — Position". */
  applicationLabel: string;
  answerId: string;
  /** The question as the company asked it, else the answer's own. */
  question: string;
  category: AnswerCategory;
  versionId: string;
  versionNumber: number;
  body: string;
  /** Whether a later version of the answer exists. */
  outdated: boolean;
  usedAt: string;
}

export interface AnswerDetail extends ScreeningAnswer {
  /** Newest first. */
  versions: AnswerVersion[];
  /** Newest first. */
  uses: AnswerUse[];
}

export interface AnswersOutputs {
  'answers.list': ScreeningAnswer[];
  'answers.get': AnswerDetail;
  'answers.create': AnswerDetail;
  'answers.update': AnswerDetail;
  'answers.delete': { id: string };
  'answers.restore': AnswerDetail;
  'answers.use': AnswerUse;
  'answers.unuse': { id: string };
  'answers.restoreUse': AnswerUse;
  'answers.forApplication': AnswerUse[];
}
