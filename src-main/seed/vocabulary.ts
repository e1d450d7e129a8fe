import type { CompanySize, EmploymentType, SalaryPeriod, WorkMode } from '../../src-shared/contract';

/**
 * The words the generator draws from: fictional companies, French and English job titles grouped by
 * family (each family with its own skills), places, sources and note fragments. Weights follow what a job
 * search in France and abroad looks like; none of it names a real person or a real company.
 */

export type Language = 'fr' | 'en';

export interface JobFamily {
  key: string;
  industries: readonly string[];
  titles: Record<Language, readonly string[]>;
  skills: readonly string[];
}

/** A level before the title, for contracts where one applies (interns and apprentices get theirs from the contract). */
export const seniority: Record<Language, readonly (readonly [string, number])[]> = {
  fr: [['', 6], ['Junior ', 2], ['Senior ', 2], ['Lead ', 1]],
  en: [['', 6], ['Junior ', 2], ['Senior ', 2], ['Lead ', 1], ['Staff ', 0.5]],
};

/** How the title of an internship or apprenticeship begins. */
export const traineeTitles: Record<Language, Partial<Record<EmploymentType, string>>> = {
  fr: { internship: 'Stage – ', apprenticeship: 'Alternance – ' },
  en: { internship: 'Intern – ', apprenticeship: 'Apprentice – ' },
};

