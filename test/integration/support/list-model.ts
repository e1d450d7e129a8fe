import {
  stageCategories,
  type ApplicationFilters,
  type ApplicationSortColumn,
  type ApplicationSummary,
} from '../../../src-shared/contract';
import { nameKey } from '../../../src-shared/text';

type SortValue = string | number | null;

/** What each sort column sorts by, as the user sees it: text ignoring case and accents, stages in funnel order. */
export const sortValue: Record<ApplicationSortColumn, (item: ApplicationSummary) => SortValue> = {
  appliedOn: (item) => item.appliedOn,
  createdAt: (item) => item.createdAt,
  updatedAt: (item) => item.updatedAt,
  company: (item) => nameKey(item.companyName),
  position: (item) => nameKey(item.position),
  stage: (item) => stageCategories.indexOf(item.stageCategory),
  employmentType: (item) => item.employmentType,
  workMode: (item) => item.workMode,
  location: (item) => (item.location === null ? null : nameKey(item.location)),
  source: (item) => item.source,
  salaryMin: (item) => item.salaryMin,
  salaryMax: (item) => item.salaryMax,
  priority: (item) => item.priority,
  excitement: (item) => item.excitement,
  deadline: (item) => item.deadline,
  favorite: (item) => (item.favorite ? 1 : 0),
  firstResponseOn: (item) => item.firstResponseOn,
  // A sort by a custom field names the field: test/integration/custom-fields.test.ts checks it.
  custom: () => null,
};

/** Whether `items` are in `direction` order of `column`, empty values last either way. */
export function sortedBy(items: ApplicationSummary[], column: ApplicationSortColumn, direction: 'asc' | 'desc'): boolean {
  const values = items.map(sortValue[column]);
  const firstNull = values.indexOf(null);
  if (firstNull >= 0 && values.slice(firstNull).some((value) => value !== null)) return false;
  const present = firstNull >= 0 ? values.slice(0, firstNull) : values;
  for (let index = 1; index < present.length; index += 1) {
    const [a, b] = [present[index - 1]!, present[index]!];
    if (direction === 'asc' ? a > b : a < b) return false;
  }
  return true;
}

/** The filters of the contract, written independently of the SQL: what the user means by each. */
export function matchesFilters(item: ApplicationSummary, filters: ApplicationFilters): boolean {
  const archived = filters.archived ?? false;
  const low = item.salaryMin ?? item.salaryMax;
  const high = item.salaryMax ?? item.salaryMin;
  const checks = [
    archived === 'all' || item.archived === archived,
    !filters.stageCategories?.length || filters.stageCategories.includes(item.stageCategory),
    !filters.stageIds?.length || filters.stageIds.includes(item.stageId),
    !filters.employmentTypes?.length || (item.employmentType !== null && filters.employmentTypes.includes(item.employmentType)),
    !filters.workModes?.length || (item.workMode !== null && filters.workModes.includes(item.workMode)),
    !filters.sources?.length || (item.source !== null && filters.sources.includes(item.source)),
    filters.companyId === undefined || item.companyId === filters.companyId,
    !filters.tags?.length || item.tags.some((tag) => filters.tags!.map(nameKey).includes(nameKey(tag))),
    filters.favorite === undefined || item.favorite === filters.favorite,
    filters.appliedFrom === undefined || (item.appliedOn !== null && item.appliedOn >= filters.appliedFrom),
    filters.appliedTo === undefined || (item.appliedOn !== null && item.appliedOn <= filters.appliedTo),
    filters.salaryMin === undefined || (high !== null && high >= filters.salaryMin),
    filters.salaryMax === undefined || (low !== null && low <= filters.salaryMax),
    filters.salaryCurrency === undefined || item.salaryCurrency === filters.salaryCurrency,
  ];
  return checks.every(Boolean);
}
