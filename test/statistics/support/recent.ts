import type { Api } from '../../../src-main/api';
import type { EmploymentType, StageCategory, WorkMode } from '../../../src-shared/contract';
import { seededRandom } from './bench-data';
import { createApplication, stagesByCategory, type Step } from './scenario';

/**
 * A believable search of the last five months up to today (the machine's date), for looking at the dashboard:
 * some sixty applications from a handful of sources, answers, interviews, offers, salaries and skills, interviews
 * ahead, overdue tasks, a weekly goal. Deterministic for a given day.
 */
export async function buildRecentSearch(api: Api, count = 60): Promise<void> {
  const random = seededRandom(7);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const today = new Date();
  const dayOffset = (days: number) => {
    const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() - days);
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  };
  const stages = await stagesByCategory(api);
  const companies: [string, string | null][] = [
    ['Qonto', 'Fintech'], ['Doctolib', 'Health'], ['Alan', 'Health'], ['Back Market', 'Retail'], ['Dataiku', 'Software'],
    ['Mirakl', 'Software'], ['Contentsquare', 'Software'], ['BlaBlaCar', 'Transport'], ['Ledger', 'Fintech'], ['Swile', 'Software'],
    ['Malt', 'Software'], ['Pennylane', 'Fintech'], ['Ankorstore', 'Retail'], ['Shift Technology', 'Insurance'], ['Aircall', null],
  ];
  for (const [name, industry] of companies) await api.invoke('companies.create', { name, industry });
  const sources = ['linkedin', 'linkedin', 'linkedin', 'welcome_to_the_jungle', 'welcome_to_the_jungle', 'company_site', 'referral', 'indeed', 'recruiter', 'apec'];
  const skills = ['TypeScript', 'React', 'Node.js', 'SQL', 'PostgreSQL', 'Docker', 'Kubernetes', 'AWS', 'GraphQL', 'Python', 'Go', 'Figma'];
  const positions = ['Frontend engineer', 'Full-stack developer', 'Backend engineer', 'Product engineer', 'Software engineer', 'Tech lead'];
  const paths: [number, StageCategory[]][] = [
    [0.28, ['ghosted']],
    [0.2, ['rejected']],
    [0.14, ['screening', 'rejected']],
    [0.1, ['screening', 'interviewing', 'rejected']],
    [0.06, ['screening', 'interviewing', 'offer']],
    [0.03, ['interviewing', 'offer', 'accepted']],
    [0.12, []],
    [0.07, ['screening', 'interviewing']],
  ];
  const pathOf = (roll: number) => {
    for (const [weight, path] of paths) {
      if (roll < weight) return path;
      roll -= weight;
    }
    return [];
  };
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    // More applications lately: the search speeds up.
    const age = Math.floor(150 * random() ** 1.6);
    const wish = random() < 0.06;
    const appliedOn = dayOffset(age);
    let at = age;
    const history: Step[] = [[wish ? 'wishlist' : 'applied', appliedOn]];
    if (!wish) {
      for (const category of pathOf(random())) {
        at -= 2 + Math.floor(random() * 12);
        if (at < 0) break;
        history.push([category, dayOffset(at)]);
      }
    }
    const low = 38 + Math.floor(random() * 30);
    const type = pick<EmploymentType>(['permanent', 'permanent', 'permanent', 'fixed_term', 'freelance']);
    ids.push(
      await createApplication(api, stages, {
        companyName: pick(companies)[0],
        position: pick(positions),
        employmentType: type,
        workMode: pick<WorkMode>(['remote', 'hybrid', 'hybrid', 'on_site']),
        source: pick(sources),
        location: pick(['Paris', 'Paris', 'Lyon', 'Nantes', 'Remote']),
        appliedOn: wish ? null : appliedOn,
        resumeVersion: pick(['2025-a', '2025-b', '2025-b']),
        ...(random() < 0.75
          ? type === 'freelance'
            ? { salaryMin: 450 + Math.floor(random() * 5) * 50, salaryMax: 650, salaryCurrency: 'EUR', salaryPeriod: 'day' as const }
            : { salaryMin: low * 1000, salaryMax: (low + 4 + Math.floor(random() * 10)) * 1000, salaryCurrency: 'EUR', salaryPeriod: 'year' as const }
          : {}),
        requiredSkills: [...new Set([pick(skills), pick(skills), pick(skills.slice(0, 6))])],
        preferredSkills: [...new Set([pick(skills), pick(skills)])],
        archived: age > 120 && random() < 0.5,
        history,
      }),
    );
  }
  const inDays = (days: number, hour: number) => {
    const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days, hour, 30);
    return date.toISOString();
  };
  await api.invoke('interviews.create', { applicationId: ids[count - 1], scheduledAt: inDays(2, 10) });
  await api.invoke('interviews.create', { applicationId: ids[count - 2], scheduledAt: inDays(5, 14) });
  await api.invoke('tasks.create', { title: 'Follow up', dueOn: dayOffset(3), applicationId: ids[count - 3] });
  await api.invoke('tasks.create', { title: 'Update the CV', dueOn: dayOffset(1) });
  await api.invoke('profile.update', { weeklyGoal: 4, skills: ['TypeScript', 'React', 'SQL', 'Node.js'] });
}
