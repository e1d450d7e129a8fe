import type { ImportField } from '../../src-shared/contract';
import { containsPhrase, matchKey } from './keys';

/**
 * Column names people give each field, in English and French, and the keys the trackers people leave export
 * (JobTracker SaaS: entreprise, poste, type_poste, lieu, moyen, date_candidature, lien, reponse, date_reponse,
 * commentaire, is_favorite; JobSync: appliedDate, JobTitle, jobType, workplaceType, JobSource…). Written
 * naturally; compared through `matchKey`. A header proposes a field; the column's values confirm or overrule it
 * (propose.ts).
 */
export const headerNames: Record<Exclude<ImportField, 'stageStep' | 'stageCards'>, string[]> = {
  company: ['Company', 'Company name', 'Employer', 'Employer name', 'Organisation', 'Organization', 'Organization name', 'Firm', 'Hiring company', 'Entreprise', 'Nom de l’entreprise', 'Nom entreprise', 'Société', 'Societe', 'Employeur', 'Structure', 'Boîte', 'Companyname'],
  position: ['Position', 'Job', 'Job title', 'Job position', 'Job name', 'Title', 'Role', 'Role title', 'Position title', 'Opening', 'Vacancy', 'Poste', 'Intitulé', 'Intitulé du poste', 'Titre', 'Titre du poste', 'Fonction', 'Emploi', 'Métier', 'Offre'],
  appliedOn: ['Applied', 'Applied on', 'Applied date', 'Date applied', 'Application date', 'Date of application', 'Date', 'Submitted', 'Submitted on', 'Date submitted', 'Sent on', 'Date de candidature', 'Date candidature', 'Candidature', 'Candidaté le', 'Postulé le', 'Date d’envoi', 'Envoyée le', 'Date postulation'],
  stage: ['Status', 'Stage', 'State', 'Outcome', 'Response', 'Result', 'Results', 'Current stage', 'Current status', 'Application status', 'Pipeline', 'List', 'Statut', 'État', 'Etat', 'Réponse', 'Résultat', 'Avancement', 'Étape', 'Suivi'],
  // "Response" and "Réponse" also name the status: their values tell which (dates, or statuses).
  responseOn: ['Response', 'Réponse', 'Response date', 'Date of response', 'Replied on', 'Reply date', 'Answer date', 'Heard back', 'Date de réponse', 'Date réponse', 'Réponse le', 'Date retour', 'Date du retour', 'Retour le'],
  source: ['Source', 'Job source', 'Channel', 'Platform', 'Found on', 'Found via', 'Via', 'Job board', 'Applied via', 'Where found', 'Moyen', 'Canal', 'Plateforme', 'Origine', 'Site', 'Moyen de candidature'],
  employmentType: ['Type', 'Job type', 'Employment type', 'Employment', 'Position type', 'Contract', 'Contract type', 'Type de poste', 'Type poste', 'Contrat', 'Type de contrat', 'Nature du contrat'],
  workMode: ['Work mode', 'Remote', 'Remote policy', 'Workplace type', 'Workplace', 'Location type', 'Work arrangement', 'Work model', 'Télétravail', 'Teletravail', 'Mode de travail', 'Modalité', 'Présentiel', 'Full remote'],
  schedule: ['Schedule', 'Work schedule', 'Full time / part time', 'Working time', 'Hours', 'Temps de travail', 'Temps plein / partiel', 'Durée du travail'],
  location: ['Location', 'City', 'Place', 'Country', 'Region', 'Job location', 'Lieu', 'Ville', 'Localisation', 'Adresse', 'Région', 'Pays'],
  postingUrl: ['Link', 'URL', 'Posting URL', 'Posting', 'Job URL', 'Job link', 'Job posting', 'Job posting URL', 'Offer link', 'Application link', 'Lien', 'Lien de l’offre', 'Lien offre', 'Annonce', 'Lien annonce', 'Url offre'],
  salary: ['Salary', 'Salary range', 'Pay', 'Compensation', 'Package', 'Rate', 'Salaire', 'Rémunération', 'Salaire annuel', 'Fourchette de salaire', 'Brut annuel', 'TJM', 'Prétentions'],
  salaryMin: ['Min salary', 'Salary min', 'Minimum salary', 'Salary minimum', 'Salary from', 'Min pay', 'Salaire min', 'Salaire minimum', 'Salaire bas'],
  salaryMax: ['Max salary', 'Salary max', 'Maximum salary', 'Salary maximum', 'Salary to', 'Max pay', 'Salaire max', 'Salaire maximum', 'Salaire haut'],
  salaryCurrency: ['Currency', 'Salary currency', 'Pay currency', 'Devise', 'Devise du salaire', 'Monnaie'],
  salaryPeriod: ['Salary period', 'Pay period', 'Period', 'Salary per', 'Période', 'Période du salaire', 'Périodicité'],
  notes: ['Notes', 'Note', 'Comments', 'Comment', 'Remarks', 'Commentaire', 'Commentaires', 'Remarque', 'Remarques', 'Observations'],
  description: ['Description', 'Job description', 'JD', 'Descriptif', 'Description du poste', 'Missions'],
  tags: ['Tags', 'Tag', 'Labels', 'Keywords', 'Étiquettes', 'Mots-clés', 'Catégorie'],
  requiredSkills: ['Skills', 'Skill', 'Required skills', 'Skills required', 'Key skills', 'Hard skills', 'Tech stack', 'Stack', 'Technologies', 'Tech', 'Compétences', 'Compétence', 'Compétences requises', 'Compétences clés', 'Compétences techniques', 'Technos', 'Stack technique'],
  preferredSkills: ['Preferred skills', 'Nice to have', 'Nice-to-have skills', 'Bonus skills', 'Optional skills', 'Desired skills', 'Compétences appréciées', 'Compétences souhaitées', 'Atouts', 'Un plus', 'Serait un plus'],
  experienceYears: ['Experience', 'Years of experience', 'Experience years', 'Experience required', 'Required experience', 'YOE', 'Expérience', 'Années d’expérience', 'Expérience requise', 'Ans d’expérience'],
  resumeVersion: ['Resume version', 'Resume', 'Resume used', 'CV', 'CV version', 'CV used', 'Version du CV', 'Version CV', 'CV envoyé'],
  favorite: ['Favorite', 'Favourite', 'Starred', 'Star', 'Is favorite', 'Favori', 'Favoris', 'Coup de cœur'],
  archived: ['Archived', 'Archive', 'Is archived', 'Archivé', 'Archivée', 'Archivage'],
  priority: ['Priority', 'Priorité', 'Importance'],
  excitement: ['Excitement', 'Interest', 'Interest level', 'Rating', 'Motivation', 'Intérêt', 'Niveau d’intérêt', 'Envie'],
  deadline: ['Deadline', 'Closing date', 'Apply by', 'Application deadline', 'Date limite', 'Échéance', 'Date de clôture'],
  contactName: ['Contact', 'Contact name', 'Contact person', 'Point of contact', 'Recruiter', 'Recruiter name', 'Hiring manager', 'Referrer', 'Interlocuteur', 'Interlocutrice', 'Recruteur', 'Recruteuse', 'Nom du contact', 'Personne à contacter'],
  contactRole: ['Contact role', 'Contact title', 'Contact position', 'Recruiter title', 'Fonction du contact', 'Poste du contact'],
  contactEmail: ['Email', 'E-mail', 'Mail', 'Contact email', 'Recruiter email', 'Email address', 'Courriel', 'Adresse e-mail', 'Email du contact', 'Contact info', 'Contact information', 'Contact details', 'Coordonnées', 'Coordonnées du contact'],
  contactPhone: ['Phone', 'Contact phone', 'Recruiter phone', 'Phone number', 'Telephone', 'Tel', 'Mobile', 'Téléphone', 'Portable', 'Numéro'],
  contactLinkedin: ['LinkedIn', 'Contact LinkedIn', 'LinkedIn profile', 'Recruiter LinkedIn', 'LinkedIn du contact'],
};

