/** Réglages ▸ Synchronisation ▸ Qui peut lire vos données (src-renderer/src/features/sync/AccountMode.tsx). */
export default {
  title: 'Qui peut lire vos données',
  loading: 'Interrogation du serveur…',
  state: {
    private: 'Privées (chiffrées de bout en bout).',
    readable: 'Lisibles par le serveur.',
  },
  explain: {
    private: 'Le serveur ne fait que relayer des données scellées qu’il ne peut pas lire. Son API REST est fermée pour ce compte.',
    readable: 'Le serveur peut lire votre recherche et la sert par son API REST (/v1 et l’API compatible JobTracker) à vos scripts et à d’autres applications.',
  },
  makeReadable: 'Laisser le serveur lire mes données…',
  makePrivate: 'Rendre mes données à nouveau privées…',
  readable: {
    title: 'Laisser le serveur lire vos données ?',
    intro: 'Votre clé de chiffrement sera confiée au serveur. Ensuite :',
    reads: 'Le serveur, et quiconque l’administre ou y accède, peut lire tout ce que vous synchronisez : candidatures, entreprises, contacts, entretiens, notes, tâches, documents et leurs fichiers.',
    stored: 'Le serveur garde une copie lisible de votre recherche (chiffrée sur son disque avec la clé du serveur, que le processus du serveur détient).',
    api: 'Son API REST est ouverte pour votre compte : toute personne ayant votre adresse e-mail et votre mot de passe peut lire et modifier vos données depuis un script ou une autre application.',
    undo: 'Vous pourrez les rendre à nouveau privées : cet appareil fabrique alors une nouvelle clé, et le serveur supprime sa copie et la clé qu’il détenait.',
    understand: 'Je comprends que le serveur pourra lire mes données',
    confirm: 'Laisser le serveur lire mes données',
    done: 'Le serveur peut désormais lire vos données. Son API REST est ouverte pour votre compte.',
  },
  private: {
    title: 'Rendre vos données à nouveau privées ?',
    intro: 'Le serveur supprime sa copie lisible et la clé qu’il détenait, et son API REST ne répond plus pour votre compte. Comme le serveur détenait la clé :',
    rotate: 'Cet appareil fabrique une nouvelle clé de chiffrement, la protège par votre phrase secrète de synchronisation et envoie votre recherche scellée avec elle. Cela peut prendre un moment pour une grande recherche.',
    recovery: 'Vous recevez une nouvelle clé de secours, affichée une seule fois : l’ancienne ne fonctionne plus.',
    devices: 'Vos autres appareils demandent une fois la phrase secrète, puis se synchronisent comme avant.',
    passphrase: 'Phrase secrète de synchronisation',
    passphraseHint: 'Elle prouve que c’est bien vous et protège la nouvelle clé.',
    confirm: 'Rendre privées',
    busy: 'Fabrication d’une nouvelle clé…',
    done: 'Vos données sont à nouveau privées. Enregistrez la nouvelle clé de secours.',
  },
  cancel: 'Annuler',
} as const;
