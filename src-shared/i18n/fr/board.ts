import type en from '../en/board';

/** Chaînes françaises du kanban. Mêmes clés que en/board.ts. */
export default {
  title: 'Kanban',
  hint: 'Glissez une carte vers une autre colonne pour changer son étape — ou sélectionnez-la, appuyez sur Espace, puis ← →.',
  instructions:
    "Pour passer cette candidature à une autre étape, appuyez sur Espace pour la saisir, utilisez les flèches gauche et droite pour choisir une colonne, puis Espace pour la déposer. Échap annule. Entrée l’ouvre.",
  card: { favorite: 'Favori', roleDescription: 'candidature déplaçable' },
  column: {
    count_one: '{{count}} candidature',
    count_other: '{{count}} candidatures',
    empty: 'Rien ici.',
    collapse: 'Replier la colonne {{stage}}',
    expand: 'Déplier la colonne {{stage}}',
    showMore: 'Afficher plus ({{shown}} sur {{total}})',
    openInTable: 'Voir les {{total}} dans le tableau',
  },
  announce: {
    start: '{{position}} saisie.',
    over: 'Au-dessus de la colonne {{stage}}.',
    outside: "Hors d’une colonne.",
    dropped: '{{position}} déposée dans {{stage}}.',
    cancelled: 'Déplacement de {{position}} annulé.',
  },
} satisfies typeof en;
