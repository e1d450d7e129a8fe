import type { TFunction } from 'i18next';
import type { ApplicationFilters, Stage } from '../../../../../src-shared/contract';
import type { Formatters } from '../../../ui/format';

export interface FilterChip {
  /** The filter keys the chip clears… */
  keys: (keyof ApplicationFilters)[];
  label: string;
  /** …or, for one condition among several of a key (a custom field's), how it clears that one. */
  clear?: (filters: ApplicationFilters) => ApplicationFilters;
  id?: string;
}

interface Vocabulary {
  t: TFunction;
  format: Formatters;
  stages: Stage[];
  stageName(stage: Stage): string;
  sourceLabel(source: string): string;
  companyName: string | undefined;
}

const list = (values: string[]) => values.join(', ');

/** One chip per active filter, saying in words what it keeps ("Stage: Applied, Offer"). */
export function filterChips(filters: ApplicationFilters, { t, format, stages, stageName, sourceLabel, companyName }: Vocabulary): FilterChip[] {
  const chips: FilterChip[] = [];
  const add = (keys: (keyof ApplicationFilters)[], name: string, value: string) =>
    chips.push({ keys, label: t('applications:filters.chip', { name, value }) });

  if (filters.text) add(['text'], t('applications:filters.text'), `“${filters.text}”`);
  if (filters.stageCategories?.length)
    add(['stageCategories'], t('applications:filters.stageCategories'), list(filters.stageCategories.map((c) => t(`common:stageCategory.${c}`))));
  if (filters.stageIds?.length) {
    const names = filters.stageIds.map((id) => {
      const stage = stages.find((candidate) => candidate.id === id);
      return stage ? stageName(stage) : '…';
    });
    add(['stageIds'], t('applications:filters.stages'), list(names));
  }
  if (filters.employmentTypes?.length)
    add(['employmentTypes'], t('applications:fields.employmentType'), list(filters.employmentTypes.map((v) => t(`common:employmentType.${v}`))));
  if (filters.workModes?.length) add(['workModes'], t('applications:fields.workMode'), list(filters.workModes.map((v) => t(`common:workMode.${v}`))));
  if (filters.sources?.length) add(['sources'], t('applications:fields.source'), list(filters.sources.map(sourceLabel)));
  if (filters.companyId) add(['companyId'], t('applications:fields.company'), companyName ?? '…');
  if (filters.tags?.length) add(['tags'], t('applications:fields.tags'), list(filters.tags));
  if (filters.favorite !== undefined)
    chips.push({ keys: ['favorite'], label: filters.favorite ? t('applications:filters.favoritesOnly') : t('applications:filters.notFavorites') });
  if (filters.archived !== undefined && filters.archived !== false)
    chips.push({ keys: ['archived'], label: filters.archived === 'all' ? t('applications:filters.activeAndArchived') : t('applications:filters.archivedOnly') });
  if (filters.appliedFrom || filters.appliedTo) {
    const value =
      filters.appliedFrom && filters.appliedTo
        ? `${format.date(filters.appliedFrom)} – ${format.date(filters.appliedTo)}`
        : filters.appliedFrom
          ? t('applications:filters.since', { date: format.date(filters.appliedFrom) })
          : t('applications:filters.until', { date: format.date(filters.appliedTo) });
    add(['appliedFrom', 'appliedTo'], t('applications:fields.appliedOn'), value);
  }
  if (filters.salaryMin !== undefined || filters.salaryMax !== undefined || filters.salaryCurrency) {
    const amount = (value: number) => (filters.salaryCurrency ? format.money(value, filters.salaryCurrency) : format.number(value));
    const parts = [
      filters.salaryMin !== undefined ? `≥ ${amount(filters.salaryMin)}` : '',
      filters.salaryMax !== undefined ? `≤ ${amount(filters.salaryMax)}` : '',
      filters.salaryMin === undefined && filters.salaryMax === undefined ? (filters.salaryCurrency ?? '') : '',
    ].filter(Boolean);
    add(['salaryMin', 'salaryMax', 'salaryCurrency'], t('applications:fields.salary'), parts.join(' '));
  }
  return chips;
}