export const jobFamilies: readonly JobFamily[] = [
  {
    key: 'software',
    industries: ['Logiciel', 'SaaS', 'Fintech', 'E-commerce', 'Jeux vidéo', 'Software'],
    titles: {
      fr: ['Développeur·se full-stack', 'Développeur·se back-end', 'Ingénieur·e logiciel', 'Développeur·se front-end React', 'Architecte logiciel', 'Ingénieur·e DevOps', 'Développeur·se mobile'],
      en: ['Software Engineer', 'Backend Developer', 'Frontend Engineer', 'Full-Stack Developer', 'Site Reliability Engineer', 'Mobile Developer', 'Platform Engineer'],
    },
    skills: ['TypeScript', 'JavaScript', 'React', 'Node.js', 'Python', 'Java', 'Kotlin', 'Go', 'Rust', 'SQL', 'PostgreSQL', 'Docker', 'Kubernetes', 'AWS', 'GCP', 'Terraform', 'CI/CD', 'GraphQL', 'REST', 'Git', 'Linux', 'Swift', 'Vue.js', 'Angular', 'C#', '.NET', 'PHP', 'Symfony'],
  },
  {
    key: 'data',
    industries: ['Data', 'Conseil', 'Assurance', 'Banque', 'Santé', 'Analytics'],
    titles: {
      fr: ['Data analyst', 'Data scientist', 'Ingénieur·e data', 'Chargé·e d’études statistiques', 'Analyste BI'],
      en: ['Data Analyst', 'Data Scientist', 'Data Engineer', 'Machine Learning Engineer', 'BI Analyst', 'Analytics Engineer'],
    },
    skills: ['Python', 'SQL', 'pandas', 'scikit-learn', 'PyTorch', 'Spark', 'dbt', 'Airflow', 'Power BI', 'Tableau', 'Looker', 'Excel', 'R', 'statistiques', 'BigQuery', 'Snowflake', 'A/B testing', 'Machine learning'],
  },
  {
    key: 'product',
    industries: ['Logiciel', 'SaaS', 'Médias', 'E-commerce', 'Mobilité'],
    titles: {
      fr: ['Product manager', 'Product owner', 'Designer UX/UI', 'Chef·fe de projet digital', 'UX researcher'],
      en: ['Product Manager', 'Product Owner', 'Product Designer', 'UX Researcher', 'Technical Program Manager'],
    },
    skills: ['Figma', 'Scrum', 'Kanban', 'Jira', 'roadmap', 'discovery', 'user research', 'prototypage', 'OKR', 'analytics', 'SQL', 'design system', 'accessibilité', 'Notion'],
  },
  {
    key: 'marketing',
    industries: ['Marketing', 'Luxe', 'Cosmétique', 'Agroalimentaire', 'Retail', 'Médias'],
    titles: {
      fr: ['Chargé·e de marketing digital', 'Responsable communication', 'Community manager', 'Chef·fe de produit marketing', 'Responsable SEO', 'Traffic manager'],
      en: ['Growth Marketer', 'Content Marketing Manager', 'Brand Manager', 'SEO Specialist', 'Social Media Manager'],
    },
    skills: ['SEO', 'SEA', 'Google Analytics', 'Google Ads', 'Meta Ads', 'HubSpot', 'copywriting', 'CRM', 'emailing', 'Canva', 'Adobe Creative Suite', 'WordPress', 'brand content', 'growth hacking', 'anglais courant'],
  },
  {
    key: 'sales',
    industries: ['Industrie', 'SaaS', 'Immobilier', 'Distribution', 'Télécoms', 'Services B2B'],
    titles: {
      fr: ['Commercial·e B2B', 'Business developer', 'Chargé·e d’affaires', 'Account manager', 'Responsable grands comptes', 'Conseiller·ère de vente'],
      en: ['Account Executive', 'Sales Development Representative', 'Customer Success Manager', 'Key Account Manager', 'Business Developer'],
    },
    skills: ['prospection', 'négociation', 'Salesforce', 'HubSpot', 'CRM', 'closing', 'cold calling', 'LinkedIn Sales Navigator', 'anglais courant', 'allemand', 'gestion de portefeuille', 'SaaS'],
  },
  {
    key: 'finance',
    industries: ['Banque', 'Assurance', 'Audit', 'Conseil', 'Industrie', 'Finance'],
    titles: {
      fr: ['Contrôleur·se de gestion', 'Comptable', 'Auditeur·rice financier', 'Analyste financier·ère', 'Trésorier·ère', 'Assistant·e comptable'],
      en: ['Financial Analyst', 'FP&A Analyst', 'Accountant', 'Financial Controller', 'Auditor'],
    },
    skills: ['Excel', 'SAP', 'consolidation', 'IFRS', 'normes françaises', 'reporting', 'budget', 'Power BI', 'VBA', 'fiscalité', 'clôture mensuelle', 'Sage', 'Cegid'],
  },
  {
    key: 'operations',
    industries: ['Logistique', 'Industrie', 'Automobile', 'Aéronautique', 'Énergie', 'BTP'],
    titles: {
      fr: ['Responsable logistique', 'Acheteur·se', 'Ingénieur·e méthodes', 'Technicien·ne de maintenance', 'Responsable qualité', 'Chef·fe de chantier', 'Supply chain planner'],
      en: ['Operations Manager', 'Supply Chain Analyst', 'Quality Engineer', 'Procurement Specialist', 'Project Engineer'],
    },
    skills: ['Lean', 'Six Sigma', 'SAP', 'ERP', 'gestion de stock', 'AutoCAD', 'ISO 9001', 'CACES', 'planification', 'achats', 'HSE', 'SolidWorks', 'gestion de projet'],
  },
  {
    key: 'people',
    industries: ['Ressources humaines', 'Conseil', 'Services', 'Santé', 'Éducation'],
    titles: {
      fr: ['Chargé·e de recrutement', 'Responsable RH', 'Gestionnaire de paie', 'Chargé·e de formation', 'Assistant·e RH'],
      en: ['Talent Acquisition Specialist', 'HR Business Partner', 'People Operations Manager', 'Recruiter'],
    },
    skills: ['sourcing', 'entretiens', 'paie', 'droit social', 'SIRH', 'Workday', 'onboarding', 'GPEC', 'marque employeur', 'LinkedIn Recruiter', 'formation'],
  },
  {
    key: 'health',
    industries: ['Santé', 'Pharmacie', 'Médico-social', 'Biotech'],
    titles: {
      fr: ['Infirmier·ère', 'Attaché·e de recherche clinique', 'Pharmacien·ne', 'Aide-soignant·e', 'Chargé·e d’affaires réglementaires'],
      en: ['Clinical Research Associate', 'Regulatory Affairs Specialist', 'Lab Technician', 'Medical Science Liaison'],
    },
    skills: ['BPF', 'GCP', 'réglementaire', 'pharmacovigilance', 'soins', 'DPI', 'biologie moléculaire', 'HPLC', 'qualité', 'anglais scientifique'],
  },
];

