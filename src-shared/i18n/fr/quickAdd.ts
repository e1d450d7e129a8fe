/** Textes français de l'ajout rapide (N, la palette, le « + » d'une colonne du tableau). */
export default {
  title: 'Nouvelle candidature',
  hint: 'Entrée l’ajoute. Le reste (dates, salaire, notes…) peut attendre, ou passez au formulaire complet.',
  save: 'Ajouter',
  fullForm: 'Formulaire complet…',
  added: '{{position}} chez {{company}} ajoutée à {{stage}}.',
  addToStage: 'Ajouter une candidature à {{stage}}',
  palette: 'Nouvelle candidature (ajout rapide)',
  paletteFullForm: 'Nouvelle candidature (formulaire complet)',
};
