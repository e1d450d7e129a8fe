import type { BuiltInSource, EmploymentType, Schedule, StageCategory, WorkMode } from '../../src-shared/contract';
import { hasMoreAsciiLettersThan, valueKey } from './keys';

/**
 * What people write in spreadsheets for our enumerations, in English and French, and what the trackers people
 * leave write (JobTracker SaaS, JobSync, Reactive Resume, Huntr, Teal, Notion and Airtable templates, Simplify:
 * docs/imports.md has the table). Written naturally; compared through `valueKey`. A value matches exactly, else by
 * the first entry (in list order) whose phrase it contains as whole words: "Refusé après entretien" is a
 * rejection, so outcomes are listed before the steps that lead to them.
 */
export type Synonyms<T extends string> = [T, string[]][];

export const stageSynonyms: Synonyms<StageCategory> = [
  ['accepted', ['Accepted', 'Hired', 'Signed', 'Offer accepted', 'Accepté', 'Acceptée', 'Embauché', 'Embauchée', 'Recruté', 'Recrutée', 'Signé', 'Offre acceptée', 'Contrat signé']],
  ['rejected', ['Rejected', 'Rejection', 'Declined', 'Turned down', 'Not selected', 'Not moving forward', 'Unsuccessful', 'Refused', 'Negative', 'No', 'KO', 'Refusé', 'Refusée', 'Refus', 'Réponse négative', 'Négatif', 'Négative', 'Non retenu', 'Non retenue', 'Candidature rejetée', 'Rejeté', 'Rejetée', 'Non']],
  ['withdrawn', ['Withdrawn', 'Withdrew', 'I withdrew', 'Cancelled', 'Canceled', 'Abandoned', 'Not interested', 'Archived', 'Désisté', 'Désistée', 'Désistement', 'Abandon', 'Abandonné', 'Abandonnée', 'Retiré', 'Retirée', 'Annulé', 'Annulée', 'Plus intéressé', 'Archivé', 'Archivée']],
  ['ghosted', ['Ghosted', 'Ghost', 'No response', 'No answer', 'No reply', 'No news', 'Expired', 'Closed', 'Position closed', 'Job closed', 'Pas de réponse', 'Sans réponse', 'Aucune réponse', 'Pas de retour', 'Sans retour', 'Aucun retour', 'Sans nouvelles', 'Silence radio', 'Expiré', 'Expirée', 'Offre expirée', 'Clôturé', 'Clôturée', 'Fermé', 'Fermée']],
  ['offer', ['Offer', 'Offers', 'Job offer', 'Offer received', 'Negotiating', 'Negotiation', 'Offre', 'Offre reçue', 'Proposition', 'Proposition d’embauche', 'Promesse d’embauche', 'Négociation']],
  ['interviewing', ['Interview', 'Interviews', 'Interviewing', 'Interview scheduled', 'Onsite', 'On-site interview', 'On site interview', 'Final round', 'Final interview', 'Technical interview', 'Second interview', 'Superday', 'Take-home', 'Technical test', 'Assessment', 'Case study', 'Entretien', 'Entretiens', 'Entretien RH', 'Entretien technique', 'Entretien final', 'Entretien prévu', 'Test technique', 'Convocation', 'Convoqué', 'Convoquée', 'Second entretien', '2e entretien', 'Cas pratique']],
  ['screening', ['Screening', 'Screen', 'Phone screen', 'Phone interview', 'Phone call', 'HR call', 'Call', 'First call', 'Recruiter call', 'Recruiter screen', 'Challenge', 'Coding challenge', 'Online assessment', 'Online test', 'Aptitude test', 'Psychometric test', 'Video interview', 'OA', 'Positive', 'Positive response', 'Présélection', 'Pré-sélection', 'Premier contact', 'Appel', 'Appel RH', 'Entretien téléphonique', 'Contact RH', 'Qualification', 'Réponse positive', 'Positif', 'Positive']],
  ['applied', ['Applied', 'Sent', 'Submitted', 'Pending', 'Waiting', 'In progress', 'Awaiting', 'Awaiting response', 'Follow up', 'Followed up', 'Postulé', 'Postulée', 'Envoyé', 'Envoyée', 'Candidature envoyée', 'En attente', 'Attente', 'En cours', 'Relance', 'Relancé', 'Relancée', 'À relancer', 'Candidaté']],
  ['wishlist', ['Wishlist', 'Wish list', 'To apply', 'Saved', 'Bookmarked', 'Applying', 'Interested', 'Draft', 'New', 'Idea', 'Not started', 'Researching', 'Ready to apply', 'Want to apply', 'À postuler', 'A postuler', 'À envoyer', 'Intéressé', 'Intéressant', 'Brouillon', 'Envie', 'Idée', 'À faire', 'Repéré', 'Repérée']],
];