/** Names of columns that hold nothing to import (row numbers, technical dates): no field is proposed for them. */
const ignoredNames = ['Index', 'Id', 'No', 'Number', 'N°', 'Num', 'Created', 'Created at', 'Date created', 'Date added', 'Date saved', 'Updated', 'Updated at', 'Last updated', 'Modified', 'Last modified', 'Créé le', 'Date de création', 'Modifié le', 'User id', 'Uuid'].map(matchKey);

const phrases: { field: ImportField; phrase: string }[] = Object.entries(headerNames).flatMap(([field, names]) =>
  names.map((name) => ({ field: field as ImportField, phrase: matchKey(name) })),
);

/**
 * How well a header names each field, from 0 to 1: a known name exactly is 1; a known name inside the header
 * ("Date of first application" holds "date of application"? no; "Application date (sent)" holds "application
 * date") scores by how much of the header it covers. The field of the longest such name wins ties.
 */
export function headerScores(header: string): Map<ImportField, number> {
  const key = matchKey(header);
  const result = new Map<ImportField, number>();
  if (!key || ignoredNames.includes(key)) return result;
  for (const { field, phrase } of phrases) {
    const score = key === phrase ? 1 : containsPhrase(key, phrase) ? 0.4 + 0.5 * (phrase.length / key.length) : 0;
    if (score > (result.get(field) ?? 0)) result.set(field, score);
  }
  return result;
}

/** Whether a header names no field on purpose (Index, Created at…). */
export function isIgnoredHeader(header: string): boolean {
  return ignoredNames.includes(matchKey(header));
}

/** How many cells of a row name a known field: the row of column names has several. */
export function knownHeaderCount(cells: readonly string[]): number {
  return cells.filter((cell) => cell.length <= 60 && headerScores(cell).size > 0).length;
}
