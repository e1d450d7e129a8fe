import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../../src-shared/contract';
import type { AppError } from '../../../../src-shared/errors';
import { invoke } from '../../api/client';

/**
 * A `sync.*` call that refreshes what the section shows once it succeeds: connecting, signing out or revoking
 * changes the status and the devices without any synced row changing, so no `changed` event would.
 */
export function useSyncAction<C extends Channel>(channel: C) {
  const client = useQueryClient();
  return useMutation<ChannelOutput<C>, AppError, ChannelInput<C>>({
    mutationFn: (input) => (invoke as (channel: C, input: unknown) => Promise<ChannelOutput<C>>)(channel, input),
    onSuccess: () => client.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('sync.') }),
  });
}
