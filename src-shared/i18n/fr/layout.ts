import type en from '../en/layout';

/** Chaînes françaises de l'agencement des écrans : volets, barre latérale, densité du kanban, menu Fichier, cartes en échec. Mêmes clés que en/layout.ts. */
export default {
  cardFailed: 'Ce chiffre n’a pas pu être affiché : {{reason}} Le reste du tableau de bord n’est pas touché.',
  cardDrawFailed: 'Une valeur enregistrée n’a pas pu être dessinée.',
} satisfies typeof en;
