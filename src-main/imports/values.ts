import type { BuiltInSource, EmploymentType, Schedule, StageCategory, WorkMode } from '../../src-shared/contract';
import { containsPhrase, matchKey } from './keys';

/**
 * What people write in spreadsheets for our enumerations, in English and French (written naturally; compared
 * through `matchKey`). A value matches exactly, else by the first entry (in list order) whose phrase it contains:
 * "Refusé après entretien" is a rejection, so outcomes are listed before the steps that lead to them.
 */
type Synonyms<T extends string> = [T, string[]][];

export const stageSynonyms: Synonyms<StageCategory> = [
  ['accepted', ['Accepted', 'Hired', 'Signed', 'Offer accepted', 'Accepté', 'Acceptée', 'Embauché', 'Embauchée', 'Recruté', 'Recrutée', 'Signé', 'Offre acceptée', 'Contrat signé']],
  ['rejected', ['Rejected', 'Rejection', 'Declined', 'Turned down', 'Not selected', 'Refused', 'Negative', 'No', 'KO', 'Refusé', 'Refusée', 'Refus', 'Réponse négative', 'Négatif', 'Négative', 'Non retenu', 'Non retenue', 'Candidature rejetée', 'Rejeté', 'Rejetée', 'Non']],
  ['withdrawn', ['Withdrawn', 'Withdrew', 'Cancelled', 'Canceled', 'Abandoned', 'Not interested', 'Désisté', 'Désistée', 'Désistement', 'Abandon', 'Abandonné', 'Abandonnée', 'Retiré', 'Retirée', 'Annulé', 'Annulée', 'Plus intéressé']],
  ['ghosted', ['Ghosted', 'Ghost', 'No response', 'No answer', 'No reply', 'No news', 'Pas de réponse', 'Sans réponse', 'Aucune réponse', 'Pas de retour', 'Sans retour', 'Aucun retour', 'Sans nouvelles', 'Silence radio']],
  ['offer', ['Offer', 'Job offer', 'Offer received', 'Offre', 'Offre reçue', 'Proposition', 'Proposition d’embauche', 'Promesse d’embauche']],
  ['interviewing', ['Interview', 'Interviews', 'Interviewing', 'Interview scheduled', 'Technical test', 'Assessment', 'Case study', 'Entretien', 'Entretiens', 'Entretien RH', 'Entretien technique', 'Entretien prévu', 'Test technique', 'Convocation', 'Convoqué', 'Convoquée', 'Second entretien', '2e entretien', 'Cas pratique']],
  ['screening', ['Screening', 'Phone screen', 'Call', 'First call', 'Recruiter call', 'Présélection', 'Pré-sélection', 'Premier contact', 'Appel', 'Appel RH', 'Entretien téléphonique', 'Contact RH', 'Qualification']],
  ['applied', ['Applied', 'Sent', 'Submitted', 'Pending', 'Waiting', 'In progress', 'Awaiting', 'Follow up', 'Postulé', 'Postulée', 'Envoyé', 'Envoyée', 'Candidature envoyée', 'En attente', 'Attente', 'En cours', 'Relance', 'Relancé', 'Relancée', 'À relancer', 'Candidaté']],
  ['wishlist', ['Wishlist', 'To apply', 'Saved', 'Interested', 'Draft', 'Idea', 'À postuler', 'A postuler', 'À envoyer', 'Intéressé', 'Intéressant', 'Brouillon', 'Envie', 'Idée', 'À faire']],
];

export const employmentTypeSynonyms: Synonyms<EmploymentType> = [
  ['apprenticeship', ['Apprenticeship', 'Apprentice', 'Work-study', 'Alternance', 'Alternant', 'Apprentissage', 'Apprenti', 'Contrat pro', 'Contrat de professionnalisation', 'Contrat d’apprentissage']],
  ['internship', ['Internship', 'Intern', 'Trainee', 'Stage', 'Stagiaire', 'Stage de fin d’études', 'PFE', 'Césure']],
  ['temporary', ['Temporary', 'Temp', 'Interim', 'Intérim', 'Mission d’intérim', 'Travail temporaire', 'Intérimaire']],
  ['freelance', ['Freelance', 'Free-lance', 'Freelancer', 'Contractor', 'Self-employed', 'Indépendant', 'Indépendante', 'Portage', 'Portage salarial', 'Auto-entrepreneur', 'Micro-entrepreneur', 'Consultant indépendant', 'Mission']],
  ['fixed_term', ['Fixed-term', 'Fixed term', 'Fixed-term contract', 'CDD', 'Contrat à durée déterminée', 'Durée déterminée', 'VIE', 'V.I.E', 'Volontariat international', 'Remplacement']],
  ['permanent', ['Permanent', 'Permanent contract', 'Full-time permanent', 'CDI', 'Contrat à durée indéterminée', 'Durée indéterminée', 'CDI de chantier']],
];

