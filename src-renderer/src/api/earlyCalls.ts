import type { Channel, ChannelInput, ChannelOutput } from '../../../src-shared/contract';
import { invoke } from './client';

/**
 * Calls sent before the bundle is evaluated (firstCalls.ts), each kept under its channel and input until the
 * bundle asks for the same read (`prefetchChannel`) and takes its answer, on its way or already there. A call
 * nobody takes is forgotten: its answer only ever reaches the screen through a read asked for with the inputs the
 * bundle computed itself (from what it parsed), never through what the early module read unchecked.
 */
const sent = new Map<string, Promise<unknown>>();
let closed = false;

const keyOf = (channel: string, input: unknown): string => `${channel} ${JSON.stringify(input ?? null)}`;

export function sendEarly<C extends Channel>(channel: C, input?: ChannelInput<C>): void {
  if (closed) return;
  const call = (invoke as (channel: C, input: unknown) => Promise<ChannelOutput<C>>)(channel, input);
  // A failure is reported by the read that takes the call; one nobody takes fails silently.
  call.catch(() => undefined);
  sent.set(keyOf(channel, input), call);
}

/** The early call of this read, if one was sent (once: a later read asks the handler table again). */
export function takeEarly<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>> | undefined {
  const key = keyOf(channel, input);
  const call = sent.get(key) as Promise<ChannelOutput<C>> | undefined;
  sent.delete(key);
  return call;
}

/** The bundle has asked for what it needs first: calls not taken are dropped, and none is sent any more. */
export function closeEarly(): void {
  closed = true;
  sent.clear();
}
