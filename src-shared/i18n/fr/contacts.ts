import type en from '../en/contacts';

/** Textes français des écrans de contacts. */
export default {
  title: 'Contacts',
  new: 'Nouveau contact',
  count_one: '{{formatted}} contact',
  count_other: '{{formatted}} contacts',
  search: 'Rechercher par nom, rôle, e-mail ou entreprise',
  listLabel: 'Contacts',
  empty: {
    title: 'Pas encore de contact',
    text: 'Gardez les recruteurs, managers et personnes qui vous recommandent, avec leurs coordonnées et les candidatures qui les concernent.',
    search: 'Personne ne correspond à « {{text}} ».',
  },
  field: {
    name: 'Nom',
    role: 'Rôle',
    company: 'Entreprise',
    email: 'E-mail',
    phone: 'Téléphone',
    linkedinUrl: 'LinkedIn',
    notes: 'Notes',
  },
  form: {
    create: 'Créer le contact',
  },
  dialog: {
    newTitle: 'Nouveau contact',
    editTitle: 'Modifier le contact',
  },
  detail: {
    pick: 'Choisissez une personne dans la liste pour voir ses coordonnées et ses candidatures.',
    gone: "Ce contact n’existe plus.",
    roleAt: '{{role}} chez',
    applications: 'Candidatures',
    noApplications: 'Lié à aucune candidature pour l’instant. Liez-le depuis la page d’une candidature.',
  },
  picker: {
    placeholder: 'Saisissez un nom…',
    noMatch: 'Personne ne correspond. Créez plutôt un nouveau contact.',
    noneAtCompany: 'Aucun contact connu dans cette entreprise : tapez pour chercher parmi tous.',
  },
  embedded: {
    title: 'Contacts',
    create: 'Nouveau contact',
    link: 'Lier un contact',
    unlink: 'Retirer',
    unlinkLabel: 'Retirer {{name}} de cette candidature',
    empty: 'Aucun contact pour cette candidature. Liez une personne connue ou créez un nouveau contact.',
  },
  toast: {
    deleted: 'Contact {{name}} supprimé',
    unlinked: '{{name}} retiré de cette candidature',
  },
} satisfies typeof en;
