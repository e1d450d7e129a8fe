import type { CreateApplicationInput, EmploymentType, StageCategory } from '../../src-shared/contract';
import type { CompanyPlan } from './companies';
import { dateOfDay, dayOfInstant } from './dates';
import { interviewsOf, stagePath, type InterviewPlan, type StageStep } from './funnel';
import type { Random } from './random';
import { description, notes } from './texts';
import {
  contractPayFactor,
  employmentTypeWeights,
  jobFamilies,
  periodFraction,
  periodWeights,
  places,
  salaryScaleOf,
  seniority,
  sourceWeights,
  tagNames,
  traineeTitles,
  taskTitles,
  workModeWeights,
  type Language,
  type SalaryScale,
} from './vocabulary';

/** The application's own fields, as `applications.create` takes them (company and stage are set apart). */
export type ApplicationFields = Omit<CreateApplicationInput, 'companyId' | 'companyName' | 'stageId' | 'stageAt' | 'contactIds'>;

export interface TaskPlan {
  title: string;
  dueOn: string | null;
  doneAt: string | null;
  notes: string | null;
}

export interface ApplicationPlan {
  companyIndex: number;
  language: Language;
  fields: ApplicationFields;
  /** The history, oldest first; the first step is the creation event. */
  steps: StageStep[];
  interviews: InterviewPlan[];
  tasks: TaskPlan[];
  /** Indexes into the dataset's contacts (all of this application's company). */
  contactIndexes: number[];
}

const closed: readonly StageCategory[] = ['accepted', 'rejected', 'withdrawn', 'ghosted'];

export interface ApplicationContext {
  company: CompanyPlan;
  companyIndex: number;
  contactsOfCompany: readonly number[];
  firstDay: number;
  lastDay: number;
}

export function applicationPlan(random: Random, context: ApplicationContext): ApplicationPlan {
  const { company } = context;
  const language: Language = random.chance(0.85) ? company.language : company.language === 'fr' ? 'en' : 'fr';
  // Most applications to a company are for the jobs it is known for; some are for anything else.
  const family = jobFamilies[random.chance(0.8) ? company.family : random.int(0, jobFamilies.length - 1)];
  const employmentType = random.weighted(employmentTypeWeights);
  const level = traineeTitles[language][employmentType] ?? random.weighted(seniority[language]);
  const position = `${level}${random.pick(family.titles[language])}`;
  const requiredSkills = random.sample(family.skills, random.int(2, 6));
  const preferredSkills = random.sample(family.skills.filter((skill) => !requiredSkills.includes(skill)), random.int(0, 4));

  const firstDay = random.int(context.firstDay, context.lastDay);
  const steps = stagePath(random, language, firstDay, context.lastDay);
  const appliedStep = steps.find((step) => step.category !== 'wishlist');
  const current = steps[steps.length - 1];
  const isClosed = closed.includes(current.category);
  const ageDays = context.lastDay - dayOfInstant(current.at);

  const location = random.chance(0.9) ? (random.chance(0.8) ? company.location : random.pick(places[language])) : null;
  const fields: ApplicationFields = {
    position,
    employmentType,
    schedule: employmentType === 'temporary' && random.chance(0.4) ? 'part_time' : random.chance(0.07) ? 'part_time' : 'full_time',
    workMode: random.weighted(workModeWeights),
    location,
    source: random.weighted(sourceWeights),
    appliedOn: appliedStep ? appliedStep.at.slice(0, 10) : null,
    postingUrl: random.chance(0.6) ? `https://jobs.example.com/${company.family}/${random.int(100000, 9999999)}` : null,
    description: random.chance(0.35) ? description(random, language, position, requiredSkills) : null,
    ...salary(random, employmentType, salaryScaleOf(location ?? company.location)),
    requiredSkills,
    preferredSkills,
    experienceYears: random.chance(0.6) ? random.int(0, 15) : null,
    resumeVersion: random.chance(0.5) ? `CV-${language}-v${random.int(1, 6)}` : null,
    notes: notes(random, language),
    tags: random.chance(0.45) ? [] : random.sample(tagNames, random.int(1, 3)),
    favorite: random.chance(0.06),
    priority: random.chance(0.5) ? random.int(1, 5) : null,
    excitement: random.chance(0.5) ? random.int(1, 5) : null,
    deadline: random.chance(0.1) ? dateOfDay(firstDay + random.int(7, 30)) : null,
    archived: isClosed && ageDays > 90 && random.chance(0.35),
  };
  return {
    companyIndex: context.companyIndex,
    language,
    fields,
    steps,
    interviews: interviewsOf(random, language, steps, context.lastDay),
    tasks: tasksOf(random, language, current, isClosed, context.lastDay),
    contactIndexes: context.contactsOfCompany.length > 0 && random.chance(0.4) ? [random.pick(context.contactsOfCompany)] : [],
  };
}

/**
 * A salary range in the currency of the place, in the period the contract is usually paid by, or nothing
 * (a third of postings say nothing). Minimum never above maximum.
 */
function salary(
  random: Random,
  employmentType: EmploymentType,
  scale: SalaryScale,
): Pick<ApplicationFields, 'salaryMin' | 'salaryMax' | 'salaryCurrency' | 'salaryPeriod'> {
  if (random.chance(0.32)) return {};
  const period = random.weighted(periodWeights[employmentType]);
  const typical = scale.yearly * contractPayFactor[employmentType] * periodFraction[period] * random.around(1, 0.45, 0.5, 1.6);
  const step = typical > 10_000 ? 1000 : typical > 1000 ? 50 : 1;
  const min = Math.max(step, Math.round(typical / step) * step);
  const shape = random.weighted([['range', 70], ['minOnly', 15], ['fixed', 15]] as const);
  const max = shape === 'range' ? Math.round((min * random.around(1.2, 0.1, 1.05, 1.4)) / step) * step : shape === 'fixed' ? min : null;
  return { salaryMin: min, salaryMax: max, salaryCurrency: scale.currency, salaryPeriod: period };
}

/** Follow-ups: open ones around "today" for live applications, done ones for those that ended. */
function tasksOf(random: Random, language: Language, current: StageStep, isClosed: boolean, lastDay: number): TaskPlan[] {
  if (!random.chance(0.22)) return [];
  const count = random.int(1, 2);
  const tasks: TaskPlan[] = [];
  const fromDay = dayOfInstant(current.at);
  for (let i = 0; i < count; i += 1) {
    const dueDay = isClosed ? fromDay + random.int(1, 10) : lastDay + random.int(-4, 12);
    const done = isClosed || (dueDay < lastDay && random.chance(0.6));
    tasks.push({
      title: random.pick(taskTitles[language]),
      dueOn: random.chance(0.85) ? dateOfDay(dueDay) : null,
      doneAt: done ? `${dateOfDay(Math.min(dueDay, lastDay))}T17:30:00.000Z` : null,
      notes: null,
    });
  }
  return tasks;
}
