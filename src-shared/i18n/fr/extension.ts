/** Textes français de Réglages ▸ Extension de navigateur (associer l’extension « Enregistrer dans Candid »). */
export default {
  title: 'Extension de navigateur',
  description:
    'L’extension « Enregistrer dans Candid » pour Chromium, Chrome, Edge et Brave ajoute l’offre que vous lisez à vos offres à postuler en un clic. Un navigateur associé peut seulement enregistrer des offres : il ne peut rien lire dans Candid.',
  pair: 'Associer un navigateur',
  newCode: 'Nouveau code',
  codeLabel: 'Code d’association',
  codeHint: 'Saisissez ce code dans la fenêtre de l’extension (cliquez sur son icône dans la barre d’outils du navigateur). Il ne sert qu’une fois.',
  expires: 'Expire à {{time}}',
  expired: 'Ce code a expiré. Demandez-en un nouveau.',
  paired: '{{name}} est associé.',
  browsers: 'Navigateurs associés',
  none: 'Aucun navigateur n’est encore associé.',
  unnamed: 'Un navigateur',
  pairedAt: 'Associé le {{date}}',
  lastUsed: 'Dernière utilisation le {{date}}',
  neverUsed: 'Pas encore utilisé',
  revoke: 'Révoquer',
  revokeLabel: 'Révoquer {{name}}',
  revoked: '{{name}} ne peut plus enregistrer dans Candid. Pour l’utiliser de nouveau, associez-le avec un nouveau code.',
};
