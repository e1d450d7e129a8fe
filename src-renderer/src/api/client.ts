import type { Channel, ChannelInput, ChannelOutput, ChangedEvent } from '../../../src-shared/contract';
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
function leaveWhenNotLetIn(response: Response): void {
  if (response.status === 401) window.location.reload();
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
  leaveWhenNotLetIn(response);
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

/** Subscribes to `changed` events: from the preload in the desktop app, from /api/events in the browser. */
export function onChanged(listener: (event: ChangedEvent) => void): () => void {
  if (window.candid) return window.candid.on('changed', listener);
  const controller = new AbortController();
  let retryDelay = 500;
  const connect = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch('/api/events', { credentials: 'same-origin', signal: controller.signal });
        leaveWhenNotLetIn(response);
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
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = frame.split('\n').find((line) => line.startsWith('data: '));
            if (frame.includes('event: changed') && data) listener(JSON.parse(data.slice(6)) as ChangedEvent);
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      // The server went away (restart): try again, and refresh everything once back.
      await new Promise((resolve) => setTimeout(resolve, retryDelay));
      retryDelay = Math.min(retryDelay * 2, 5000);
      listener({ tables: ['*'] });
    }
  };
  void connect();
  return () => controller.abort();
}
