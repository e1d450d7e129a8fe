import type { CompanySize } from '../../src-shared/contract';
import { nameKey } from '../../src-shared/text';
import type { Random } from './random';
import { paragraph } from './texts';
import { companySizeWeights, companyWords, contactRoles, firstNames, jobFamilies, lastNames, places, type Language } from './vocabulary';

export interface CompanyPlan {
  name: string;
  website: string | null;
  industry: string;
  size: CompanySize;
  location: string;
  notes: string | null;
  /** The family of jobs this company mostly hires for, so titles and skills fit the industry. */
  family: number;
  language: Language;
}

export interface ContactPlan {
  companyIndex: number;
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  notes: string | null;
}

const slug = (text: string) => nameKey(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** `count` companies with distinct names (case and accents ignored, as the database requires). */
export function companyPlans(random: Random, count: number): CompanyPlan[] {
  const used = new Set<string>();
  const plans: CompanyPlan[] = [];
  while (plans.length < count) {
    const name = uniqueName(random, used);
    const family = random.int(0, jobFamilies.length - 1);
    const language: Language = random.chance(0.7) ? 'fr' : 'en';
    plans.push({
      name,
      website: random.chance(0.8) ? `https://www.${slug(name)}.example` : null,
      industry: random.pick(jobFamilies[family].industries),
      size: random.weighted(companySizeWeights),
      location: random.pick(places[language]),
      notes: random.chance(0.2) ? paragraph(random, language, random.int(1, 3)) : null,
      family,
      language,
    });
  }
  return plans;
}

function uniqueName(random: Random, used: Set<string>): string {
  for (let attempt = 0; ; attempt += 1) {
    const head = random.pick(companyWords.heads);
    const tail = random.pick(companyWords.tails);
    let name = random
      .pick(companyWords.forms)
      .replace('{head}', head)
      .replace('{tailLower}', tail.toLowerCase())
      .replace('{tail}', tail);
    // Past the few thousand combinations, number the names as groups number their subsidiaries.
    if (attempt > 20) name = `${name} ${random.pick(places.fr)} ${random.int(2, 99)}`;
    const key = nameKey(name);
    if (!used.has(key)) {
      used.add(key);
      return name;
    }
  }
}

/** People met at some of the companies: recruiters, managers, former colleagues. */
export function contactPlans(random: Random, companies: readonly CompanyPlan[]): ContactPlan[] {
  const plans: ContactPlan[] = [];
  for (const [companyIndex, company] of companies.entries()) {
    const count = random.weighted([[0, 50], [1, 35], [2, 12], [3, 3]] as const);
    for (let i = 0; i < count; i += 1) {
      const first = random.pick(firstNames);
      const last = random.pick(lastNames);
      const domain = company.website ? new URL(company.website).hostname.replace(/^www\./, '') : 'mail.example';
      plans.push({
        companyIndex,
        name: `${first} ${last}`,
        role: random.pick(contactRoles[company.language]),
        email: random.chance(0.7) ? `${slug(first)}.${slug(last)}@${domain}` : null,
        phone: random.chance(0.4) ? `+33 6 ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)}` : null,
        linkedinUrl: random.chance(0.5) ? `https://www.linkedin.com/in/${slug(first)}-${slug(last)}-${random.int(1000, 9999)}` : null,
        notes: random.chance(0.25) ? paragraph(random, company.language, 1) : null,
      });
    }
  }
  return plans;
}
