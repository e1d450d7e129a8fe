import { beforeEach, describe, expect, it } from 'vitest';
import type { StageCategory, StageEvent } from '../../src-shared/contract';
import { useTempApp } from './support/app';
import { createApplication, firstStages } from './support/fixtures';

/** The history as "from -> to @ day", oldest first. */
const chain = (history: StageEvent[]) =>
  history.map((event) => `${event.fromCategory ?? '∅'} -> ${event.toCategory} @ ${event.occurredAt.slice(0, 10)}`);

describe('stage history', () => {
  const handle = useTempApp();
  let stages: Record<StageCategory, string>;
  beforeEach(async () => {
    stages = await firstStages(handle.api);
  });

  const setStage = (id: string, category: StageCategory, day?: string, note?: string) =>
    handle.api.invoke('applications.setStage', {
      id,
      stageId: stages[category],
      occurredAt: day ? `${day}T10:00:00Z` : undefined,
      note,
    });

  it('slots a backdated event into place: order, its "from", the next event\'s "from", the current stage', async () => {
    const application = await createApplication(handle.api, { appliedOn: '2024-03-01' });
    await setStage(application.id, 'interviewing', '2024-03-20');
    const detail = await setStage(application.id, 'screening', '2024-03-10', 'Recruiter called');

    expect(chain(detail.stageHistory)).toEqual([
      '∅ -> applied @ 2024-03-01',
      'applied -> screening @ 2024-03-10',
      'screening -> interviewing @ 2024-03-20',
    ]);
    expect(detail.stageHistory[1].note).toBe('Recruiter called');
    // The latest event, not the last one written, is the current stage.
    expect(detail).toMatchObject({ stageCategory: 'interviewing', stageId: stages.interviewing, stageChangedAt: '2024-03-20T10:00:00.000Z' });
    const listed = (await handle.api.invoke('applications.list', {})).items[0];
    expect(listed).toMatchObject({ stageCategory: 'interviewing', stageChangedAt: '2024-03-20T10:00:00.000Z' });
  });

  it('a backdated event before the first one starts the history', async () => {
    const application = await createApplication(handle.api, { appliedOn: '2024-03-01' });
    const detail = await setStage(application.id, 'wishlist', '2024-02-15');
    expect(chain(detail.stageHistory)).toEqual(['∅ -> wishlist @ 2024-02-15', 'wishlist -> applied @ 2024-03-01']);
    expect(detail.stageCategory).toBe('applied');
  });

  it('fills first_response_on with the earliest response, whatever the order the events are entered in', async () => {
    const application = await createApplication(handle.api, { appliedOn: '2024-03-01' });
    expect(application.firstResponseOn).toBeNull();
    // Moving forward without an answer (wishlist is not a response) leaves it empty.
    expect((await setStage(application.id, 'wishlist', '2024-02-01')).firstResponseOn).toBeNull();
    expect((await setStage(application.id, 'interviewing', '2024-03-20')).firstResponseOn).toBe('2024-03-20');
    expect((await setStage(application.id, 'screening', '2024-03-12')).firstResponseOn).toBe('2024-03-12');
    // A later response does not move it.
    expect((await setStage(application.id, 'rejected', '2024-04-02')).firstResponseOn).toBe('2024-03-12');
    // Withdrawing or being ghosted is not an answer from the company.
    const other = await createApplication(handle.api, { appliedOn: '2024-03-01', position: 'Other' });
    expect((await setStage(other.id, 'ghosted', '2024-04-01')).firstResponseOn).toBeNull();
    expect((await setStage(other.id, 'withdrawn', '2024-04-02')).firstResponseOn).toBeNull();
  });

  it('creating in a response stage counts as the first response, on the stage date', async () => {
    const application = await createApplication(handle.api, {
      appliedOn: '2024-03-01',
      stageId: stages.screening,
      stageAt: '2024-03-05T08:00:00Z',
    });
    expect(application).toMatchObject({ stageCategory: 'screening', firstResponseOn: '2024-03-05', stageChangedAt: '2024-03-05T08:00:00.000Z' });
    expect(chain(application.stageHistory)).toEqual(['∅ -> screening @ 2024-03-05']);
  });

  it('events at the same instant keep the order they were entered in', async () => {
    const application = await createApplication(handle.api, { appliedOn: '2024-03-01' });
    await setStage(application.id, 'screening', '2024-03-10');
    const detail = await setStage(application.id, 'interviewing', '2024-03-10');
    expect(chain(detail.stageHistory)).toEqual([
      '∅ -> applied @ 2024-03-01',
      'applied -> screening @ 2024-03-10',
      'screening -> interviewing @ 2024-03-10',
    ]);
    expect(detail.stageCategory).toBe('interviewing');
  });

  it('a rejection after interviews still counts as having reached the interview stage', async () => {
    const application = await createApplication(handle.api, { appliedOn: '2024-03-01' });
    await setStage(application.id, 'interviewing', '2024-03-20');
    await setStage(application.id, 'rejected', '2024-04-01');
    const company = await handle.api.invoke('companies.get', { id: application.companyId });
    expect(company.applications[0]).toMatchObject({ stageCategory: 'rejected', furthestCategory: 'interviewing', daysToFirstResponse: 19 });
    expect(company.medianDaysToResponse).toBe(19);
  });
});
