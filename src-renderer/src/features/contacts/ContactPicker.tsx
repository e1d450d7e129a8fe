import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../api/hooks';
import { Combobox, type PickerOption } from '../shared/Combobox';
import type { FieldControlProps } from '../../ui/Field';

/**
 * Picks an existing contact. Before anything is typed it offers the people of `companyId` (the likeliest ones);
 * typing searches everyone. Contacts in `excludeIds` (already linked) are left out.
 */
export function ContactPicker({
  companyId,
  excludeIds,
  onPick,
  control,
}: {
  companyId?: string;
  excludeIds: Set<string>;
  onPick: (option: PickerOption) => void;
  control: FieldControlProps;
}) {
  const { t } = useTranslation('contacts');
  const [query, setQuery] = useState('');
  const text = query.trim();
  const { data, isFetching } = useChannel(
    'contacts.list',
    text ? { text, limit: 20 } : { companyId, limit: 20 },
    { placeholderData: keepPreviousData },
  );
  const options = (data?.items ?? [])
    .filter((contact) => !excludeIds.has(contact.id))
    .map((contact) => ({ id: contact.id, label: contact.name, detail: [contact.role, contact.companyName].filter(Boolean).join(' · ') }));
  return (
    <Combobox
      value={null}
      onChange={(option) => option && onPick(option)}
      options={options}
      onQueryChange={setQuery}
      loading={isFetching}
      placeholder={t('picker.placeholder')}
      emptyText={text ? t('picker.noMatch') : t('picker.noneAtCompany')}
      control={control}
    />
  );
}
