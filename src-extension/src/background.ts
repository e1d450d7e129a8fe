/**
 * The service worker: it alone reaches the app (the host permission is for http://127.0.0.1 only) and reads the
 * page. The popup sends it `status`, `pair`, `save` and `show` messages; tests call the same functions through
 * `self.candid` (chrome-extension://<id>/background.js, evaluated by playwright).
 */
import type { CaptureResponse } from '../../src-shared/connector';
import { capture, pair, show, status, type Outcome } from './client';
import { readPage } from './read-page';

export type PopupMessage = { type: 'status' } | { type: 'pair'; code: string } | { type: 'save'; tabId: number } | { type: 'show'; applicationId: string };

/** Reads the tab (activeTab: the user opened the popup on it) and saves it in the app. */
async function save(tabId: number): Promise<Outcome<CaptureResponse>> {
  let page: ReturnType<typeof readPage> | undefined;
  try {
    [{ result: page }] = await chrome.scripting.executeScript({ target: { tabId }, func: readPage });
  } catch {
    // chrome:// pages, the web store, a PDF viewer: no script may run there.
    return { ok: false, reason: 'cannot_read_page' };
  }
  if (!page) return { ok: false, reason: 'cannot_read_page' };
  return capture(page);
}

/** What the app shows as this browser in Settings ▸ Browser extension. */
function browserName(): string {
  const brand = (navigator as Navigator & { userAgentData?: { brands?: { brand: string; version: string }[]; platform?: string } }).userAgentData;
  const named = brand?.brands?.find((entry) => !/not.?a.?brand/i.test(entry.brand) && entry.brand !== 'Chromium') ?? brand?.brands?.find((entry) => entry.brand === 'Chromium');
  return [named ? `${named.brand} ${named.version}` : 'Chromium', brand?.platform].filter(Boolean).join(' · ');
}

async function handle(message: PopupMessage): Promise<unknown> {
  switch (message.type) {
    case 'status':
      return status();
    case 'pair':
      return pair(message.code, browserName());
    case 'save':
      return save(message.tabId);
    case 'show':
      return show(message.applicationId);
  }
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only this extension's own pages talk to it.
  if (sender.id !== chrome.runtime.id) return;
  handle(message as PopupMessage).then(sendResponse, () => sendResponse({ ok: false, reason: 'failed' }));
  return true;
});

(globalThis as unknown as { candid: unknown }).candid = { status, pair: (code: string) => pair(code, browserName()), save, show };
