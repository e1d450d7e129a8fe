import type { ParsedInput } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { getApplication } from '../applications/queries';
import type { Database } from '../db/connection';
import { getOpportunity } from '../watch/queries';

/** What the model reads of a posting, whichever record it comes from. */
export interface AiPosting {
  title: string;
  companyName: string;
  location: string | null;
  text: string;
}

/**
 * The posting of an opportunity (its description), or of an application: the text frozen when it was captured,
 * else its description (what a typed-in or tracked application holds). Notes are the user's own, not the posting.
 */
export function aiPostingOf(db: Database, input: ParsedInput<'ai.preview'>): AiPosting {
  if ('opportunityId' in input) {
    const opportunity = getOpportunity(db, input.opportunityId);
    return { title: opportunity.title, companyName: opportunity.companyName, location: opportunity.location, text: opportunity.description ?? '' };
  }
  const application = getApplication(db, input.applicationId);
  const text = application.capturedPosting?.text?.trim() || application.description?.trim() || '';
  if (!text) {
    throw new AppError('VALIDATION', 'The application has no posting text to analyse (no captured posting, no description)', {
      details: { reason: 'no_posting' },
    });
  }
  return { title: application.position, companyName: application.companyName, location: application.location, text };
}
