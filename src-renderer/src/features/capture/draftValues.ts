import { isHttpUrl, type CreateApplicationInput, type PostingDraft, type ReadPostingResult } from '../../../../src-shared/contract';
import type { ApplicationFormValues } from '../applications/detail/formModel';

/** The frozen posting as applications.create takes it (and as the card shows it). */
export type CapturedPostingInput = { text: string | null; url: string | null; capturedAt: string } & NonNullable<CreateApplicationInput['capturedPosting']>;

const text = (value: string | number | null) => (value == null ? '' : String(value));

/** The posting's own address when it is a web address, else the page's (pasted HTML may have neither). */
export function postingAddress(draft: PostingDraft, pageUrl: string | null): string | null {
  if (draft.postingUrl && isHttpUrl(draft.postingUrl)) return draft.postingUrl;
  return pageUrl && isHttpUrl(pageUrl) ? pageUrl : null;
}

/**
 * The application form's values for a posting read from a page: every field the posting gave, over the values a
 * new application starts with (its stage, the profile's currency). `notes` is what has no field of its own
 * (posted date, reference, the company's site), already written in the user's language.
 */
export function valuesFromDraft(base: ApplicationFormValues, draft: PostingDraft, pageUrl: string | null, notes: string): ApplicationFormValues {
  const salaryKnown = draft.salaryMin !== null || draft.salaryMax !== null;
  return {
    ...base,
    companyName: draft.companyName ?? '',
    position: draft.position,
    location: text(draft.location),
    workMode: text(draft.workMode),
    employmentType: text(draft.employmentType),
    schedule: text(draft.schedule),
    source: text(draft.source),
    postingUrl: postingAddress(draft, pageUrl) ?? '',
    description: text(draft.description),
    salaryMin: text(draft.salaryMin),
    salaryMax: text(draft.salaryMax),
    salaryCurrency: salaryKnown && draft.salaryCurrency ? draft.salaryCurrency : base.salaryCurrency,
    salaryPeriod: salaryKnown && draft.salaryPeriod ? draft.salaryPeriod : base.salaryPeriod,
    requiredSkills: draft.requiredSkills,
    experienceYears: text(draft.experienceYears),
    deadline: text(draft.validThrough),
    notes,
  };
}

/** What is frozen on the application: the text as read, where from, and when. */
export function capturedPostingOf(draft: PostingDraft, result: Pick<ReadPostingResult, 'pageUrl' | 'capturedAt'>): CapturedPostingInput {
  return { text: draft.description, url: postingAddress(draft, result.pageUrl), capturedAt: result.capturedAt };
}