/** Stage words that also mean the application is archived (JobSync, Teal). */
export const archivedWords = new Set(['archived', 'archive', 'archive', 'archivé', 'archivée'].map(valueKey));

export const employmentTypeSynonyms: Synonyms<EmploymentType> = [
  ['apprenticeship', ['Apprenticeship', 'Apprentice', 'Work-study', 'Alternance', 'Alternant', 'Apprentissage', 'Apprenti', 'Contrat pro', 'Contrat de professionnalisation', 'Contrat d’apprentissage']],
  ['internship', ['Internship', 'Intern', 'Trainee', 'Co-op', 'Coop', 'Stage', 'Stagiaire', 'Stage de fin d’études', 'PFE', 'Césure']],
  ['temporary', ['Temporary', 'Temp', 'Seasonal', 'Interim', 'Intérim', 'Mission d’intérim', 'Travail temporaire', 'Intérimaire', 'Saisonnier']],
  ['freelance', ['Freelance', 'Free-lance', 'Freelancer', 'Contractor', 'Independent contractor', 'Self-employed', 'Indépendant', 'Indépendante', 'Portage', 'Portage salarial', 'Auto-entrepreneur', 'Micro-entrepreneur', 'Consultant indépendant', 'Mission']],
  ['fixed_term', ['Fixed-term', 'Fixed term', 'Fixed-term contract', 'Contract', 'Contract role', 'CDD', 'Contrat à durée déterminée', 'Durée déterminée', 'VIE', 'V.I.E', 'Volontariat international', 'Remplacement']],
  ['permanent', ['Permanent', 'Permanent contract', 'Full-time permanent', 'Regular', 'CDI', 'Contrat à durée indéterminée', 'Durée indéterminée', 'CDI de chantier']],
];

export const workModeSynonyms: Synonyms<WorkMode> = [
  ['hybrid', ['Hybrid', 'Partial remote', 'Partly remote', 'Flexible', 'Hybride', 'Mixte', 'Partiel', 'Télétravail partiel', 'Partiellement', '2 jours', '3 jours', 'Quelques jours']],
  ['remote', ['Remote', 'Full remote', 'Fully remote', 'Remote first', 'Work from home', 'WFH', 'Yes', 'Télétravail', 'Télétravail complet', '100% télétravail', 'Full télétravail', 'À distance', 'Distanciel', 'Oui', 'Total']],
  ['on_site', ['On site', 'On-site', 'Onsite', 'In office', 'In-office', 'In person', 'Office', 'No', 'Sur site', 'Présentiel', 'Bureau', 'Au bureau', 'Non', 'Aucun', 'Pas de télétravail']],
];

export const scheduleSynonyms: Synonyms<Schedule> = [
  ['part_time', ['Part time', 'Part-time', 'PT', 'Temps partiel', 'Mi-temps', 'Partiel', '80%', '4/5']],
  ['full_time', ['Full time', 'Full-time', 'FT', 'Temps plein', 'Plein temps', 'Temps complet', '35h', '39h']],
];

