import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPosting } from '../../src-main/capture/read-posting';
import { openTempApp, type TempApp } from '../support/temp-app';
import { welcomeToTheJungle } from './pages';

describe('a captured posting frozen on its application', () => {
  let app: TempApp;
  beforeEach(async () => {
    app = await openTempApp();
  });
  afterEach(() => app.close());

  it('is saved by applications.create with its address and capture date, and no update changes it', async () => {
    const url = 'https://www.welcometothejungle.com/fr/companies/lumen/jobs/developpeur-react_lyon';
    const [draft] = readPosting({ html: welcomeToTheJungle, url }).postings;
    const created = await app.api.invoke('applications.create', {
      companyName: draft.companyName!,
      position: draft.position,
      postingUrl: draft.postingUrl,
      description: draft.description,
      source: draft.source,
      salaryMin: draft.salaryMin,
      salaryMax: draft.salaryMax,
      salaryCurrency: draft.salaryCurrency,
      salaryPeriod: draft.salaryPeriod,
      capturedPosting: { text: draft.description, url, capturedAt: '2026-12-04T21:30:00.000Z' },
    });
    const frozen = { text: "Rejoignez l'équipe", url, capturedAt: '2026-12-04T21:30:00.000Z' };
    expect(created.capturedPosting).toEqual(frozen);

    await app.api.invoke('applications.update', { id: created.id, patch: { description: 'My own notes on it' } });
    const updated = await app.api.invoke('applications.get', { id: created.id });
    expect(updated).toMatchObject({ description: 'My own notes on it', capturedPosting: frozen });
    // The patch has no field for it: an attempt is refused, not silently ignored.
    const attempt = await app.api.call('applications.update', { id: created.id, patch: { capturedPosting: null } });
    expect(attempt).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    // Written through the change log, so it syncs and is backed up like the rest of the row.
    const logged = app.context.db.sql(`SELECT value FROM change_log WHERE row_id = ? AND table_name = 'applications'`).all(created.id) as { value: unknown }[];
    expect(logged.some((entry) => String(entry.value).includes('"posting_captured_at":"2026-12-04T21:30:00.000Z"'))).toBe(true);
  });

  it('is null on an application typed in, and a bad capture date is refused', async () => {
    const typed = await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Welder' });
    expect(typed.capturedPosting).toBeNull();
    const bad = await app.api.call('applications.create', { companyName: 'Acme', position: 'Welder', capturedPosting: { text: 'x', url: 'ftp://x', capturedAt: 'yesterday' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await app.api.invoke('applications.list', {})).items).toHaveLength(1);
  });
});
