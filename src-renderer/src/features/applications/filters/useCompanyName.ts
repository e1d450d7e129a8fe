import { useChannel } from '../../../api/hooks';

/** The name of a company by id (for filter chips and pickers); undefined while loading or when none. */
export function useCompanyName(id: string | undefined): string | undefined {
  const company = useChannel('companies.get', id ? { id } : undefined, { enabled: Boolean(id) });
  return id ? company.data?.name : undefined;
}
