import type { Channel, ChannelInput, ChannelOutput, ChangedEvent, JobEvent } from '../../../src-shared/contract';
import type { BridgeEventName, BridgeEvents } from '../../../src-shared/bridge';
import type { ShellChannel, ShellChannelInput, ShellChannelOutput } from '../../../src-shared/contract/shell';
import { AppError, isAppErrorShape } from '../../../src-shared/errors';

/** What the desktop preload exposes (src-shared/bridge.ts); absent when the renderer runs in a browser. */
interface Bridge {
  invoke(channel: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void;
}

declare global {
  interface Window {
    candid?: Bridge;
  }
}

function toAppError(error: unknown): AppError {
  if (isAppErrorShape(error)) return new AppError(error.code, error.message, { issues: error.issues, details: error.details });
  return new AppError('INTERNAL', String(error));
}

/**
 * In a browser the page holds no key: the browser shell let this browser in with an HttpOnly session cookie, which
 * same-origin requests carry by themselves. When it no longer counts (Candid was restarted), the page is reloaded:
 * the server then answers with the page that says how to open Candid again.
 */
function leaveWhenNotLetIn(response: Response, body: unknown): void {
  // Only the transport's own refusal: a channel may answer UNAUTHORIZED too (a wrong sync passphrase or password).
  const reason = (body as { details?: { reason?: unknown } } | null)?.details?.reason;
  if (response.status === 401 && reason === 'not_let_in') window.location.reload();
}

async function invokeOverHttp(channel: string, input: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: input === undefined ? '' : JSON.stringify(input),
    });
  } catch {
    throw new AppError('INTERNAL', 'Candid cannot be reached', { details: { network: true } });
  }
  const body: unknown = await response.json().catch(() => null);
  leaveWhenNotLetIn(response, body);
  if (!response.ok) throw toAppError(body);
  return body;
}

/** Calls one channel of the handler table, over IPC in the desktop app or HTTP in the browser. Throws AppError. */
export async function invoke<C extends Channel>(channel: C, ...args: undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>]): Promise<ChannelOutput<C>> {
  const input = args[0];
  if (window.candid) {
    const result = await window.candid.invoke(channel, input);
    if (!result.ok) throw toAppError(result.error);
    return result.value as ChannelOutput<C>;
  }
  return (await invokeOverHttp(channel, input)) as ChannelOutput<C>;
}

/** Calls a desktop-only channel (`shell.*`); null in a browser, where those do not exist. Throws AppError. */
export async function invokeShell<C extends ShellChannel>(channel: C, input: ShellChannelInput<C>): Promise<ShellChannelOutput<C> | null> {
  if (!window.candid) return null;
  const result = await window.candid.invoke(channel, input);
  if (!result.ok) throw toAppError(result.error);
  return result.value as ShellChannelOutput<C>;
}

type ServerEvents = Pick<BridgeEvents, 'changed' | 'job'>;
type ServerEventName = keyof ServerEvents;
const serverListeners: { [N in ServerEventName]: Set<(payload: ServerEvents[N]) => void> } = { changed: new Set(), job: new Set() };
let serverStream: AbortController | null = null;

/**
 * In a browser, one stream of server-sent events (/api/events) carries every event to every subscriber; it is
 * opened by the first subscriber, closed with the last, and reopened when the server went away (after which
 * everything is refreshed once).
 */
function subscribeOverHttp<N extends ServerEventName>(event: N, listener: (payload: ServerEvents[N]) => void): () => void {
  serverListeners[event].add(listener);
  if (!serverStream) {
    const controller = new AbortController();
    serverStream = controller;
    void streamEvents(controller);
  }
  return () => {
    serverListeners[event].delete(listener);
    if (serverListeners.changed.size === 0 && serverListeners.job.size === 0) {
      serverStream?.abort();
      serverStream = null;
    }
  };
}

function dispatch(frame: string): void {
  const name = frame.split('\n').find((line) => line.startsWith('event: '))?.slice(7);
  const data = frame.split('\n').find((line) => line.startsWith('data: '));
  if (!data || (name !== 'changed' && name !== 'job')) return;
  const payload: unknown = JSON.parse(data.slice(6));
  for (const listener of serverListeners[name]) (listener as (value: unknown) => void)(payload);
}

async function streamEvents(controller: AbortController): Promise<void> {
  let retryDelay = 500;
  while (!controller.signal.aborted) {
    try {
      const response = await fetch('/api/events', { credentials: 'same-origin', signal: controller.signal });
      // Only the transport answers 401 here: the event stream is not a channel.
      if (response.status === 401) window.location.reload();
      if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
      retryDelay = 500;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      if (controller.signal.aborted) return;
    }
    // The server went away (restart): try again, and refresh everything once back.
    await new Promise((resolve) => setTimeout(resolve, retryDelay));
    retryDelay = Math.min(retryDelay * 2, 5000);
    for (const listener of serverListeners.changed) listener({ tables: ['*'] });
  }
}

/** Subscribes to `changed` events: from the preload in the desktop app, from /api/events in the browser. */
export function onChanged(listener: (event: ChangedEvent) => void): () => void {
  if (window.candid) return window.candid.on('changed', listener);
  return subscribeOverHttp('changed', listener);
}

/** Subscribes to the progress of long work (imports, exports, backups), however it was started. */
export function onJob(listener: (event: JobEvent) => void): () => void {
  if (window.candid) return window.candid.on('job', listener);
  return subscribeOverHttp('job', listener);
}
