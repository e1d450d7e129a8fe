import type { TFunction } from 'i18next';
import type { ApplicationFilters, CustomField, CustomFieldFilter } from '../../../../src-shared/contract';
import type { Formatters } from '../../ui/format';
import type { FilterChip } from '../applications/filters/chips';

/** The condition on one field in a filter set (an empty one when there is none). */
export function customFilterOf(filters: ApplicationFilters, fieldId: string): CustomFieldFilter {
  return filters.customFields?.find((filter) => filter.fieldId === fieldId) ?? { fieldId };
}

const isEmpty = (filter: CustomFieldFilter) =>
  Object.entries(filter).every(([key, value]) => key === 'fieldId' || value === undefined || (Array.isArray(value) && value.length === 0));

/** The filter set with one field's condition changed (a condition left empty is dropped, as unset filters are). */
export function withCustomFilter(filters: ApplicationFilters, fieldId: string, patch: Partial<CustomFieldFilter>): ApplicationFilters {
  const next = { ...customFilterOf(filters, fieldId), ...patch, fieldId };
  const others = (filters.customFields ?? []).filter((filter) => filter.fieldId !== fieldId);
  const customFields = isEmpty(next) ? others : [...others, next];
  return { ...filters, customFields: customFields.length > 0 ? customFields : undefined };
}

/** One chip's words per condition on a custom field ("Signing bonus: ≥ 1,000"). */
export function customFilterChips(filters: ApplicationFilters, fields: readonly CustomField[], t: TFunction, format: Formatters): FilterChip[] {
  return (filters.customFields ?? []).flatMap((filter): FilterChip[] => {
    const field = fields.find((candidate) => candidate.id === filter.fieldId);
    if (!field) return [];
    const parts = [
      filter.text !== undefined && t('customFields:chip.contains', { text: filter.text }),
      filter.min !== undefined && t('customFields:chip.atLeast', { value: format.number(filter.min) }),
      filter.max !== undefined && t('customFields:chip.atMost', { value: format.number(filter.max) }),
      filter.from !== undefined && t('customFields:chip.since', { date: format.date(filter.from) }),
      filter.to !== undefined && t('customFields:chip.until', { date: format.date(filter.to) }),
      filter.choices?.length && filter.choices.map((id) => field.choices.find((choice) => choice.id === id)?.label ?? '…').join(', '),
      filter.empty !== undefined && t(filter.empty ? 'customFields:chip.empty' : 'customFields:chip.filled'),
    ].filter((part): part is string => typeof part === 'string' && part !== '');
    return [
      {
        id: `custom:${field.id}`,
        keys: ['customFields'],
        label: t('applications:filters.chip', { name: field.name, value: parts.join(' ') }),
        clear: (current: ApplicationFilters) => withCustomFilter(current, field.id, { text: undefined, min: undefined, max: undefined, from: undefined, to: undefined, choices: undefined, empty: undefined }),
      },
    ];
  });
}
