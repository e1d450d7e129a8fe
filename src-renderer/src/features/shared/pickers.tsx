import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../api/hooks';
import { Combobox, type PickerOption } from './Combobox';
import type { FieldControlProps } from '../../ui/Field';
import { useStageName } from '../../ui/StageBadge';
import { applicationLabel } from './labels';

interface PickerProps {
  value: PickerOption | null;
  onChange: (option: PickerOption | null) => void;
  control: FieldControlProps;
}

/** Picks an application by company or position (full-text search, most recent first). */
export function ApplicationPicker({ value, onChange, control }: PickerProps) {
  const { t } = useTranslation('records');
  const stageName = useStageName();
  const [query, setQuery] = useState('');
  const { data, isFetching } = useChannel('applications.list', { text: query.trim() || undefined, limit: 20 }, { placeholderData: keepPreviousData });
  const options = (data?.items ?? []).map((application) => ({
    id: application.id,
    label: applicationLabel(t, application),
    detail: stageName({ name: application.stageName, category: application.stageCategory }),
  }));
  return (
    <Combobox
      value={value}
      onChange={onChange}
      options={options}
      onQueryChange={setQuery}
      loading={isFetching}
      placeholder={t('picker.applicationPlaceholder')}
      emptyText={t('picker.noApplications')}
      control={control}
    />
  );
}

/** Picks a company by name; `excludeId` leaves one out (a company cannot be merged into itself). */
export function CompanyPicker({ value, onChange, control, excludeId }: PickerProps & { excludeId?: string }) {
  const { t } = useTranslation('records');
  const [query, setQuery] = useState('');
  const { data, isFetching } = useChannel('companies.autocomplete', { prefix: query, limit: 20 }, { placeholderData: keepPreviousData });
  const options = (data ?? [])
    .filter((company) => company.id !== excludeId)
    .map((company) => ({
      id: company.id,
      label: company.name,
      detail: t('picker.applicationCount', { count: company.applicationCount }),
    }));
  return (
    <Combobox
      value={value}
      onChange={onChange}
      options={options}
      onQueryChange={setQuery}
      loading={isFetching}
      placeholder={t('picker.companyPlaceholder')}
      emptyText={t('picker.noCompanies')}
      control={control}
    />
  );
}
