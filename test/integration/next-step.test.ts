import { describe, expect, it } from 'vitest';
import { useTempApp } from './support/app';

// The table's "next step" column (issue 19, item 5): each application's next open task, read with the list.

describe("an application's next step", () => {
  const handle = useTempApp();

  it('is the open task due first, undated ones after dated ones, done and deleted ones left out', async () => {
    const { api } = handle;
    const application = await api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' });
    const bare = await api.invoke('applications.create', { companyName: 'Globex', position: 'Designer' });
    const undated = await api.invoke('tasks.create', { title: 'Someday', applicationId: application.id });
    const later = await api.invoke('tasks.create', { title: 'Later', dueOn: '2030-05-02', applicationId: application.id });
    const sooner = await api.invoke('tasks.create', { title: 'Sooner', dueOn: '2030-05-01', applicationId: application.id });
    const nextOf = async (id: string) => (await api.invoke('applications.list', {})).items.find((item) => item.id === id)?.nextStep;

    expect(await nextOf(application.id)).toEqual({ taskId: sooner.id, title: 'Sooner', dueOn: '2030-05-01' });
    expect(await nextOf(bare.id)).toBeNull();
    await api.invoke('tasks.setDone', { id: sooner.id, done: true });
    expect(await nextOf(application.id)).toEqual({ taskId: later.id, title: 'Later', dueOn: '2030-05-02' });
    await api.invoke('tasks.delete', { id: later.id });
    expect(await nextOf(application.id)).toEqual({ taskId: undated.id, title: 'Someday', dueOn: null });
    // The detail says the same.
    expect((await api.invoke('applications.get', { id: application.id })).nextStep).toEqual({ taskId: undated.id, title: 'Someday', dueOn: null });
  });
});