export const companyWords = {
  heads: ['Nexa', 'Lumen', 'Vauban', 'Orbis', 'Cobalt', 'Azur', 'Kali', 'Mistral', 'Sirocco', 'Helio', 'Quartz', 'Opale', 'Borea', 'Ardent', 'Solvé', 'Vertigo', 'Pixel', 'Tandem', 'Caravel', 'Alto', 'Brume', 'Cèdre', 'Datum', 'Écume', 'Flux', 'Galène', 'Hermine', 'Iris', 'Jade', 'Krypton', 'Lynx', 'Mosaïc', 'Nova', 'Onyx', 'Prisme', 'Quanta', 'Rivage', 'Sextant', 'Tilleul', 'Ulysse', 'Vega', 'Wave', 'Xylo', 'Yuzu', 'Zénith', 'Blue Harbor', 'Northwind', 'Silverline', 'Redwood', 'Brightside', 'Kestrel', 'Meridian', 'Oakridge', 'Pinecrest', 'Stonebridge', 'Tidewater', 'Evergreen', 'Halcyon', 'Juniper', 'Lakeshore'],
  tails: ['Labs', 'Tech', 'Systems', 'Conseil', 'Group', 'Industries', 'Santé', 'Énergie', 'Logistique', 'Digital', 'Solutions', 'Partners', 'Studio', 'Analytics', 'Finance', 'Robotics', 'Mobility', 'Foods', 'Retail', 'Software', 'Assurances', 'Bio', 'Cloud', 'Media'],
  forms: ['{head} {tail}', '{head}', 'Groupe {head}', '{head} & Co', 'Atelier {head}', '{head}{tailLower}', 'Maison {head}', '{head} {tail} France'],
};

export const companySizeWeights: readonly (readonly [CompanySize, number])[] = [
  ['1-10', 10], ['11-50', 22], ['51-200', 24], ['201-1000', 20], ['1001-5000', 13], ['5000+', 11],
];

export const places = {
  fr: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Bordeaux', 'Lille', 'Nantes', 'Strasbourg', 'Montpellier', 'Rennes', 'Grenoble', 'Nice', 'Sophia Antipolis', 'La Défense', 'Aix-en-Provence', 'Clermont-Ferrand', 'Saint-Étienne', 'Le Havre', 'Annecy', 'Besançon', 'Orléans', 'Rouen'],
  en: ['London', 'Manchester', 'Dublin', 'Berlin', 'Amsterdam', 'Brussels', 'Geneva', 'Zürich', 'Luxembourg', 'Barcelona', 'Lisbon', 'Stockholm', 'Montréal', 'Toronto', 'New York', 'San Francisco', 'Austin', 'Remote (EMEA)', 'Remote (Europe)'],
};

export const employmentTypeWeights: readonly (readonly [EmploymentType, number])[] = [
  ['permanent', 50], ['fixed_term', 12], ['internship', 11], ['apprenticeship', 8], ['freelance', 12], ['temporary', 7],
];

export const workModeWeights: readonly (readonly [WorkMode, number])[] = [['on_site', 40], ['hybrid', 42], ['remote', 18]];

