import { QueryClient, useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/errors';
import { invoke, onChanged } from './client';
import { takeEarly } from './earlyCalls';

const coalesceMs = 30;

/** Data is local and cheap to read: never stale by time, refetched on every `changed` event instead. */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  // Events that arrive together (a burst of writes) refresh the screen once, not once each.
  let refreshScheduled = false;
  onChanged(() => {
    if (refreshScheduled) return;
    refreshScheduled = true;
    setTimeout(() => {
      refreshScheduled = false;
      void client.invalidateQueries();
    }, coalesceMs);
  });
  return client;
}

/** The query key of one channel's read: [channel, input]; `null` when the channel takes no input. */
export function channelKey<C extends Channel>(channel: C, input: ChannelInput<C> | undefined): readonly [C, unknown] {
  return [channel, input ?? null];
}

/**
 * Asks for a read before any component does, so its answer is on its way while the bundle draws the first screen
 * (the board's columns wait for the stages: asked with the first render, they came back a round trip later,
 * queued behind the shell's other calls). When the window's first calls (firstCalls.ts) sent the same read before
 * the bundle was evaluated, that call's answer is taken instead of asking again.
 */
export function prefetchChannel<C extends Channel>(client: QueryClient, channel: C, input?: ChannelInput<C>): Promise<void> {
  return client.prefetchQuery({
    queryKey: channelKey(channel, input),
    queryFn: () => takeEarly(channel, input) ?? (invoke as (channel: C, input: unknown) => Promise<ChannelOutput<C>>)(channel, input),
  });
}

type InputArgs<C extends Channel> = undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

/** Reads one channel; the query key is [channel, input], so any `changed` event refreshes it. */
export function useChannel<C extends Channel>(
  channel: C,
  input: ChannelInput<C> | undefined,
  options: Omit<UseQueryOptions<ChannelOutput<C>, AppError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<ChannelOutput<C>, AppError>({
    queryKey: channelKey(channel, input),
    queryFn: () => (invoke as (channel: C, input: unknown) => Promise<ChannelOutput<C>>)(channel, input),
    ...options,
  });
}

/** A write (or any call) to one channel; errors come back as AppError with field issues. */
export function useAction<C extends Channel>(channel: C) {
  return useMutation<ChannelOutput<C>, AppError, ChannelInput<C>>({
    mutationFn: (input) => (invoke as (channel: C, ...args: InputArgs<C>) => Promise<ChannelOutput<C>>)(channel, ...([input] as InputArgs<C>)),
  });
}
