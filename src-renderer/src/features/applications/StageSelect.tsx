import { useMemo, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../src-shared/contract';
import { stageCategories } from '../../../../src-shared/contract/enums';
import { useStageName } from '../../ui/StageBadge';

/**
 * The <option>s of every stage, grouped by category (a lone built-in stage needs no group). Built once and
 * shared: the table puts the same elements in every row's select.
 */
export function useStageOptions(stages: Stage[]): ReactNode {
  const { t } = useTranslation('common');
  const stageName = useStageName();
  return useMemo(
    () =>
      stageCategories.map((category) => {
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
      }),
    [stages, stageName, t],
  );
}

interface StageSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'size'> {
  stages: Stage[];
  value: string;
  onChange(stageId: string): void;
  /** Shown first with an empty value (e.g. "Move to…"). */
  placeholder?: string;
  size?: 'md' | 'sm';
  /** Options built once by useStageOptions, when many selects show the same list. */
  options?: ReactNode;
  ref?: Ref<HTMLSelectElement>;
}

/** A native select of the stages, grouped by category: keyboard and screen-reader friendly everywhere. */
export function StageSelect({ options, ...props }: StageSelectProps) {
  return options === undefined ? <SelectWithOwnOptions {...props} /> : <PlainStageSelect {...props} options={options} />;
}

function SelectWithOwnOptions(props: Omit<StageSelectProps, 'options'>) {
  const options = useStageOptions(props.stages);
  return <PlainStageSelect {...props} options={options} />;
}

function PlainStageSelect({ stages: _stages, value, onChange, placeholder, size = 'md', className, options, ...rest }: StageSelectProps) {
  return (
    <select
      className={['select', size === 'sm' && 'select-sm', className].filter(Boolean).join(' ')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      {...rest}
    >
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options}
    </select>
  );
}
