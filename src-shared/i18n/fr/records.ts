import type en from '../en/records';

/** Textes français communs aux écrans d'entretiens, tâches, entreprises, contacts et réglages. */
export default {
  unspecified: 'Non précisé',
  urlPlaceholder: 'https://…',
  showMore: 'Afficher plus ({{shown}} sur {{total}})',
  applicationLabel: '{{company}} — {{position}}',
  picker: {
    loading: 'Recherche…',
    noResults: 'Aucun résultat',
    applicationPlaceholder: 'Saisissez une entreprise ou un poste…',
    noApplications: "Aucune candidature ne correspond. Ajoutez d’abord la candidature, depuis Candidatures.",
    companyPlaceholder: "Saisissez le nom d’une entreprise…",
    noCompanies: 'Aucune entreprise ne correspond.',
    applicationCount_one: '{{count}} candidature',
    applicationCount_other: '{{count}} candidatures',
  },
} satisfies typeof en;