export const workModeSynonyms: Synonyms<WorkMode> = [
  ['hybrid', ['Hybrid', 'Partial remote', 'Partly remote', 'Flexible', 'Hybride', 'Mixte', 'Partiel', 'Télétravail partiel', 'Partiellement', '2 jours', '3 jours', 'Quelques jours']],
  ['remote', ['Remote', 'Full remote', 'Fully remote', 'Work from home', 'WFH', 'Yes', 'Télétravail', 'Télétravail complet', '100% télétravail', 'Full télétravail', 'À distance', 'Distanciel', 'Oui', 'Total']],
  ['on_site', ['On site', 'On-site', 'Onsite', 'Office', 'In office', 'No', 'Sur site', 'Présentiel', 'Bureau', 'Au bureau', 'Non', 'Aucun', 'Pas de télétravail']],
];

export const scheduleSynonyms: Synonyms<Schedule> = [
  ['part_time', ['Part time', 'Part-time', 'Temps partiel', 'Mi-temps', 'Partiel', '80%', '4/5']],
  ['full_time', ['Full time', 'Full-time', 'Temps plein', 'Plein temps', 'Temps complet', '35h', '39h']],
];

export const sourceSynonyms: Synonyms<BuiltInSource> = [
  ['linkedin', ['LinkedIn', 'Linked In', 'LinkedIn Jobs', 'LI']],
  ['indeed', ['Indeed']],
  ['welcome_to_the_jungle', ['Welcome to the Jungle', 'WTTJ', 'WTJ', 'Welcome']],
  ['france_travail', ['France Travail', 'Pôle emploi', 'Pole emploi', 'PE']],
  ['apec', ['APEC']],
  ['referral', ['Referral', 'Referred', 'Network', 'Cooptation', 'Recommandation', 'Réseau', 'Bouche à oreille', 'Piston']],
  ['recruiter', ['Recruiter', 'Headhunter', 'Agency', 'Recruitment agency', 'Recruteur', 'Chasseur', 'Chasseur de têtes', 'Cabinet', 'Cabinet de recrutement', 'Approche directe']],
  ['job_fair', ['Job fair', 'Career fair', 'Salon', 'Forum', 'Salon de l’emploi', 'Forum emploi', 'Forum entreprises']],
  ['company_site', ['Company site', 'Company website', 'Careers page', 'Careers site', 'Website', 'Site de l’entreprise', 'Site entreprise', 'Site carrière', 'Site web', 'Site internet', 'Page carrière']],
  ['email', ['Email', 'E-mail', 'Mail', 'Courriel', 'Par mail']],
  ['other', ['Other', 'Autre', 'Divers']],
];

const booleanWords: [boolean, string[]][] = [
  [true, ['true', 'yes', 'y', 'x', '1', 'oui', 'o', 'vrai', 'favori', 'favorite', 'favourite', '★', '✓', '✔', '*']],
  [false, ['false', 'no', 'n', '0', 'non', 'faux', '-']],
];

export class ValueMatcher<T extends string> {
  private readonly exact = new Map<string, T>();
  private readonly partial: { target: T; phrase: string }[] = [];

  constructor(synonyms: Synonyms<T>, extra: Iterable<[string, T]> = []) {
    for (const [key, target] of extra) if (key) this.exact.set(key, target);
    for (const [target, names] of synonyms) {
      for (const name of names) {
        const key = matchKey(name);
        if (!this.exact.has(key)) this.exact.set(key, target);
        this.partial.push({ target, phrase: key });
      }
    }
  }

  /** The target a normalised value proposes, or undefined when nothing matches. */
  match(key: string): T | undefined {
    const exact = this.exact.get(key);
    if (exact !== undefined) return exact;
    // Short phrases ("no", "pe", "li") only match exactly: inside longer text they mean too many things.
    return this.partial.find(({ phrase }) => phrase.length > 3 && containsPhrase(key, phrase))?.target;
  }
}

/** true / false for what people type in a yes/no column (x, oui, 1 …); undefined when it is neither. Empty is false. */
export function parseBoolean(text: string): boolean | undefined {
  const key = text.trim().toLowerCase();
  if (key === '') return false;
  for (const [value, words] of booleanWords) if (words.includes(key) || words.includes(matchKey(key))) return value;
  return undefined;
}
