/**
 * The popup: asks the service worker where things stand and offers the one next step (pair, save, try again).
 * Every string comes from _locales (English and French).
 */
import type { CaptureResponse } from '../../src-shared/connector';
import type { FailureReason, Outcome } from './client';
import type { PopupMessage } from './background';

const t = (name: string, substitutions?: string[]) => chrome.i18n.getMessage(name, substitutions) || name;
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const send = <T>(message: PopupMessage) => chrome.runtime.sendMessage<T>(message);
const sections = ['checking', 'not-running', 'pair', 'ready', 'saved'] as const;

function show(section: (typeof sections)[number] | null, error: FailureReason | null = null): void {
  for (const id of sections) element(id).hidden = id !== section;
  const errorLine = element('error');
  errorLine.hidden = error === null;
  errorLine.textContent = error === null ? '' : t(`error_${error}`);
}

async function refresh(): Promise<void> {
  show('checking');
  const state = await send<'not_running' | 'not_paired' | 'ready'>({ type: 'status' });
  if (state === 'not_running') return show('not-running');
  if (state === 'not_paired') {
    show('pair');
    element('code').focus();
    return;
  }
  show('ready');
  element('save').focus();
}

/** The application last saved or found: what "Open in Candid" asks the desktop app to show. */
let shownApplicationId: string | null = null;

/**
 * What was saved, and the way to it: a link in the browser shell (openUrl); on the desktop a button that asks the app
 * to bring its window to it (canShow); else a hint to open Candid.
 */
function showSaved(saved: CaptureResponse): void {
  element('saved-title').textContent = t(saved.alreadyTracked ? 'alreadyTracked' : 'savedTitle');
  element('saved-what').textContent = saved.companyName ? t('savedWhat', [saved.position, saved.companyName]) : saved.position;
  const link = element<HTMLAnchorElement>('open');
  link.hidden = saved.openUrl === null;
  if (saved.openUrl) link.href = saved.openUrl;
  const button = element<HTMLButtonElement>('show');
  button.hidden = saved.openUrl !== null || !saved.canShow;
  shownApplicationId = saved.applicationId;
  element('open-hint').hidden = !link.hidden || !button.hidden;
  show('saved');
  (link.hidden ? button : link).focus();
}

document.addEventListener('DOMContentLoaded', () => {
  document.documentElement.lang = chrome.i18n.getUILanguage();
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = t(node.dataset.i18n!);

  element('retry').addEventListener('click', () => void refresh());

  element<HTMLFormElement>('pair').addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = element<HTMLInputElement>('code').value;
    const paired = await send<Outcome<null>>({ type: 'pair', code });
    if (!paired.ok) return show(paired.reason === 'not_running' ? 'not-running' : 'pair', paired.reason);
    await refresh();
  });

  element('save').addEventListener('click', async () => {
    const button = element<HTMLButtonElement>('save');
    button.disabled = true;
    button.textContent = t('saving');
    try {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return show('ready', 'cannot_read_page');
      const saved = await send<Outcome<CaptureResponse>>({ type: 'save', tabId: tab.id });
      if (saved.ok) return showSaved(saved.value);
      if (saved.reason === 'not_paired') return show('pair', 'not_paired');
      show(saved.reason === 'not_running' ? 'not-running' : 'ready', saved.reason);
    } finally {
      button.disabled = false;
      button.textContent = t('saveButton');
    }
  });

  element('show').addEventListener('click', async () => {
    const button = element<HTMLButtonElement>('show');
    if (shownApplicationId === null) return;
    button.disabled = true;
    try {
      const shown = await send<Outcome<null>>({ type: 'show', applicationId: shownApplicationId });
      if (shown.ok) return show('saved');
      if (shown.reason === 'not_paired') return show('pair', 'not_paired');
      show(shown.reason === 'not_running' ? 'not-running' : 'saved', shown.reason);
    } finally {
      button.disabled = false;
    }
  });

  void refresh();
});
