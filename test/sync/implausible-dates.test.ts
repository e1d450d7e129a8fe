import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/support/server';
import type { TempApp } from '../support/temp-app';
import { connect, joinBoth, openDevice, syncNow } from './support/devices';
import { valueRowId } from '../../src-main/custom-fields/values';
import { newId } from '../../src-main/changes/ids';

// #19: a date out of the plausible bounds that another device wrote past its checks (an older version, a script)
// must neither reach this device's database nor stop sync: the field keeps the local value, everything else applies,
// and Settings ▸ Sync says what was ignored.

let server: TestServer;
const devices: TempApp[] = [];
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const device of devices.splice(0)) device.close();
  await server.close();
});

async function device(options?: Parameters<typeof openDevice>[0]): Promise<TempApp> {
  const opened = await openDevice(options);
  devices.push(opened);
  return opened;
}

const stored = (app: TempApp, sql: string, ...params: unknown[]) => app.context.db.sqlite.prepare(sql).get(...params) as Record<string, unknown> | undefined;

describe('an implausible date arriving by sync', () => {
  it('is not applied, the rest of the entry and of the batch is, sync goes on, and the status names it', async () => {
    const laptop = await device({ snapshotEveryRun: true });
    const acme = await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Backend developer', appliedOn: '2026-03-02' });
    const desktop = await device();
    await joinBoth(server, laptop, desktop);

    // Past the write path's checks: the laptop's database takes 9999 as it would from an old version.
    const taskId = laptop.context.changes.write((write) => {
      write.update('applications', acme.id, { applied_on: '9999-12-31', notes: 'written with the bad date' });
      return write.insert('tasks', { title: 'Call Acme back', due_on: '9999-01-01', application_id: acme.id });
    });
    await syncNow(laptop);
    const afterSync = await syncNow(desktop);

    expect(afterSync.lastError).toBeNull();
    expect(stored(desktop, `SELECT applied_on, notes FROM applications WHERE id = ?`, acme.id)).toEqual({
      applied_on: '2026-03-02',
      notes: 'written with the bad date',
    });
    // The creation applied without its date.
    expect(stored(desktop, `SELECT title, due_on FROM tasks WHERE id = ?`, taskId)).toEqual({ title: 'Call Acme back', due_on: null });
    expect(afterSync.ignoredDates.map(({ table, column, subject, value }) => ({ table, column, subject, value }))).toEqual(
      expect.arrayContaining([
        { table: 'applications', column: 'applied_on', subject: 'Acme', value: '9999-12-31' },
        { table: 'tasks', column: 'due_on', subject: 'Call Acme back', value: '9999-01-01' },
      ]),
    );
    expect(afterSync.ignoredDates).toHaveLength(2);

    // Its dashboard stays well, and sync goes on both ways.
    await expect(desktop.api.invoke('statistics.overview', {})).resolves.toBeTruthy();
    await expect(desktop.api.invoke('statistics.timeline', {})).resolves.toBeTruthy();
    await desktop.api.invoke('applications.update', { id: acme.id, patch: { position: 'Staff backend developer' } });
    await syncNow(desktop);
    await syncNow(laptop);
    expect((await laptop.api.invoke('applications.get', { id: acme.id })).position).toBe('Staff backend developer');
    // Pulled again (the same batches), the problem is listed once.
    expect((await syncNow(desktop)).ignoredDates).toHaveLength(2);

    // A device joining from the laptop's snapshot leaves the dates out the same way.
    const phone = await device();
    await connect(phone, server, { deviceName: 'Phone' });
    await phone.context.sync.runner.whenIdle();
    const joined = await syncNow(phone);
    expect(stored(phone, `SELECT applied_on, notes FROM applications WHERE id = ?`, acme.id)).toEqual({ applied_on: null, notes: 'written with the bad date' });
    expect(joined.ignoredDates.map(({ column }) => column).sort()).toEqual(['applied_on', 'due_on']);
    expect(joined.lastError).toBeNull();

    // Turning sync off and forgetting the connection forgets them too.
    expect((await desktop.api.invoke('sync.disconnect', { forget: true })).ignoredDates).toEqual([]);
  });

  it('checks a custom field value against its field kind when the field is known, and lists it with the field name', async () => {
    const laptop = await device({ snapshotEveryRun: true });
    const acme = await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Backend developer' });
    const globex = await laptop.api.invoke('applications.create', { companyName: 'Globex', position: 'Data engineer' });
    const startDate = await laptop.api.invoke('customFields.create', { name: 'Start date', kind: 'date' });
    const salary = await laptop.api.invoke('customFields.create', { name: 'Salary', kind: 'number' });
    await laptop.api.invoke('customFields.setValue', { applicationId: acme.id, fieldId: startDate.id, value: '2026-05-01' });
    await laptop.api.invoke('customFields.setValue', { applicationId: acme.id, fieldId: salary.id, value: 52000 });
    const desktop = await device();
    await joinBoth(server, laptop, desktop);

    // Past the write path: a change of a known date value, a new value row, a text in a number field, and a field
    // whose definition travels in the same batch as its value.
    const interview = await laptop.api.invoke('customFields.create', { name: 'Interview day', kind: 'date' });
    laptop.context.changes.write((write) => {
      write.update('application_field_values', valueRowId(acme.id, startDate.id), { value: '9999-12-31' });
      write.update('application_field_values', valueRowId(acme.id, salary.id), { value: 'lots' });
      write.insert('application_field_values', { application_id: globex.id, field_id: startDate.id, value: '9999-01-01' }, valueRowId(globex.id, startDate.id));
      write.insert('application_field_values', { application_id: globex.id, field_id: interview.id, value: '2026-02-30' }, valueRowId(globex.id, interview.id));
    });
    await syncNow(laptop);
    const afterSync = await syncNow(desktop);

    expect(afterSync.lastError).toBeNull();
    const value = (app: TempApp, applicationId: string, fieldId: string) =>
      stored(app, `SELECT value FROM application_field_values WHERE id = ?`, valueRowId(applicationId, fieldId))?.value;
    expect(value(desktop, acme.id, startDate.id)).toBe('2026-05-01');
    expect(value(desktop, acme.id, salary.id)).toBe(52000);
    // The new rows are created, without their value.
    expect(value(desktop, globex.id, startDate.id)).toBeNull();
    expect(value(desktop, globex.id, interview.id)).toBeNull();
    expect(
      afterSync.ignoredDates.map(({ table, column, subject, value, customField }) => ({ table, column, subject, value, field: customField?.name })),
    ).toEqual(
      expect.arrayContaining([
        { table: 'application_field_values', column: 'value', subject: 'Acme', value: '9999-12-31', field: 'Start date' },
        { table: 'application_field_values', column: 'value', subject: 'Acme', value: 'lots', field: 'Salary' },
        { table: 'application_field_values', column: 'value', subject: 'Globex', value: '9999-01-01', field: 'Start date' },
        { table: 'application_field_values', column: 'value', subject: 'Globex', value: '2026-02-30', field: 'Interview day' },
      ]),
    );
    expect(afterSync.ignoredDates).toHaveLength(4);
    expect(afterSync.ignoredDates.find((item) => item.value === 'lots')?.customField?.kind).toBe('number');

    // Sync goes on both ways.
    await desktop.api.invoke('customFields.setValue', { applicationId: globex.id, fieldId: startDate.id, value: '2026-06-01' });
    await syncNow(desktop);
    await syncNow(laptop);
    expect(value(laptop, globex.id, startDate.id)).toBe('2026-06-01');

    // A device joining from the laptop's snapshot leaves them out the same way.
    const phone = await device();
    await connect(phone, server, { deviceName: 'Phone' });
    await phone.context.sync.runner.whenIdle();
    const joined = await syncNow(phone);
    expect(value(phone, acme.id, startDate.id)).toBeNull();
    expect(value(phone, acme.id, salary.id)).toBeNull();
    expect(value(phone, globex.id, startDate.id)).toBe('2026-06-01');
    expect(joined.ignoredDates.map(({ value }) => value).sort()).toEqual(['2026-02-30', '9999-12-31', 'lots']);
    expect(joined.lastError).toBeNull();
  });

  it('accepts a value whose field arrives later, and the read side bears a 9999 date or a text in a date field', async () => {
    const laptop = await device();
    const acme = await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Backend developer' });
    const desktop = await device();
    await joinBoth(server, laptop, desktop);

    // The value first (its field unknown everywhere), its definition in a later batch: nothing can judge the value.
    const globex = await laptop.api.invoke('applications.create', { companyName: 'Globex', position: 'Data engineer' });
    const fieldId = newId();
    const salaryId = newId();
    laptop.context.changes.write((write) => {
      write.insert('application_field_values', { application_id: acme.id, field_id: fieldId, value: '9999-12-31' }, valueRowId(acme.id, fieldId));
      write.insert('application_field_values', { application_id: globex.id, field_id: fieldId, value: 'lots' }, valueRowId(globex.id, fieldId));
      write.insert('application_field_values', { application_id: acme.id, field_id: salaryId, value: 'many' }, valueRowId(acme.id, salaryId));
      write.insert('application_field_values', { application_id: globex.id, field_id: salaryId, value: 40000 }, valueRowId(globex.id, salaryId));
    });
    await syncNow(laptop);
    await syncNow(desktop);
    laptop.context.changes.write((write) => {
      write.insert('custom_fields', { name: 'Start date', kind: 'date', choices: '[]', position: 0 }, fieldId);
      write.insert('custom_fields', { name: 'Salary', kind: 'number', choices: '[]', position: 1 }, salaryId);
    });
    await syncNow(laptop);
    const afterSync = await syncNow(desktop);
    expect(afterSync.ignoredDates).toEqual([]);
    expect(stored(desktop, `SELECT value FROM application_field_values WHERE id = ?`, valueRowId(acme.id, fieldId))?.value).toBe('9999-12-31');

    // Displayed, filtered and exported without failing.
    const page = await desktop.api.invoke('applications.list', {});
    expect(page.items.find((item) => item.id === acme.id)?.customValues[fieldId]).toBe('9999-12-31');
    const filtered = await desktop.api.invoke('applications.list', { customFields: [{ fieldId, from: '2026-01-01' }] });
    expect(filtered.items.map((item) => item.id)).toEqual([acme.id]);
    expect(page.items.find((item) => item.id === globex.id)?.customValues[fieldId]).toBe('lots');
    // A range matches only values of the field's kind: SQLite ranks any text above every number and date.
    const paid = await desktop.api.invoke('applications.list', { customFields: [{ fieldId: salaryId, min: 1000 }] });
    expect(paid.items.map((item) => item.id)).toEqual([globex.id]);
    const sorted = await desktop.api.invoke('applications.list', { sort: { column: 'custom', direction: 'desc', fieldId } });
    // Sorted as written: a text after every date, descending first.
    expect(sorted.items.map((item) => item.id)).toEqual([globex.id, acme.id]);
    const exported = await desktop.api.invoke('exports.csv', { filters: {}, language: 'en', delimiter: ',', bom: false });
    expect(exported.kind === 'content' && exported.content).toContain('9999-12-31');
    expect(exported.kind === 'content' && exported.content).toContain('lots');
    await expect(desktop.api.invoke('exports.excel', { filters: {}, language: 'en' })).resolves.toBeTruthy();
    await expect(desktop.api.invoke('statistics.overview', {})).resolves.toBeTruthy();
  });
});