export const sourceSynonyms: Synonyms<BuiltInSource> = [
  ['linkedin', ['LinkedIn', 'Linked In', 'LinkedIn Jobs', 'LinkedIn Easy Apply', 'Easy Apply', 'LI']],
  ['indeed', ['Indeed']],
  ['welcome_to_the_jungle', ['Welcome to the Jungle', 'WTTJ', 'WTJ', 'Welcome']],
  ['france_travail', ['France Travail', 'Pôle emploi', 'Pole emploi', 'PE']],
  ['apec', ['APEC']],
  ['referral', ['Referral', 'Referred', 'Employee referral', 'Internal referral', 'Network', 'Networking', 'Cooptation', 'Recommandation', 'Réseau', 'Bouche à oreille', 'Piston']],
  ['recruiter', ['Recruiter', 'Headhunter', 'Agency', 'Recruitment agency', 'Recruteur', 'Chasseur', 'Chasseur de têtes', 'Cabinet', 'Cabinet de recrutement', 'Approche directe']],
  ['job_fair', ['Job fair', 'Career fair', 'Salon', 'Forum', 'Salon de l’emploi', 'Forum emploi', 'Forum entreprises']],
  ['company_site', ['Company site', 'Company website', 'Company career page', 'Career page', 'Careers page', 'Careers site', 'Careers', 'Website', 'Site de l’entreprise', 'Site entreprise', 'Site carrière', 'Site web', 'Site internet', 'Page carrière']],
  ['email', ['Email', 'E-mail', 'Mail', 'Cold email', 'Courriel', 'Par mail']],
  ['other', ['Other', 'Autre', 'Divers']],
];

/**
 * Cells that say "nothing here": the field stays empty (N/A is not a location, "-" not a source). JobSync writes
 * "N/A", "Unknown" and "Not specified" for what it does not know.
 */
const placeholders = new Set(
  ['N/A', 'NA', 'N.A.', 'n/c', 'NC', 'N/D', 'ND', 'none', 'null', 'nil', 'undefined', 'TBD', 'TBA', 'TBC', 'unknown', 'not specified', 'not applicable', 'non renseigné', 'non précisé', 'non communiqué', 'inconnu', 'à définir', 'à préciser', 'aucune idée'].map(valueKey),
);

/**
 * Letters and digits of the longest placeholder: a text holding more of them is no placeholder (keys.ts
 * `hasMoreAsciiLettersThan`), so most cells (titles, notes) are told so without the Unicode folding, which cost 15 %
 * of an import of 100,000 rows.
 */
const placeholderLetters = Math.max(...[...placeholders].map((key) => key.replace(/ /g, '').length));

/**
 * The short cells already told, and whether each is a placeholder: the rest (dates, stages, sources, company names)
 * repeat over thousands of rows, and folding each into its key (Unicode normalisation) cost 4 % of an import of
 * 100,000 rows. Bounded (it lives as long as the process): texts up to 64 characters, 50,000 of them.
 */
const toldPlaceholders = new Map<string, boolean>();
const toldLimit = 50_000;
const toldLength = 64;

/** Whether a cell's text says "nothing" (a placeholder, or only punctuation: "-", "—", "?", "…"). */
export function isPlaceholder(text: string): boolean {
  if (hasMoreAsciiLettersThan(text, placeholderLetters)) return false;
  let told = toldPlaceholders.get(text);
  if (told === undefined) {
    const key = valueKey(text);
    told = key === '' ? text.trim() !== '' : placeholders.has(key);
    if (text.length <= toldLength && toldPlaceholders.size < toldLimit) toldPlaceholders.set(text, told);
  }
  return told;
}

const booleanWords: [boolean, string[]][] = [
  [true, ['true', 'yes', 'y', 'x', '1', 'oui', 'o', 'vrai', 'ok', 'done', 'checked', 'favori', 'favorite', 'favourite', '★', '⭐', '✓', '✔', '☑', '✅', '*']],
  [false, ['false', 'no', 'n', '0', 'non', 'faux', 'unchecked', '-', '☐', '❌', '✗', '✘']],
];
const booleanByWord = new Map(booleanWords.flatMap(([value, list]) => list.map((word) => [word, value] as const)));
/** A text with more ASCII letters and digits than the longest word says neither (the plan profiles every cell so). */
const longestBooleanWord = Math.max(...[...booleanByWord.keys()].map((word) => word.length));

/** true / false for what people type in a yes/no column (x, oui, 1, ✓ …); undefined when it is neither. Empty is false. */
export function parseBoolean(text: string): boolean | undefined {
  const raw = text.trim().toLowerCase();
  if (raw === '') return false;
  if (hasMoreAsciiLettersThan(raw, longestBooleanWord)) return undefined;
  return booleanByWord.get(raw) ?? booleanByWord.get(valueKey(raw));
}

