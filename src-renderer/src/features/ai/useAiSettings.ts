import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AiSettings } from '../../../../src-shared/contract';
import { useChannel } from '../../api/hooks';

/** The device's AI settings. They live outside the synced data, so a save announces no change: the cache is set here. */
export function useAiSettings() {
  const query = useChannel('ai.settings', undefined);
  const client = useQueryClient();
  const saved = useCallback((settings: AiSettings) => client.setQueryData(['ai.settings', null], settings), [client]);
  return { settings: query.data, saved };
}
