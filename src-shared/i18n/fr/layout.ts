import type en from '../en/layout';

/** Chaînes françaises de l'agencement des écrans : volets, barre latérale, densité du kanban, menu Fichier, cartes en échec. Mêmes clés que en/layout.ts. */
export default {
  cardFailed: 'Ce chiffre n’a pas pu être affiché : {{reason}} Le reste du tableau de bord n’est pas touché.',
  cardDrawFailed: 'Une valeur enregistrée n’a pas pu être dessinée.',
  leave: { saveAndLeave: 'Enregistrer et quitter' },
  board: { compact: 'Compact' },
  files: {
    menu: 'Fichier',
    showDataFolder: 'Emplacement du dossier des données',
  },
  sidebar: {
    collapse: 'Replier la barre latérale',
    expand: 'Déplier la barre latérale',
    toggle: 'Replier ou déplier la barre latérale',
  },
} satisfies typeof en;
