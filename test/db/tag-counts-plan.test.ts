import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplication } from '../integration/support/fixtures';
import { openTempApp, type TempApp } from '../support/temp-app';
import { captureStatements, planOf } from './support/statements';

/**
 * The tag list (the application form's and the filter panel's tags) counts each tag's applications. Looking up the
 * application of every link cost 214 ms at 100,000 applications on main's thread: the count must come from the
 * links' index, less the links of trashed applications found from those applications (few), not from every link.
 */

let app: TempApp;
let seen: string[] = [];
beforeAll(async () => {
  app = await openTempApp();
  seen = captureStatements(app.context.db);
});
afterAll(() => app?.close());

describe('the tag list’s counts', () => {
  it('count live and archived applications, not trashed ones nor removed links, without a lookup per link', async () => {
    const { api } = app;
    const kept = await createApplication(api, { tags: ['remote', 'startup'] });
    const archived = await createApplication(api, { tags: ['remote'] });
    await api.invoke('applications.archive', { ids: [archived.id] });
    const trashed = await createApplication(api, { tags: ['remote', 'startup'] });
    await api.invoke('applications.delete', { id: trashed.id });
    const untagged = await createApplication(api, { tags: ['startup'] });
    await api.invoke('applications.update', { id: untagged.id, patch: { tags: [] } });
    expect(kept.tags).toEqual(['remote', 'startup']);

    seen.length = 0;
    const tags = await api.invoke('tags.list', undefined);
    expect(tags.map((tag) => [tag.name, tag.applicationCount])).toEqual([
      ['remote', 2],
      ['startup', 1],
    ]);
    await api.invoke('applications.restore', { ids: [trashed.id] });
    expect((await api.invoke('tags.list', undefined)).map((tag) => tag.applicationCount)).toEqual([3, 2]);

    const listQuery = seen.find((text) => /FROM tags t/.test(text));
    expect(listQuery, seen.join('\n---\n')).toBeDefined();
    const plan = planOf(app.context.db, listQuery!);
    // The trashed applications are the outer loop, through their own index; no application is looked up per link.
    expect(plan.some((step) => /SCAN a USING (COVERING )?INDEX applications_deleted\b/.test(step)), plan.join('\n')).toBe(true);
    expect(plan.some((step) => /SEARCH a\b/.test(step)), plan.join('\n')).toBe(false);
  });
});
