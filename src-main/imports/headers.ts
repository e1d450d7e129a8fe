import type { ImportField } from '../../src-shared/contract';
import { multiColumnFields } from '../../src-shared/contract';
import { containsPhrase, matchKey } from './keys';

/**
 * Column names people give each field, in English and French (written naturally; compared through `matchKey`).
 * Older trackers' JSON keys (entreprise, poste, type_poste, lieu, moyen, date_candidature, lien, reponse,
 * date_reponse, commentaire, is_favorite) are among them.
 */
const headerNames: Record<ImportField, string[]> = {
  company: ['Company', 'Company name', 'Employer', 'Organisation', 'Organization', 'Firm', 'Entreprise', 'Nom de l’entreprise', 'Nom entreprise', 'Société', 'Societe', 'Employeur', 'Structure', 'Boîte', 'Companyname'],
  position: ['Position', 'Job', 'Job title', 'Title', 'Role', 'Poste', 'Intitulé', 'Intitulé du poste', 'Titre', 'Titre du poste', 'Fonction', 'Emploi', 'Métier', 'Offre'],
  appliedOn: ['Applied', 'Applied on', 'Date applied', 'Application date', 'Date of application', 'Date', 'Date de candidature', 'Date candidature', 'Candidature', 'Candidaté le', 'Postulé le', 'Date d’envoi', 'Envoyée le', 'Date postulation', 'Sent on'],
  stage: ['Status', 'Stage', 'State', 'Outcome', 'Response', 'Statut', 'État', 'Etat', 'Réponse', 'Résultat', 'Avancement', 'Étape', 'Suivi'],
  responseOn: ['Response date', 'Date of response', 'Replied on', 'Answer date', 'Date de réponse', 'Date réponse', 'Réponse le', 'Date retour', 'Date du retour', 'Retour le'],
  source: ['Source', 'Channel', 'Platform', 'Found on', 'Via', 'Job board', 'Moyen', 'Canal', 'Plateforme', 'Origine', 'Site', 'Moyen de candidature'],
  employmentType: ['Type', 'Job type', 'Employment type', 'Contract', 'Contract type', 'Type de poste', 'Type poste', 'Contrat', 'Type de contrat', 'Nature du contrat'],
  workMode: ['Work mode', 'Remote', 'Remote policy', 'Télétravail', 'Teletravail', 'Mode de travail', 'Modalité', 'Présentiel', 'Full remote'],
  schedule: ['Schedule', 'Full time / part time', 'Working time', 'Temps de travail', 'Temps plein / partiel', 'Durée du travail'],
  location: ['Location', 'City', 'Place', 'Country', 'Region', 'Lieu', 'Ville', 'Localisation', 'Adresse', 'Région', 'Pays'],
  postingUrl: ['Link', 'URL', 'Posting URL', 'Job URL', 'Job link', 'Offer link', 'Posting', 'Lien', 'Lien de l’offre', 'Lien offre', 'Annonce', 'Lien annonce', 'Url offre'],
  salary: ['Salary', 'Pay', 'Compensation', 'Package', 'Rate', 'Salaire', 'Rémunération', 'Salaire annuel', 'Fourchette de salaire', 'Brut annuel', 'TJM', 'Prétentions'],
  notes: ['Notes', 'Note', 'Comments', 'Comment', 'Remarks', 'Commentaire', 'Commentaires', 'Remarque', 'Remarques', 'Observations'],
  description: ['Description', 'Job description', 'Descriptif', 'Description du poste', 'Missions'],
  tags: ['Tags', 'Tag', 'Labels', 'Keywords', 'Étiquettes', 'Mots-clés', 'Catégorie'],
  favorite: ['Favorite', 'Favourite', 'Starred', 'Is favorite', 'Favori', 'Favoris', 'Coup de cœur'],
  deadline: ['Deadline', 'Closing date', 'Apply by', 'Date limite', 'Échéance', 'Date de clôture'],
};

const phrases: { field: ImportField; phrase: string }[] = Object.entries(headerNames).flatMap(([field, names]) =>
  names.map((name) => ({ field: field as ImportField, phrase: matchKey(name) })),
);

/** How well a header names a field: exact names first, then the longest name found inside the header. */
function scores(header: string): Map<ImportField, number> {
  const key = matchKey(header);
  const result = new Map<ImportField, number>();
  if (!key) return result;
  for (const { field, phrase } of phrases) {
    const score = key === phrase ? 1000 : containsPhrase(key, phrase) ? phrase.length : 0;
    if (score > (result.get(field) ?? 0)) result.set(field, score);
  }
  return result;
}

/** Whether any header names a known field: a first row without one is probably data, not headers. */
export function looksLikeHeaderRow(cells: readonly string[]): boolean {
  return cells.some((cell) => scores(cell).size > 0);
}

/**
 * The proposed field of each column, from its header. Best matches are taken first; a field goes to one column
 * (notes and tags may take several).
 */
export function proposeMapping(headers: readonly string[]): (ImportField | null)[] {
  const candidates: { column: number; field: ImportField; score: number }[] = [];
  headers.forEach((header, column) => {
    for (const [field, score] of scores(header)) candidates.push({ column, field, score });
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: (ImportField | null)[] = headers.map(() => null);
  const taken = new Set<ImportField>();
  for (const { column, field } of candidates) {
    if (mapping[column] !== null) continue;
    if (taken.has(field) && !multiColumnFields.includes(field)) continue;
    mapping[column] = field;
    taken.add(field);
  }
  return mapping;
}
