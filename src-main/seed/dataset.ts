import { applicationPlan, type ApplicationPlan } from './applications';
import { companyPlans, contactPlans, type CompanyPlan, type ContactPlan } from './companies';
import { dateOfDay, dayOf } from './dates';
import { Random, ZipfPicker } from './random';
import { generalTasks } from './vocabulary';
import type { TaskPlan } from './applications';

/**
 * Bump whenever the generated data changes shape or content: cached benchmark databases are keyed by it.
 */
export const generatorVersion = 2;

export interface DatasetOptions {
  /** Number of applications. */
  count: number;
  seed?: string | number;
  /** The dataset's "today" (YYYY-MM-DD): every stage event is on or before it, planned interviews after it. */
  today: string;
}

export interface Dataset {
  readonly options: Required<DatasetOptions>;
  readonly companies: readonly CompanyPlan[];
  readonly contacts: readonly ContactPlan[];
  /** Follow-up tasks tied to no application (update the CV, …). */
  readonly generalTasks: readonly TaskPlan[];
  /**
   * The applications, generated lazily one at a time (100,000 plans with their notes would weigh hundreds of
   * megabytes). Every call starts the same sequence again.
   */
  applications(): Generator<ApplicationPlan>;
}

/** How far back the search goes: two months for a demo, up to three years for a large history. */
export function historyDays(count: number): number {
  return Math.min(3 * 365, Math.max(60, Math.round(60 + count / 40)));
}

/** A deterministic dataset: the same options give the same data, draw for draw, on every machine. */
export function generateDataset(options: DatasetOptions): Dataset {
  const resolved = { seed: options.seed ?? 'candid', count: options.count, today: options.today };
  if (!Number.isInteger(resolved.count) || resolved.count < 0) throw new Error(`count must be a whole number ≥ 0, not ${options.count}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(resolved.today) || dateOfDay(dayOf(resolved.today)) !== resolved.today) {
    throw new Error(`today must be a date YYYY-MM-DD, not ${options.today}`);
  }
  const root = new Random(resolved.seed);
  // Independent streams: changing how contacts are drawn does not reshuffle the companies, and so on.
  const companyRandom = root.fork('companies');
  const contactRandom = root.fork('contacts');
  const taskRandom = root.fork('tasks');
  const applicationSeed = `${resolved.seed}:applications`;

  const companyCount = Math.max(3, Math.round(resolved.count / 4));
  const companies = companyPlans(companyRandom, companyCount);
  const contacts = contactPlans(contactRandom, companies);
  const contactsByCompany = new Map<number, number[]>();
  for (const [index, contact] of contacts.entries()) {
    const list = contactsByCompany.get(contact.companyIndex) ?? [];
    list.push(index);
    contactsByCompany.set(contact.companyIndex, list);
  }
  const lastDay = dayOf(resolved.today);
  const firstDay = lastDay - historyDays(resolved.count);
  const general: TaskPlan[] = [];
  for (let i = Math.max(2, Math.round(resolved.count / 200)); i > 0; i -= 1) {
    const dueDay = lastDay + taskRandom.int(-20, 20);
    general.push({
      title: taskRandom.pick(generalTasks),
      dueOn: dateOfDay(dueDay),
      doneAt: dueDay < lastDay && taskRandom.chance(0.5) ? `${dateOfDay(dueDay)}T09:00:00.000Z` : null,
      notes: null,
    });
  }

  return {
    options: resolved,
    companies,
    contacts,
    generalTasks: general,
    *applications() {
      const random = new Random(applicationSeed);
      const zipf = new ZipfPicker(companies.length, 1);
      for (let i = 0; i < resolved.count; i += 1) {
        const companyIndex = zipf.pick(random);
        yield applicationPlan(random, {
          company: companies[companyIndex],
          companyIndex,
          contactsOfCompany: contactsByCompany.get(companyIndex) ?? [],
          firstDay,
          lastDay,
        });
      }
    },
  };
}
