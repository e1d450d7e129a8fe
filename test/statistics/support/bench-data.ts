import type { ParsedInput } from '../../../src-shared/contract';
import type { AppContext } from '../../../src-main/context';
import { changeStage, createApplication } from '../../../src-main/applications/mutations';
import { builtInStageId } from '../../../migrations/0010_init';

/** Deterministic pseudo-random numbers (mulberry32), so two runs build the same database. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stage = {
  wishlist: builtInStageId(0),
  applied: builtInStageId(1),
  screening: builtInStageId(2),
  interviewing: builtInStageId(3),
  offer: builtInStageId(4),
  accepted: builtInStageId(5),
  rejected: builtInStageId(6),
  withdrawn: builtInStageId(7),
  ghosted: builtInStageId(8),
};

const skills = Array.from({ length: 80 }, (_, index) => `Skill ${index + 1}`);
const sources = ['linkedin', 'indeed', 'company_site', 'email', 'referral', 'recruiter', 'apec', 'france_travail', 'welcome_to_the_jungle', 'job_fair', 'other'];
const employmentTypes = ['permanent', 'fixed_term', 'internship', 'apprenticeship', 'freelance', 'temporary'] as const;
const workModes = ['on_site', 'hybrid', 'remote'] as const;
const currencies = ['EUR', 'EUR', 'EUR', 'USD', 'GBP'];
const industries = ['Software', 'Banking', 'Retail', 'Health', 'Energy', 'Media', 'Consulting', 'Public sector', 'Transport', 'Education'];
type Category = keyof typeof stage;
const paths: [weight: number, path: Category[]][] = [
  [0.15, ['ghosted']],
  [0.1, ['rejected']],
  [0.3, ['screening', 'rejected']],
  [0.1, ['screening', 'ghosted']],
  [0.13, ['interviewing', 'rejected']],
  [0.12, ['screening', 'interviewing', 'rejected']],
  [0.05, ['interviewing', 'offer']],
  [0.05, ['screening', 'offer', 'accepted']],
];
function pickPath(roll: number): Category[] {
  for (const [weight, path] of paths) {
    if (roll < weight) return path;
    roll -= weight;
  }
  return paths[0][1];
}
const cities = ['Paris', 'Lyon', 'Nantes', 'Lille', 'Bordeaux', 'Remote', 'London', 'Berlin'];

/**
 * Fills a database through the one write path with `count` applications of ~3 stage events each, spread over
 * the two years before `today`, in batches of one transaction each (fast enough: ~100k in a minute or two).
 */
export function fillApplications(context: AppContext, count: number, options: { today?: string; seed?: number; companies?: number } = {}): void {
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const today = Date.parse(`${options.today ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const companyCount = options.companies ?? Math.max(1, Math.round(count / 20));
  const companyIds: string[] = [];
  const day = 86_400_000;
  const batch = 1000;
  for (let start = 0; start < count; start += batch) {
    context.changes.write((write) => {
      for (let index = start; index < Math.min(count, start + batch); index += 1) {
        const appliedAt = today - Math.floor(random() * 730) * day;
        const appliedOn = new Date(appliedAt).toISOString().slice(0, 10);
        const wish = random() < 0.05;
        const companyIndex = Math.floor(random() * companyCount);
        const input = {
          ...(companyIds[companyIndex] ? { companyId: companyIds[companyIndex] } : { companyName: `Company ${companyIndex}` }),
          position: `Position ${index}`,
          employmentType: random() < 0.1 ? null : pick(employmentTypes),
          workMode: random() < 0.1 ? null : pick(workModes),
          location: pick(cities),
          source: pick(sources),
          appliedOn: wish || random() < 0.05 ? null : appliedOn,
          salaryMin: random() < 0.4 ? null : 30_000 + Math.floor(random() * 40) * 1000,
          salaryCurrency: pick(currencies),
          salaryPeriod: 'year',
          requiredSkills: Array.from(new Set(Array.from({ length: 2 + Math.floor(random() * 5) }, () => pick(skills)))),
          preferredSkills: Array.from(new Set(Array.from({ length: Math.floor(random() * 4) }, () => pick(skills)))),
          resumeVersion: random() < 0.3 ? null : `v${1 + Math.floor(random() * 5)}`,
          archived: random() < 0.1,
          stageId: wish ? stage.wishlist : stage.applied,
          stageAt: new Date(appliedAt + 9 * 3_600_000).toISOString(),
        } as unknown as ParsedInput<'applications.create'>;
        if (input.salaryMin != null) input.salaryMax = input.salaryMin + Math.floor(random() * 10) * 1000;
        const id = createApplication(context.db, write, input);
        if (!companyIds[companyIndex]) {
          companyIds[companyIndex] = context.db.sql(`SELECT company_id FROM applications WHERE id = ?`).pluck().get(id) as string;
          if (random() < 0.8) write.update('companies', companyIds[companyIndex], { industry: pick(industries) });
        }
        if (wish) continue;
        // The history after "applied": an answer (or silence), then an outcome; ~3 events per application.
        let at = appliedAt;
        for (const category of pickPath(random())) {
          at += (1 + Math.floor(random() * 25)) * day;
          changeStage(context.db, write, { applicationId: id, stageId: stage[category], occurredAt: new Date(at).toISOString() });
        }
      }
    });
  }
}
