/** Textes français du dimensionnement des colonnes et de l'édition en place du tableau des candidatures. */
export default {
  resize: 'Largeur de la colonne {{column}}',
  resizeHint: 'Faites glisser, ou utilisez ← → (Maj pour aller plus vite). Double-clic ou Entrée ajuste au contenu.',
};
