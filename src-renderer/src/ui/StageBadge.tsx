import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { StageCategory } from '../../../src-shared/contract';

/** A stage's name as the user sees it: its own name, or the translated category for built-in stages. */
export function useStageName(): (stage: { name: string | null; category: StageCategory }) => string {
  const { t } = useTranslation('common');
  return useCallback((stage) => stage.name ?? t(`stageCategory.${stage.category}`), [t]);
}

/** A coloured pill naming a stage (or a category when `name` is null). */
export function StageBadge({ name, category }: { name: string | null; category: StageCategory }) {
  const stageName = useStageName();
  return (
    <span className={`badge cat-${category}`}>
      <span className="dot" aria-hidden="true" />
      {stageName({ name, category })}
    </span>
  );
}
