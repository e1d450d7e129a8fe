import { describe, expect, it } from 'vitest';
import { readPosting } from '../../src-main/capture/read-posting';
import { createApplicationInput, postingReadFailures, type PostingDraft } from '../../src-shared/contract';
import { resources } from '../../src-shared/i18n';
import { emptyValues, toCreateInput } from '../../src-renderer/src/features/applications/detail/formModel';
import { capturedPostingOf, postingAddress, valuesFromDraft } from '../../src-renderer/src/features/capture/draftValues';
import * as pages from '../capture/pages';

// The Capture screen's mapping from a read posting to the application form (draftValues.ts): whatever the reader
// gives, the prefilled form is one the contract accepts as it stands, with the posting frozen on it.

const stageId = '00000000-0000-7000-8000-000000000002';
const base = () => emptyValues({ salaryCurrency: 'GBP', stage: { id: stageId, category: 'wishlist' } });
const pageUrl = 'https://jobs.example.com/postings/7';
const capturedAt = '2026-12-05T00:00:00.000Z';

const corpus = Object.entries(pages).filter((entry): entry is [string, string] => typeof entry[1] === 'string');

describe('a read posting prefills the application form', () => {
  it.each(corpus)('%s: the prefilled form, saved untouched, is a valid applications.create input', (_name, html) => {
    for (const draft of readPosting({ html, url: pageUrl }).postings) {
      const values = valuesFromDraft(base(), draft, pageUrl, 'Posted on 2 Nov 2026.');
      const input = { ...toCreateInput(values), capturedPosting: capturedPostingOf(draft, { pageUrl, capturedAt }) };
      const parsed = createApplicationInput.safeParse(input);
      expect(parsed.success ? [] : parsed.error.issues, draft.position).toEqual([]);
      expect(values.position).toBe(draft.position);
      expect(values.companyName).toBe(draft.companyName ?? '');
    }
  });

  it('maps every field the posting gives, and keeps the profile currency when no salary is given', () => {
    const [draft] = readPosting({ html: pages.ashby, url: pageUrl }).postings;
    const values = valuesFromDraft(base(), draft, pageUrl, '');
    expect(values).toMatchObject({
      position: draft.position,
      companyName: draft.companyName,
      workMode: draft.workMode ?? '',
      salaryMin: String(draft.salaryMin),
      salaryCurrency: draft.salaryCurrency,
      description: draft.description,
      stageId,
    });
    const [bare] = readPosting({ html: pages.openGraphOnly, url: pageUrl }).postings;
    expect(valuesFromDraft(base(), bare, pageUrl, '')).toMatchObject({ salaryMin: '', salaryCurrency: 'GBP', salaryPeriod: 'year' });
  });

  it('freezes the posting’s own web address, else the page’s, else none', () => {
    const draft = { postingUrl: null } as PostingDraft;
    expect(postingAddress({ ...draft, postingUrl: 'https://acme.example/jobs/1' }, pageUrl)).toBe('https://acme.example/jobs/1');
    expect(postingAddress({ ...draft, postingUrl: 'javascript:alert(1)' }, pageUrl)).toBe(pageUrl);
    expect(postingAddress(draft, null)).toBeNull();
  });
});

describe('every reason a page gives no posting', () => {
  it.each(postingReadFailures)('%s has a message and a next step in English and French', (reason) => {
    for (const language of ['en', 'fr'] as const) {
      const errors = resources[language].capture.errors as unknown as Record<string, { what: string; next: string } | undefined>;
      expect(errors[reason]?.what, `${language}:${reason}`).toBeTruthy();
      expect(errors[reason]?.next, `${language}:${reason}`).toBeTruthy();
    }
  });
});
