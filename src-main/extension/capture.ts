import type { Application, CreateApplicationInput, PostingDraft } from '../../src-shared/contract';
import type { CaptureRequest, CaptureResponse } from '../../src-shared/connector';
import type { Api } from '../api';
import { webAddress } from '../capture/handlers';
import { readPosting } from '../capture/read-posting';
import { firstStageOf } from '../stages/lookup';

/** How the extension may open what it saved: a link (the browser shell), or by asking the app to show it (desktop). */
export interface CaptureOpening {
  openUrl: (applicationId: string) => string | null;
  canShow: boolean;
}

/**
 * "Save to Candid": the page the extension read becomes an application in the wishlist, its posting frozen on it,
 * through applications.create (the one write path). A page whose address is already tracked writes nothing and
 * answers with that application. Throws an AppError (a bad page: details.reason, as postings.read).
 */
export async function captureFromBrowser(api: Api, request: Required<CaptureRequest>, opening: CaptureOpening): Promise<CaptureResponse> {
  const pageUrl = webAddress(request.url);
  const { postings } = readPosting({ html: request.html, url: pageUrl });
  const draft = postings[0];
  const postingUrl = draft.postingUrl ?? pageUrl;
  const answer = (application: Pick<Application, 'id' | 'position'> & { companyName: string | null }, alreadyTracked: boolean) => ({
    applicationId: application.id,
    companyName: application.companyName,
    position: application.position,
    alreadyTracked,
    openUrl: opening.openUrl(application.id),
    canShow: opening.canShow,
    postingsOnPage: postings.length,
  });
  if (postingUrl) {
    const { matches } = await api.invoke('applications.duplicates', { postingUrl });
    const same = matches.find((match) => match.reason === 'same_url');
    if (same) return answer({ id: same.application.id, position: same.application.position, companyName: same.application.companyName }, true);
  }
  const created = await api.invoke('applications.create', createInput(draft, request, pageUrl, postingUrl, api.context.clock.now(), api));
  return answer({ id: created.id, position: created.position, companyName: created.company.name }, false);
}

function createInput(draft: PostingDraft, request: Required<CaptureRequest>, pageUrl: string | null, postingUrl: string | null, now: number, api: Api): CreateApplicationInput {
  const wishlist = firstStageOf(api.context.db, 'wishlist');
  const selection = request.selection?.trim() || null;
  const text = selection ?? draft.description;
  return {
    position: draft.position,
    // A posting that names no company is filed under its site, for the user to correct.
    companyName: draft.companyName ?? hostOf(postingUrl ?? pageUrl) ?? '—',
    location: draft.location,
    workMode: draft.workMode,
    employmentType: draft.employmentType,
    schedule: draft.schedule,
    salaryMin: draft.salaryMin,
    salaryMax: draft.salaryMax,
    salaryCurrency: draft.salaryCurrency,
    salaryPeriod: draft.salaryPeriod,
    source: draft.source,
    postingUrl,
    description: text,
    requiredSkills: draft.requiredSkills,
    experienceYears: draft.experienceYears,
    ...(wishlist ? { stageId: wishlist.id } : {}),
    capturedPosting: { text, url: pageUrl, capturedAt: new Date(now).toISOString() },
  };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
