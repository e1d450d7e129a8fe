import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../src-shared/contract';
import { builtInSources } from '../../../../src-shared/contract/enums';
import { useChannel } from '../../api/hooks';

const builtIn = new Set<string>(builtInSources);

/** A source as the user reads it: built-in keys translated, the user's own sources as typed. */
export function useSourceLabel(): (source: string | null | undefined) => string {
  const { t } = useTranslation('common');
  return useCallback((source) => (!source ? '' : builtIn.has(source) ? t(`source.${source}`) : source), [t]);
}

/** Every source to offer in pickers and filters: built-ins first, then the user's own. */
export function useSourceOptions(): { value: string; label: string }[] {
  const sources = useChannel('sources.list', undefined);
  const label = useSourceLabel();
  const builtIns = (sources.data?.builtIn ?? builtInSources).map((value) => ({ value, label: label(value) }));
  const custom = (sources.data?.custom ?? []).map((source) => ({ value: source.name, label: source.name }));
  return [...builtIns, ...custom];
}

/** The stages in board order (category funnel order, then position). */
export function useStages(): Stage[] {
  return useChannel('stages.list', undefined).data ?? [];
}
