import { describe, expect, it } from 'vitest';
import type { Channel } from '../../src-shared/contract';
import { earliestPlausibleYear, latestPlausibleYear } from '../../src-shared/contract';
import { upload } from '../imports/support/files';
import { useTempApp } from './support/app';
import { databaseFingerprint } from './support/fingerprint';
import { createApplication, seedWorld, type World } from './support/fixtures';
import { expectOk, expectValidation } from './support/results';

/**
 * Issue 19, item 1: one bound on every date (src-shared/contract/dates.ts). 31/12/9999 once crashed the dashboard
 * for good; it and its kind are refused at every door, with a message naming the bounds, and nothing is written.
 */
const handle = useTempApp();
const lastYear = latestPlausibleYear();
const tooLate = [`${lastYear + 1}-01-01`, '9999-12-31'];
const tooEarly = [`${earliestPlausibleYear - 1}-12-31`, '0202-05-01'];

/** A channel call with a date at `field`, built from the seeded world. */
type DateCase = [Channel, string, (w: World, day: string) => unknown];
const cases: DateCase[] = [
  ['applications.create', 'appliedOn', (_w, day) => ({ companyName: 'Acme', position: 'Dev', appliedOn: day })],
  ['applications.create', 'deadline', (_w, day) => ({ companyName: 'Acme', position: 'Dev', deadline: day })],
  ['applications.create', 'stageAt', (_w, day) => ({ companyName: 'Acme', position: 'Dev', stageAt: `${day}T10:00:00Z` })],
  ['applications.update', 'patch.appliedOn', (w, day) => ({ id: w.application.id, patch: { appliedOn: day } })],
  ['applications.update', 'patch.firstResponseOn', (w, day) => ({ id: w.application.id, patch: { firstResponseOn: day } })],
  ['applications.setStage', 'occurredAt', (w, day) => ({ id: w.application.id, stageId: w.stages.screening, occurredAt: `${day}T10:00:00+02:00` })],
  ['applications.list', 'appliedFrom', (_w, day) => ({ appliedFrom: day })],
  ['interviews.create', 'scheduledAt', (w, day) => ({ applicationId: w.application.id, scheduledAt: `${day}T09:00:00Z` })],
  ['tasks.create', 'dueOn', (_w, day) => ({ title: 'Follow up', dueOn: day })],
  ['statistics.dashboard', 'to', (_w, day) => ({ to: day })],
];

describe('the plausible-date bound', () => {
  it.each(cases)('%s refuses an implausible %s, naming the bounds, and writes nothing', async (channel, field, input) => {
    const world = await seedWorld(handle.api);
    const before = databaseFingerprint(handle.db);
    for (const day of [...tooLate, ...tooEarly]) {
      const issues = expectValidation(await handle.api.call(channel, input(world, day) as never), field);
      expect(issues.map((issue) => issue.message)).toContain(`must be a date from ${earliestPlausibleYear} to ${lastYear}`);
    }
    expect(databaseFingerprint(handle.db)).toEqual(before);
  });

  it('accepts both ends of the bound', async () => {
    const first = await createApplication(handle.api, { appliedOn: `${earliestPlausibleYear}-01-01` });
    const last = await createApplication(handle.api, { deadline: `${lastYear}-12-31` });
    expect([first.appliedOn, last.deadline]).toEqual([`${earliestPlausibleYear}-01-01`, `${lastYear}-12-31`]);
    expectOk(await handle.api.call('tasks.create', { title: 'Far ahead', dueOn: `${lastYear}-12-31` }));
  });

  it('refuses a JSON backup holding an implausible date, before anything is written', async () => {
    await createApplication(handle.api, { appliedOn: '2024-03-01' });
    const exported = await handle.api.invoke('exports.json', {});
    if (exported.kind !== 'content') throw new Error('expected the backup as content');
    const backup = JSON.parse(exported.content) as { tables: { applications: { applied_on: string }[] } };
    backup.tables.applications[0].applied_on = '9999-12-31';
    await handle.api.invoke('applications.delete', { id: (await handle.api.invoke('applications.list', {})).items[0].id });
    const before = databaseFingerprint(handle.db);
    const source = upload(JSON.stringify(backup), 'candid-backup.json');
    const refusal = { code: 'VALIDATION', details: { reason: 'backup_invalid' } };
    await expect(handle.api.invoke('imports.preview', { source })).rejects.toMatchObject(refusal);
    await expect(handle.api.invoke('imports.run', { source, options: { mergeBackup: true } })).rejects.toMatchObject(refusal);
    await expect(handle.api.invoke('imports.preview', { source })).rejects.toThrow(/applied_on: must be a date from 1970/);
    expect(databaseFingerprint(handle.db)).toEqual(before);
  });
});
