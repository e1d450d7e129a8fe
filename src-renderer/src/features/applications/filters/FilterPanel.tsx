import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationFilters } from '../../../../../src-shared/contract';
import { employmentTypes, stageCategories, workModes } from '../../../../../src-shared/contract/enums';
import { useChannel } from '../../../api/hooks';
import { useStageName } from '../../../ui/StageBadge';
import { CompanyCombobox } from '../CompanyCombobox';
import { useSourceOptions, useStages } from '../vocabulary';
import { CheckboxGroup, RadioGroup } from './CheckboxGroup';
import { useCompanyName } from './useCompanyName';
import { CustomFieldFilters } from '../../customFields/CustomFieldFilters';

type Change = (patch: Partial<ApplicationFilters>) => void;

const tri = (value: boolean | undefined): 'any' | 'yes' | 'no' => (value === undefined ? 'any' : value ? 'yes' : 'no');
const archivedChoice = (value: ApplicationFilters['archived']): 'active' | 'archived' | 'all' =>
  value === 'all' ? 'all' : value ? 'archived' : 'active';
const parseAmount = (text: string): number | undefined => {
  const value = Number.parseInt(text.replace(/\s/g, ''), 10);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
};

/** Every filter applications.list offers, grouped; each change applies at once. */
export function FilterPanel({ filters, onChange }: { filters: ApplicationFilters; onChange: Change }) {
  const { t } = useTranslation(['applications', 'common']);
  const stageName = useStageName();
  const stages = useStages();
  const sources = useSourceOptions();
  const tags = useChannel('tags.list', undefined).data ?? [];
  const id = useId();

  return (
    <div className="filter-panel">
      <CheckboxGroup
        legend={t('filters.stageCategories')}
        options={stageCategories.map((category) => ({ value: category, label: t(`common:stageCategory.${category}`) }))}
        selected={filters.stageCategories}
        onChange={(stageCategories) => onChange({ stageCategories })}
      />
      {/* With only the built-in stages, stages and categories are the same list: show it once. */}
      {(stages.some((stage) => stage.name !== null) || (filters.stageIds?.length ?? 0) > 0) && (
        <CheckboxGroup
          legend={t('filters.stages')}
          options={stages.map((stage) => ({ value: stage.id, label: stageName(stage) }))}
          selected={filters.stageIds}
          onChange={(stageIds) => onChange({ stageIds })}
          className="filter-scroll"
        />
      )}
      <CheckboxGroup
        legend={t('fields.employmentType')}
        options={employmentTypes.map((type) => ({ value: type, label: t(`common:employmentType.${type}`) }))}
        selected={filters.employmentTypes}
        onChange={(employmentTypes) => onChange({ employmentTypes })}
      />
      <CheckboxGroup
        legend={t('fields.workMode')}
        options={workModes.map((mode) => ({ value: mode, label: t(`common:workMode.${mode}`) }))}
        selected={filters.workModes}
        onChange={(workModes) => onChange({ workModes })}
      />
      <CheckboxGroup legend={t('fields.source')} options={sources} selected={filters.sources} onChange={(sources) => onChange({ sources })} className="filter-scroll" />
      {tags.length > 0 && (
        <CheckboxGroup
          legend={t('fields.tags')}
          options={tags.map((tag) => ({ value: tag.name, label: tag.name }))}
          selected={filters.tags}
          onChange={(tags) => onChange({ tags })}
          className="filter-scroll"
        />
      )}
      <CompanyFilter filters={filters} onChange={onChange} />
      <RadioGroup
        legend={t('fields.favorite')}
        name={`${id}-favorite`}
        value={tri(filters.favorite)}
        options={[
          { value: 'any', label: t('filters.any') },
          { value: 'yes', label: t('filters.favoritesOnly') },
          { value: 'no', label: t('filters.notFavorites') },
        ]}
        onChange={(value) => onChange({ favorite: value === 'any' ? undefined : value === 'yes' })}
      />
      <RadioGroup
        legend={t('filters.archived')}
        name={`${id}-archived`}
        value={archivedChoice(filters.archived)}
        options={[
          { value: 'active', label: t('filters.activeOnly') },
          { value: 'archived', label: t('filters.archivedOnly') },
          { value: 'all', label: t('filters.activeAndArchived') },
        ]}
        onChange={(value) => onChange({ archived: value === 'active' ? undefined : value === 'archived' ? true : 'all' })}
      />
      <fieldset className="filter-group">
        <legend>{t('filters.appliedBetween')}</legend>
        <div className="filter-range">
          <input
            type="date"
            className="input input-sm"
            aria-label={t('filters.appliedFrom')}
            value={filters.appliedFrom ?? ''}
            onChange={(event) => onChange({ appliedFrom: event.target.value || undefined })}
          />
          <span aria-hidden="true">–</span>
          <input
            type="date"
            className="input input-sm"
            aria-label={t('filters.appliedTo')}
            value={filters.appliedTo ?? ''}
            onChange={(event) => onChange({ appliedTo: event.target.value || undefined })}
          />
        </div>
      </fieldset>
      <fieldset className="filter-group">
        <legend>{t('filters.salaryBetween')}</legend>
        <div className="filter-range">
          <input
            type="number"
            min={0}
            inputMode="numeric"
            className="input input-sm"
            aria-label={t('filters.salaryMin')}
            placeholder={t('filters.min')}
            value={filters.salaryMin ?? ''}
            onChange={(event) => onChange({ salaryMin: parseAmount(event.target.value) })}
          />
          <span aria-hidden="true">–</span>
          <input
            type="number"
            min={0}
            inputMode="numeric"
            className="input input-sm"
            aria-label={t('filters.salaryMax')}
            placeholder={t('filters.max')}
            value={filters.salaryMax ?? ''}
            onChange={(event) => onChange({ salaryMax: parseAmount(event.target.value) })}
          />
          <CurrencyInput value={filters.salaryCurrency} onChange={(salaryCurrency) => onChange({ salaryCurrency })} />
        </div>
      </fieldset>
      <CustomFieldFilters filters={filters} onChange={(next) => onChange({ customFields: next.customFields })} />
    </div>
  );
}

