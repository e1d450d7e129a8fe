import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { stageCategories, type Stage } from '../../../../src-shared/contract';
import { useStageName } from '../../ui/StageBadge';

interface StageSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'size'> {
  stages: Stage[];
  value: string;
  onChange(stageId: string): void;
  /** Shown first with an empty value (e.g. "Move to…"). */
  placeholder?: string;
  size?: 'md' | 'sm';
}

/** A native select of the stages, grouped by category: keyboard and screen-reader friendly everywhere. */
export function StageSelect({ stages, value, onChange, placeholder, size = 'md', className, ...rest }: StageSelectProps) {
  const { t } = useTranslation('common');
  const stageName = useStageName();
  return (
    <select
      className={['select', size === 'sm' && 'select-sm', className].filter(Boolean).join(' ')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      {...rest}
    >
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {stageCategories.map((category) => {
        const inCategory = stages.filter((stage) => stage.category === category);
        if (inCategory.length === 0) return null;
        if (inCategory.length === 1 && inCategory[0].name === null) {
          return (
            <option key={category} value={inCategory[0].id}>
              {stageName(inCategory[0])}
            </option>
          );
        }
        return (
          <optgroup key={category} label={t(`stageCategory.${category}`)}>
            {inCategory.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stageName(stage)}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
}
