import type { Api } from '../../../src-main/api';
import type { StageCategory } from '../../../src-shared/contract';
import type { AutomatedApp } from './automated-app';

/**
 * A job search lived through months of simulated time (Europe/Paris, so that it crosses the change to summer time
 * on 30 March): what the user does, and when. The rules' expected results are in rules.test.ts.
 */
export const start = Date.parse('2025-03-03T08:00:00+01:00'); // a Monday morning
export const end = Date.parse('2025-10-15T12:00:00+02:00');

export interface ScenarioIds {
  acme: string;
  globex: string;
  initech: string;
  hooli: string;
  interview: string;
  cvTask: string;
  callTask: string;
}

export interface Step {
  at: number;
  what: string;
  run(api: Api, ids: ScenarioIds): Promise<void>;
}

async function stageOf(api: Api, category: StageCategory): Promise<string> {
  return (await api.invoke('stages.list', undefined)).find((stage) => stage.category === category)!.id;
}

export const steps: Step[] = [
  {
    at: start,
    what: 'the search starts',
    async run(api, ids) {
      await api.invoke('automation.update', { firstWeekday: 1 });
      await api.invoke('profile.update', { weeklyGoal: 2 });
      ids.acme = (await api.invoke('applications.create', { companyName: 'Acme', position: 'Backend developer', appliedOn: '2025-03-03' })).id;
      ids.globex = (await api.invoke('applications.create', { companyName: 'Globex', position: 'Data engineer', appliedOn: '2025-03-03' })).id;
      ids.hooli = (await api.invoke('applications.create', { companyName: 'Hooli', position: 'SRE', appliedOn: '2025-03-03' })).id;
      ids.initech = (
        await api.invoke('applications.create', { companyName: 'Initech', position: 'Tech lead', stageId: await stageOf(api, 'wishlist'), deadline: '2025-03-14' })
      ).id;
      ids.interview = (await api.invoke('interviews.create', { applicationId: ids.globex, scheduledAt: '2025-03-20T14:00:00+01:00', type: 'technical' })).id;
      ids.cvTask = (await api.invoke('tasks.create', { title: 'Update the CV', dueOn: '2025-03-05' })).id;
      ids.callTask = (await api.invoke('tasks.create', { title: 'Call Hélène', dueOn: '2025-03-07', applicationId: ids.globex })).id;
    },
  },
  {
    at: Date.parse('2025-03-04T10:00:00+01:00'),
    what: 'Hooli says no',
    async run(api, ids) {
      await api.invoke('applications.setStage', { id: ids.hooli, stageId: await stageOf(api, 'rejected') });
    },
  },
  {
    at: Date.parse('2025-03-05T10:00:00+01:00'),
    what: 'Globex answers',
    async run(api, ids) {
      await api.invoke('applications.setStage', { id: ids.globex, stageId: await stageOf(api, 'screening') });
    },
  },
  {
    at: Date.parse('2025-03-07T10:00:00+01:00'),
    what: 'the call is made',
    async run(api, ids) {
      await api.invoke('tasks.setDone', { id: ids.callTask, done: true });
    },
  },
];

/** Runs the scenario on `app`; `between` is called after each step (a restart, say) and may return the app to go on with. */
export async function runScenario(
  app: AutomatedApp,
  options: { until?: number; between?: (app: AutomatedApp, after: Step) => Promise<AutomatedApp> } = {},
): Promise<{ app: AutomatedApp; ids: ScenarioIds }> {
  const ids = {} as ScenarioIds;
  let current = app;
  const until = options.until ?? end;
  for (const step of steps) {
    if (step.at > until) break;
    await current.advanceTo(step.at);
    await step.run(current.api, ids);
    await current.settle();
    if (options.between) current = await options.between(current, step);
  }
  await current.advanceTo(until);
  return { app: current, ids };
}

/** Each Monday at 09:00 in Paris between two instants: when the weekly summaries are due. */
export function mondayMornings(from: number, to: number): string[] {
  const mornings: string[] = [];
  for (let day = new Date('2025-03-10T12:00:00Z'); day.getTime() <= to; day.setUTCDate(day.getUTCDate() + 7)) {
    const date = day.toISOString().slice(0, 10);
    // 09:00 in Paris: UTC+1 until the last Sunday of March, UTC+2 until the last Sunday of October.
    const offset = date >= '2025-03-30' && date < '2025-10-26' ? '+02:00' : '+01:00';
    const at = Date.parse(`${date}T09:00:00${offset}`);
    if (at >= from && at <= to) mornings.push(new Date(at).toISOString());
  }
  return mornings;
}
