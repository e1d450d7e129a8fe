import { captureResponse, connectorPing, connectorPorts, pairResponse, type CaptureRequest, type CaptureResponse, type OpenRequest } from '../../src-shared/connector';

/** The reasons the popup translates (messages `error_<reason>`). */
export type FailureReason = 'not_running' | 'not_paired' | 'bad_code' | 'too_many_attempts' | 'no_posting' | 'empty_page' | 'cannot_read_page' | 'not_found' | 'cannot_show' | 'failed';
export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: FailureReason };

const tokenKey = 'captureToken';

export async function storedToken(): Promise<string | null> {
  const stored = await chrome.storage.local.get([tokenKey]);
  return typeof stored[tokenKey] === 'string' ? stored[tokenKey] : null;
}

/**
 * The running app: the first port of connectorPorts that answers ping as Candid (the app listens on the first free
 * one of them). Ports that refuse, time out or answer as something else are skipped.
 */
export async function findApp(token: string | null): Promise<{ base: string; paired: boolean } | null> {
  for (const port of connectorPorts) {
    const base = `http://127.0.0.1:${port}`;
    try {
      const response = await fetch(`${base}/connector/ping`, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(1500) });
      const ping = connectorPing.safeParse(await response.json());
      if (ping.success) return { base, paired: ping.data.paired };
    } catch {
      // Nothing there, or not Candid: the next port.
    }
  }
  return null;
}

/** Whether the app runs and knows this browser. */
export async function status(): Promise<'not_running' | 'not_paired' | 'ready'> {
  const app = await findApp(await storedToken());
  if (!app) return 'not_running';
  return app.paired ? 'ready' : 'not_paired';
}

/** Sends the code shown in Candid's Settings once; keeps the capture token it is exchanged for. */
export async function pair(code: string, browser: string): Promise<Outcome<null>> {
  const app = await findApp(null);
  if (!app) return { ok: false, reason: 'not_running' };
  const response = await postJson(`${app.base}/connector/pair`, { code, browser });
  if (!response) return { ok: false, reason: 'not_running' };
  if (!response.ok) return { ok: false, reason: failureOf(response.body, 'bad_code') };
  const answer = pairResponse.safeParse(response.body);
  if (!answer.success) return { ok: false, reason: 'failed' };
  await chrome.storage.local.set({ [tokenKey]: answer.data.token });
  return { ok: true, value: null };
}

/** Sends a page read by readPage to the app, which saves it. */
export async function capture(page: CaptureRequest): Promise<Outcome<CaptureResponse>> {
  const token = await storedToken();
  const app = await findApp(token);
  if (!app) return { ok: false, reason: 'not_running' };
  if (!token || !app.paired) return { ok: false, reason: 'not_paired' };
  const response = await postJson(`${app.base}/connector/capture`, page, token);
  if (!response) return { ok: false, reason: 'not_running' };
  if (!response.ok) {
    const reason = failureOf(response.body, 'failed');
    // Revoked in Settings: forget the token, so the popup offers to pair again.
    if (reason === 'not_paired') await chrome.storage.local.remove([tokenKey]);
    return { ok: false, reason };
  }
  const answer = captureResponse.safeParse(response.body);
  return answer.success ? { ok: true, value: answer.data } : { ok: false, reason: 'failed' };
}

/**
 * "Open in Candid" on the desktop: asks the app to bring its window forward on the application saved (or found).
 * not_found: deleted since, or an app that cannot show it.
 */
export async function show(applicationId: string): Promise<Outcome<null>> {
  const token = await storedToken();
  const app = await findApp(token);
  if (!app) return { ok: false, reason: 'not_running' };
  if (!token || !app.paired) return { ok: false, reason: 'not_paired' };
  const response = await postJson(`${app.base}/connector/open`, { applicationId } satisfies OpenRequest, token);
  if (!response) return { ok: false, reason: 'not_running' };
  if (!response.ok) {
    const reason = failureOf(response.body, 'cannot_show');
    if (reason === 'not_paired') await chrome.storage.local.remove([tokenKey]);
    return { ok: false, reason };
  }
  return { ok: true, value: null };
}

async function postJson(url: string, body: unknown, token?: string): Promise<{ ok: boolean; body: unknown } | null> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    // 204 (open) has no body.
    return { ok: response.ok, body: response.status === 204 ? null : await response.json().catch(() => null) };
  } catch {
    return null;
  }
}

const knownReasons: readonly FailureReason[] = ['not_paired', 'bad_code', 'too_many_attempts', 'no_posting', 'empty_page', 'not_found'];

/** The app's error `details.reason`, when it is one the popup explains; else `fallback`. */
function failureOf(body: unknown, fallback: FailureReason): FailureReason {
  const reason = (body as { details?: { reason?: unknown } } | null)?.details?.reason;
  return knownReasons.find((known) => known === reason) ?? fallback;
}
