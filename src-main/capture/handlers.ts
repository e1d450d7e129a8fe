import { defineHandlers } from '../handler';
import { fetchPage } from './fetch-page';
import { readPosting } from './read-posting';

export const captureHandlers = defineHandlers({
  /**
   * A posting from an address (fetched here: the renderer cannot, and should not, reach other sites) or from a
   * page's HTML the user pasted or dropped. Nothing is saved: the renderer opens the prefilled form, and saving
   * goes through applications.create.
   */
  'postings.read': async (input, context) => {
    const capturedAt = new Date(context.clock.now()).toISOString();
    const page = 'html' in input ? { html: input.html, url: input.url ? webAddress(input.url) : null } : await fetchPage(input.url, context.capture);
    const { postings } = readPosting({ html: page.html, url: page.url });
    return { postings, pageUrl: page.url, capturedAt };
  },
});

/** A pasted page's address is only used to resolve its links: anything but http(s) is dropped. */
export function webAddress(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
