import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../src-main/changes/writer';
import { openTempApp, type TempApp } from '../support/temp-app';
import { databaseFingerprint } from './support/fingerprint';
import { expectError } from './support/results';

// Contacts as a small CRM (issue 19, item 6): the interaction log, "last contacted" read from it, the next
// follow-up, and that all of it travels like every other synced row (JSON backup, sync's applyRemote).

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

/** This device's change-log entries after `seq`, as sync ships them. */
function changesSince(source: TempApp, seq = 0): Change[] {
  return source.context.db.sqlite
    .prepare(`SELECT hlc, table_name AS "table", row_id AS rowId, column_name AS "column", value FROM change_log WHERE seq > ? AND origin = 'local' ORDER BY seq`)
    .all(seq) as Change[];
}
const lastSeq = (source: TempApp) => source.context.db.sqlite.prepare(`SELECT coalesce(max(seq), 0) FROM change_log`).pluck().get() as number;

async function contactWithLog(target: TempApp) {
  const application = await target.api.invoke('applications.create', { companyName: 'Acme', position: 'Backend developer' });
  const contact = await target.api.invoke('contacts.create', { name: 'Hélène Martin', companyId: application.companyId });
  const call = await target.api.invoke('interactions.create', {
    contactId: contact.id,
    occurredOn: '2024-03-05',
    channel: 'phone',
    note: 'Talked about the team',
    applicationId: application.id,
    nextFollowUpOn: '2024-03-15',
  });
  const mail = await target.api.invoke('interactions.create', { contactId: contact.id, occurredOn: '2024-03-08', channel: 'email' });
  return { application, contact, call, mail };
}

describe('the interaction log', () => {
  it('gives "last contacted" from the latest live entry, whatever order the entries were logged in', async () => {
    const { contact, call, mail } = await contactWithLog(app);
    await app.api.invoke('interactions.create', { contactId: contact.id, occurredOn: '2024-01-02', channel: 'meeting' });
    const detail = await app.api.invoke('contacts.get', { id: contact.id });
    expect(detail).toMatchObject({ lastContactedOn: '2024-03-08', nextFollowUpOn: '2024-03-15', interactionCount: 3 });
    expect(detail.interactions.map((entry) => entry.occurredOn)).toEqual(['2024-03-08', '2024-03-05', '2024-01-02']);
    expect(detail.interactions[1]).toMatchObject({ id: call.id, applicationLabel: 'Acme — Backend developer' });
    expect((await app.api.invoke('contacts.list', {})).items[0]).toMatchObject({ lastContactedOn: '2024-03-08' });

    await app.api.invoke('interactions.delete', { id: mail.id });
    expect((await app.api.invoke('contacts.get', { id: contact.id })).lastContactedOn).toBe('2024-03-05');
  });

  it('keeps an entry whose application was deleted, without the link label', async () => {
    const { application, contact, call } = await contactWithLog(app);
    await app.api.invoke('applications.delete', { id: application.id });
    const entry = (await app.api.invoke('contacts.get', { id: contact.id })).interactions.find((item) => item.id === call.id);
    expect(entry).toMatchObject({ applicationId: application.id, applicationLabel: null, note: 'Talked about the team' });
  });

  it('refuses a link to a deleted application, and writes nothing', async () => {
    const { application, contact } = await contactWithLog(app);
    await app.api.invoke('applications.delete', { id: application.id });
    const before = databaseFingerprint(app.context.db);
    expectError(
      await app.api.call('interactions.create', { contactId: contact.id, occurredOn: '2024-03-09', channel: 'phone', applicationId: application.id, nextFollowUpOn: null }),
      'NOT_FOUND',
    );
    expect(databaseFingerprint(app.context.db)).toEqual(before);
  });

  it('refuses an entry for a deleted contact', async () => {
    const { contact } = await contactWithLog(app);
    await app.api.invoke('contacts.delete', { id: contact.id });
    const before = databaseFingerprint(app.context.db);
    expectError(await app.api.call('interactions.create', { contactId: contact.id, occurredOn: '2024-03-09', channel: 'phone' }), 'NOT_FOUND');
    expect(databaseFingerprint(app.context.db)).toEqual(before);
  });
});