/** Three letters, applied only once it is a whole ISO code, so a half-typed code never reaches the list. */
function CurrencyInput({ value, onChange }: { value: string | undefined; onChange(value: string | undefined): void }) {
  const { t } = useTranslation('applications');
  const [text, setText] = useState(value ?? '');
  return (
    <input
      className="input input-sm filter-currency"
      aria-label={t('filters.salaryCurrency')}
      placeholder={t('filters.currencyPlaceholder')}
      maxLength={3}
      value={text}
      onChange={(event) => {
        const next = event.target.value.toUpperCase().replace(/[^A-Z]/g, '');
        setText(next);
        if (next.length === 3) onChange(next);
        else if (next.length === 0) onChange(undefined);
      }}
    />
  );
}

function CompanyFilter({ filters, onChange }: { filters: ApplicationFilters; onChange: Change }) {
  const { t } = useTranslation('applications');
  const chosenName = useCompanyName(filters.companyId);
  const [text, setText] = useState<string | null>(null);
  const id = useId();
  return (
    <fieldset className="filter-group">
      <legend>
        <label htmlFor={id}>{t('fields.company')}</label>
      </legend>
      <CompanyCombobox
        id={id}
        className="input-sm"
        text={text ?? chosenName ?? ''}
        placeholder={t('filters.anyCompany')}
        onTextChange={(value) => {
          setText(value);
          if (!value.trim()) onChange({ companyId: undefined });
        }}
        onSelect={(company) => {
          setText(null);
          onChange({ companyId: company.id });
        }}
      />
    </fieldset>
  );
}