/** Built-in source keys, plus a few typed by hand (sources are user-extensible free text). */
export const sourceWeights: readonly (readonly [string, number])[] = [
  ['linkedin', 30], ['indeed', 14], ['company_site', 12], ['welcome_to_the_jungle', 10], ['referral', 7], ['recruiter', 6],
  ['apec', 5], ['france_travail', 5], ['email', 3], ['job_fair', 2], ['other', 2], ['Hellowork', 2], ['Malt', 1.5], ['Cadremploi', 1.5],
];

export interface SalaryScale {
  currency: string;
  /** Typical yearly amount for a mid-level role, in the currency's units. */
  yearly: number;
}

const euro: SalaryScale = { currency: 'EUR', yearly: 45_000 };

/** What jobs pay where: the currency follows the place (euros wherever no other place says otherwise). */
export const salaryScales: Record<string, SalaryScale> = {
  London: { currency: 'GBP', yearly: 60_000 },
  Manchester: { currency: 'GBP', yearly: 45_000 },
  Geneva: { currency: 'CHF', yearly: 105_000 },
  Zürich: { currency: 'CHF', yearly: 110_000 },
  Stockholm: { currency: 'SEK', yearly: 540_000 },
  Montréal: { currency: 'CAD', yearly: 78_000 },
  Toronto: { currency: 'CAD', yearly: 85_000 },
  'New York': { currency: 'USD', yearly: 120_000 },
  'San Francisco': { currency: 'USD', yearly: 140_000 },
  Austin: { currency: 'USD', yearly: 105_000 },
  Dublin: { ...euro, yearly: 60_000 },
  Paris: { ...euro, yearly: 50_000 },
  'La Défense': { ...euro, yearly: 52_000 },
};

export function salaryScaleOf(place: string | null): SalaryScale {
  return (place && salaryScales[place]) || euro;
}

/** The usual pay period of each contract: apprentices by the month, freelancers by the day, temps by the hour. */
export const periodWeights: Record<EmploymentType, readonly (readonly [SalaryPeriod, number])[]> = {
  permanent: [['year', 9], ['month', 1]],
  fixed_term: [['year', 5], ['month', 5]],
  internship: [['month', 1]],
  apprenticeship: [['month', 4], ['year', 1]],
  freelance: [['day', 8], ['hour', 1], ['month', 1]],
  temporary: [['hour', 7], ['month', 3]],
};

/** What one period is worth compared to a year, for a full-time job. */
export const periodFraction: Record<SalaryPeriod, number> = { year: 1, month: 1 / 12, day: 1 / 218, hour: 1 / 1607 };

/** Pay relative to a permanent contract (freelance day rates run higher, interns lower). */
export const contractPayFactor: Record<EmploymentType, number> = {
  permanent: 1,
  fixed_term: 0.92,
  internship: 0.27,
  apprenticeship: 0.4,
  freelance: 1.45,
  temporary: 0.7,
};

export const tagNames = [
  'dream job', 'remote-first', 'startup', 'grand groupe', 'relance', 'cooptation', 'salon', 'visa', 'urgent', 'à creuser',
  'reconversion', 'alumni', 'mission courte', 'télétravail', 'international', 'scale-up', 'ESN', 'public', 'ESS', 'plan B',
  'salary-ok', 'culture fit', 'équipe sympa', 'trop loin', 'négociation',
];

export const firstNames = ['Camille', 'Léa', 'Hugo', 'Louis', 'Chloé', 'Inès', 'Nathan', 'Manon', 'Lucas', 'Sarah', 'Yanis', 'Emma', 'Karim', 'Aïcha', 'Thomas', 'Julie', 'Mehdi', 'Élodie', 'Antoine', 'Sofia', 'Olivia', 'James', 'Priya', 'Daniel', 'Mei', 'Lars', 'Ana', 'Tomasz', 'Fatou', 'Noah'];
export const lastNames = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'Benali', 'Nguyen', 'Diallo', 'Rossi', 'Müller', 'Smith', 'Johnson', 'Okafor', 'Kowalski', 'Haddad', 'Lemaire', 'Fontaine', 'Chevalier', 'Roux', 'Faure'];
export const contactRoles: Record<Language, readonly string[]> = {
  fr: ['Chargée de recrutement', 'Responsable RH', 'Manager de l’équipe', 'Directeur technique', 'Cabinet de recrutement', 'Ancien collègue'],
  en: ['Recruiter', 'Hiring Manager', 'Engineering Manager', 'Talent Partner', 'Head of Data', 'Former colleague'],
};