describe('follow-ups', () => {
  it('lists the contacts due by a day, soonest first, and moves with a reschedule', async () => {
    const { contact } = await contactWithLog(app);
    const later = await app.api.invoke('contacts.create', { name: 'Bob Stone', nextFollowUpOn: '2024-03-20' });
    await app.api.invoke('contacts.create', { name: 'No plan' });
    expect((await app.api.invoke('contacts.followUps', { dueOnOrBefore: '2024-03-15' })).map((row) => row.name)).toEqual(['Hélène Martin']);
    await app.api.invoke('contacts.update', { id: contact.id, patch: { nextFollowUpOn: '2024-03-22' } });
    expect((await app.api.invoke('contacts.followUps', { dueOnOrBefore: '2024-03-15' }))).toEqual([]);
    expect((await app.api.invoke('contacts.followUps', {})).map((row) => row.contactId)).toEqual([later.id, contact.id]);
  });

  it('hides the follow-up of a deleted contact, and brings it back with it', async () => {
    const { contact } = await contactWithLog(app);
    await app.api.invoke('contacts.delete', { id: contact.id });
    expect(await app.api.invoke('contacts.followUps', {})).toEqual([]);
    await app.api.invoke('contacts.restore', { id: contact.id });
    expect((await app.api.invoke('contacts.followUps', {})).map((row) => row.nextFollowUpOn)).toEqual(['2024-03-15']);
  });
});

describe('the log travels like every synced row', () => {
  it('goes through the JSON backup and comes back into an empty database', async () => {
    const { contact } = await contactWithLog(app);
    const exported = await app.api.invoke('exports.json', {});
    if (exported.kind !== 'content') throw new Error('expected the backup as content');
    const parsed = JSON.parse(exported.content) as { tables: Record<string, Record<string, unknown>[]> };
    expect(parsed.tables.contact_interactions).toHaveLength(2);
    expect(parsed.tables.contacts[0]).toMatchObject({ next_follow_up_on: '2024-03-15' });

    const restored = await openTempApp();
    try {
      const source = { content: Buffer.from(exported.content).toString('base64'), fileName: 'candid-backup.json' };
      await restored.api.invoke('imports.run', { source });
      const detail = await restored.api.invoke('contacts.get', { id: contact.id });
      expect(detail).toMatchObject({ lastContactedOn: '2024-03-08', nextFollowUpOn: '2024-03-15', interactionCount: 2 });
      expect(detail.interactions[1]).toMatchObject({ channel: 'phone', note: 'Talked about the team', applicationLabel: 'Acme — Backend developer' });
    } finally {
      restored.close();
    }
  });

  it('reaches another device through applyRemote, and edits of different fields on two devices merge', async () => {
    const laptop = app;
    const phone = await openTempApp();
    try {
      const { contact, call } = await contactWithLog(laptop);
      phone.context.changes.applyRemote(changesSince(laptop));
      expect(await phone.api.invoke('contacts.get', { id: contact.id })).toMatchObject({ lastContactedOn: '2024-03-08', nextFollowUpOn: '2024-03-15' });

      // Offline on both: the laptop reschedules the follow-up, the phone corrects the note of the call.
      const laptopSeq = lastSeq(laptop);
      const phoneSeq = lastSeq(phone);
      await laptop.api.invoke('contacts.update', { id: contact.id, patch: { nextFollowUpOn: '2024-04-01' } });
      await phone.api.invoke('interactions.update', { id: call.id, patch: { note: 'Talked about the team and the stack' } });
      phone.context.changes.applyRemote(changesSince(laptop, laptopSeq));
      laptop.context.changes.applyRemote(changesSince(phone, phoneSeq));
      for (const device of [laptop, phone]) {
        const detail = await device.api.invoke('contacts.get', { id: contact.id });
        expect(detail.nextFollowUpOn).toBe('2024-04-01');
        expect(detail.interactions.find((entry) => entry.id === call.id)?.note).toBe('Talked about the team and the stack');
      }
    } finally {
      phone.close();
    }
  });
});