/** Words after which a source's name begins inside a longer value ("applied via LinkedIn", "trouvé sur Indeed"). */
const sourceLeads = ['via', 'from', 'through', 'thru', 'on', 'by', 'using', 'par', 'sur', 'depuis', 'avec'];

/** Distinct values remembered per matcher: a free-text column must not grow it without bound. */
const searchedLimit = 10_000;

export class ValueMatcher<T extends string> {
  private readonly exact = new Map<string, T>();
  /**
   * The phrases a longer value is searched for, in list order, each padded with spaces once here (` phrase `), with
   * its forms after a lead word for names (` via phrase `): the search is then `includes` on the value padded once,
   * instead of building both strings again for each of the 200 phrases (5 % of an import's CPU, for each free-text
   * cell and each vocabulary).
   */
  private readonly partial: { target: T; padded: string; afterLeads: string[] }[] = [];
  /**
   * The partial phrases by their first word, their places in list order ascending. A phrase held as whole words
   * begins at a word of the value (a name after a lead word too), so only the phrases whose first word the value has
   * are tried: a long free text (a note) was searched for each of the 200 phrases of each vocabulary, 0.4 s of the
   * plan's CPU at 100,000 rows, all in the 2,000 rows it profiles.
   */
  private readonly byFirstWord = new Map<string, number[]>();
  /** Keys already looked for among the partial phrases, and what was found (undefined: nothing). */
  private readonly searched = new Map<string, T | undefined>();

  /**
   * `names`: the values are names (sources), so a phrase inside a longer value counts only where the name begins
   * there: at the start or after "via", "from", "sur" … — "Bright Network" is a job board, not a referral.
   */
  constructor(
    synonyms: Synonyms<T>,
    extra: Iterable<[string, T]> = [],
    private readonly names = false,
  ) {
    for (const [key, target] of extra) if (key) this.exact.set(key, target);
    for (const [target, names] of synonyms) {
      for (const name of names) {
        const key = valueKey(name);
        if (!this.exact.has(key)) this.exact.set(key, target);
        // Short phrases ("no", "pe", "li", "oa") only match exactly: inside longer text they mean too many things.
        if (key.length <= 3) continue;
        const firstWord = key.split(' ', 1)[0];
        const places = this.byFirstWord.get(firstWord) ?? [];
        places.push(this.partial.length);
        this.byFirstWord.set(firstWord, places);
        this.partial.push({ target, padded: ` ${key} `, afterLeads: names ? sourceLeads.map((lead) => ` ${lead} ${key} `) : [] });
      }
    }
  }

  /** The target a value key proposes, or undefined when nothing matches. */
  match(key: string): T | undefined {
    const exact = this.exact.get(key);
    if (exact !== undefined) return exact;
    // A column repeats a few values over thousands of rows: each is looked for among the phrases once.
    if (this.searched.has(key)) return this.searched.get(key);
    const found = this.firstPartial(key);
    if (this.searched.size < searchedLimit) this.searched.set(key, found);
    return found;
  }

  /** The first phrase in list order that the key holds as whole words (for names, where the name begins). */
  private firstPartial(key: string): T | undefined {
    const padded = ` ${key} `;
    let first = this.partial.length;
    for (const word of new Set(key.split(' '))) {
      for (const place of this.byFirstWord.get(word) ?? []) {
        if (place >= first) break;
        const phrase = this.partial[place];
        if (this.names ? beginsName(padded, phrase) : padded.includes(phrase.padded)) {
          first = place;
          break;
        }
      }
    }
    return this.partial[first]?.target;
  }

  /** Whether some phrase of the vocabulary is the whole key or one of its words (for recognising headers). */
  matchExact(key: string): T | undefined {
    return this.exact.get(key);
  }
}

/**
 * Whether the phrase starts the key, or starts right after one of the words that lead to a source's name: both
 * padded with spaces, so that only whole words match.
 */
function beginsName(paddedKey: string, phrase: { padded: string; afterLeads: readonly string[] }): boolean {
  if (paddedKey.startsWith(phrase.padded)) return true;
  return phrase.afterLeads.some((afterLead) => paddedKey.includes(afterLead));
}
