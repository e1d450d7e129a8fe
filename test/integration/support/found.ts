import { expect } from 'vitest';
import type { Api } from '../../../src-main/api';

/**
 * For each text typed, the ids of the applications the search box finds, sorted; the list filtered by the same
 * text must find the same ones (both read the full-text index), archived ones included.
 */
export async function foundByText(api: Api, typed: readonly string[]): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const text of typed) {
    const search = (await api.invoke('search.query', { text, limit: 50 })).applications.map((item) => item.id).sort();
    const list = await api.invoke('applications.list', { text, archived: 'all' });
    expect(list.items.map((item) => item.id).sort(), `list and search disagree on "${text}"`).toEqual(search);
    expect(list.total).toBe(search.length);
    result[text] = search;
  }
  return result;
}
