import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportStaging } from '../../src-main/imports/staging';
import { openTempApp, type TempApp } from '../support/temp-app';
import { fingerprint } from './support/files';

let app: TempApp;
let staging: ImportStaging | undefined;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => {
  staging?.close();
  app.close();
});

describe('the import’s copy into the live database', () => {
  it('refuses a staged row whose parent is missing, and writes nothing: the live database checks what staging does not', async () => {
    await app.api.invoke('applications.create', { companyName: 'Existing', position: 'Developer' });
    const before = fingerprint(app);
    staging = await ImportStaging.create(app.context);
    // Staging does not look parents up (the live copy does): a row pointing at no company is written there.
    staging.changes.write((write) => {
      write.insert('applications', { company_id: 'no-such-company', position: 'Analyst' });
    });
    expect(() => staging!.apply(app.context.db)).toThrow(/FOREIGN KEY/);
    expect(fingerprint(app)).toBe(before);
  });
});
