/** Textes français du dimensionnement des colonnes et de l'édition en place du tableau des candidatures. */
export default {
  resize: 'Largeur de la colonne {{column}}',
  resizeHint: 'Faites glisser, ou utilisez ← → (Maj pour aller plus vite). Double-clic ou Entrée ajuste au contenu.',
  editLabel: '{{field}} de {{position}}',
  saved: 'Modification enregistrée : {{field}} de {{position}}.',
  none: 'Aucune',
  salaryInvalid: 'Saisissez un montant ou une fourchette, par exemple 45000–55000 ou 45k–55k.',
  salaryPlaceholder: '45000–55000',
  nextStepTitle: 'Prochaine étape',
  nextStepDue: 'Échéance',
  nextStepPlaceholder: 'Relancer, envoyer le portfolio…',
  shortcuts: {
    moveCell: 'Passer d’une cellule à l’autre',
    edit: 'Modifier la cellule (ou taper pour la remplacer) ; ouvre la candidature là où il n’y a rien à modifier',
    cancel: 'Annuler la modification',
    saveAndMove: 'Enregistrer et passer à la cellule suivante',
  },
};