/** Sentences for notes and descriptions, by language; long texts are several of them strung together. */
export const sentences: Record<Language, readonly string[]> = {
  fr: [
    'Candidature envoyée via le site, lettre de motivation adaptée.',
    'Premier échange téléphonique très positif avec la recruteuse.',
    'Poste intéressant mais le salaire annoncé est en dessous de mes attentes.',
    'Relancer dans une semaine si pas de réponse.',
    'L’équipe utilise une stack moderne et fait beaucoup de revues de code.',
    'Entretien technique prévu avec le lead dev, préparer des questions sur l’architecture.',
    'Ils recrutent en CDI après une période d’essai de quatre mois.',
    'Les locaux sont à vingt minutes en vélo, deux jours de télétravail par semaine.',
    'Cas pratique à rendre sous cinq jours : analyser un jeu de données de ventes.',
    'Retour négatif : ils cherchent un profil plus senior.',
    'Recommandé par un ancien camarade de promo, à mentionner dans la lettre.',
    'Entreprise en forte croissance, levée de fonds récente.',
    'Process en quatre étapes : RH, technique, cas pratique, rencontre avec l’équipe.',
    'Mutuelle prise en charge à 100 %, tickets restaurant, RTT.',
    'Pas de nouvelles depuis l’entretien, relance envoyée par e-mail.',
    'Offre reçue ! Négocier le variable et la date de début.',
    'Poste basé à Lyon avec déplacements ponctuels chez les clients.',
    'La fiche de poste mentionne l’anglais courant et des déplacements à l’étranger.',
  ],
  en: [
    'Applied through the careers page with a tailored cover letter.',
    'Great first call with the recruiter, she will share next steps.',
    'Interesting role but the salary band is below what I am looking for.',
    'Follow up next week if I do not hear back.',
    'The team works in small squads and ships several times a day.',
    'Technical interview with the engineering manager, prepare system design questions.',
    'Take-home assignment due in five days: build a small API with tests.',
    'Rejected after the final round, feedback was about leadership examples.',
    'Referred by a former colleague, mention it in the first call.',
    'Fast-growing company, Series B closed last quarter.',
    'Four-step process: recruiter screen, technical, case study, team fit.',
    'Generous learning budget and four-day week trial.',
    'No news since the onsite, sent a polite follow-up e-mail.',
    'Offer received! Negotiate equity and start date.',
    'Hybrid role, three days a week in the office near the station.',
    'The posting asks for fluent French and occasional travel.',
  ],
};

export const interviewerTitles: Record<Language, readonly string[]> = {
  fr: ['RH', 'lead dev', 'manager', 'directrice', 'CTO', 'responsable d’équipe'],
  en: ['HR', 'engineering manager', 'tech lead', 'VP', 'CTO', 'team lead'],
};

export const taskTitles: Record<Language, readonly string[]> = {
  fr: ['Relancer par e-mail', 'Envoyer le portfolio', 'Préparer l’entretien', 'Remercier après l’entretien', 'Rendre le cas pratique', 'Demander un retour'],
  en: ['Follow up by e-mail', 'Send portfolio', 'Prepare for the interview', 'Send a thank-you note', 'Submit the take-home', 'Ask for feedback'],
};

export const generalTasks: readonly string[] = [
  'Mettre à jour le CV', 'Update LinkedIn profile', 'Préparer le pitch de présentation', 'Lister les entreprises cibles du trimestre',
  'Rendez-vous avec la conseillère France Travail', 'Practise behavioural questions', 'Atelier APEC sur la négociation salariale',
];
