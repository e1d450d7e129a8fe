/** Textes français de l'écran Capturer (une offre depuis un lien ou une page). Mêmes clés que en/capture.ts. */
export default {
  title: 'Capturer une offre',
  intro: 'Faites entrer une offre d’emploi dans Candid sans rien taper : Candid lit son intitulé, l’entreprise, le lieu, le salaire et le texte, et vous confirmez.',
  palette: 'Capturer une offre (depuis un lien ou une page)',
  open: 'Capturer une offre',
  waysLabel: 'Deux façons de faire',
  link: {
    title: 'Depuis un lien',
    text: 'Collez l’adresse de l’offre. Candid va chercher la page lui-même, sans vos cookies ni votre connexion.',
    label: 'Adresse de l’offre',
    placeholder: 'https://…',
    read: 'Lire l’offre',
  },
  html: {
    title: 'Depuis la page elle-même',
    text: 'Pour une page qui demande de se connecter, ou un lien que Candid ne peut pas lire : dans votre navigateur, affichez le code source de la page (Ctrl+U), sélectionnez tout, copiez et collez ici — ou déposez la page enregistrée (.html).',
    label: 'Le HTML de la page',
    url: 'L’adresse de la page (facultative)',
    urlHint: 'Gardée avec l’offre ; elle complète aussi les liens de son texte.',
    read: 'Lire la page collée',
    file: 'Ouvrir une page enregistrée…',
    drop: 'Déposez ici une page enregistrée (.html)',
    loaded: '{{name}} chargé.',
    notHtmlFile: '{{name}} n’est pas une page web enregistrée : choisissez un fichier .html ou .htm.',
    fileTooLarge: '{{name}} est trop volumineux pour une page d’offre (plus de 5 Mo).',
    required: 'Collez d’abord le HTML de la page.',
    linkRequired: 'Collez d’abord l’adresse de l’offre.',
  },
  reading: {
    title: 'Lecture de l’offre…',
    link: 'Récupération de {{url}}. Un site lent peut demander jusqu’à 15 secondes.',
    html: 'Lecture de la page collée.',
    cancel: 'Annuler',
    cancelled: 'Lecture annulée. Rien n’a été enregistré.',
  },
  pick: {
    title_one: '{{count}} offre sur cette page',
    title_other: '{{count}} offres sur cette page',
    hint: 'Choisissez celle à suivre : ↑ et ↓ pour se déplacer, Entrée pour l’ouvrir.',
    label: 'Offres de la page',
    noCompany: 'Entreprise non indiquée',
    noLocation: 'Lieu non indiqué',
  },
  form: {
    title: 'Confirmer la candidature',
    hint: 'Lu depuis {{origin}}. Vérifiez les champs, modifiez ce que vous voulez, puis enregistrez : rien n’est enregistré avant.',
    origin: {
      json_ld: 'les données structurées de la page',
      microdata: 'les données structurées de la page',
      open_graph: 'le titre et le résumé de la page seulement',
      page: 'le texte de la page seulement',
    },
    save: 'Enregistrer la candidature',
    otherPostings: 'Autres offres de la page',
    startAgain: 'Recommencer',
    saved: '{{position}} chez {{company}} enregistrée, avec l’offre.',
  },
  notes: {
    posted: 'Publiée le {{date}}.',
    reference: 'Référence : {{identifier}}.',
    directApply: 'Candidature directe depuis l’offre.',
    website: 'Site de l’entreprise : {{url}}',
  },
  posting: {
    title: 'L’offre telle que capturée',
    hint: 'Gardée telle qu’elle a été lue, même si la page change ou disparaît.',
    captured: 'Capturée le {{date}}',
    source: 'Lue depuis',
    noText: 'La page ne donnait pas de texte pour cette offre.',
  },
  errors: {
    title: 'Aucune offre n’a été lue. Rien n’a été enregistré.',
    empty_page: {
      what: 'La page est vide.',
      next: 'Collez la page entière : affichez son code source dans votre navigateur (Ctrl+U), sélectionnez tout, copiez, collez.',
    },
    no_posting: {
      what: 'Aucune offre d’emploi n’a été trouvée sur cette page.',
      next: 'Vérifiez qu’il s’agit bien de l’offre elle-même, et non d’une liste de résultats. Si c’est le cas, collez le HTML de sa page, ou ajoutez la candidature à la main.',
    },
    not_html: {
      what: 'Cette adresse donne un fichier, pas une page web.',
      next: 'Ouvrez l’offre dans votre navigateur et collez plutôt le HTML de sa page.',
    },
    http_status: {
      what: 'Le site a répondu par une erreur (HTTP {{status}}).',
      next: 'Vérifiez le lien dans votre navigateur. Si l’offre s’y affiche (après connexion, par exemple), collez plutôt le HTML de sa page.',
    },
    too_large: {
      what: 'La page est trop volumineuse pour être lue (plus de 5 Mo).',
      next: 'Collez seulement la partie de la page qui contient l’offre, ou ajoutez la candidature à la main.',
    },
    too_many_redirects: {
      what: 'Le lien renvoie d’adresse en adresse sans atteindre de page.',
      next: 'Ouvrez-le dans votre navigateur, puis collez l’adresse où il aboutit, ou le HTML de la page.',
    },
    timeout: {
      what: 'Le site n’a pas répondu en 15 secondes.',
      next: 'Réessayez dans un instant, ou collez plutôt le HTML de la page.',
    },
    unreachable: {
      what: 'Le site est injoignable.',
      next: 'Vérifiez l’adresse et votre connexion, ou collez plutôt le HTML de la page.',
    },
    not_http: {
      what: 'Seules les adresses web (http:// ou https://) peuvent être lues.',
      next: 'Copiez l’adresse de l’offre depuis la barre d’adresse de votre navigateur.',
    },
    bad_url: {
      what: 'Ce n’est pas une adresse web.',
      next: 'Copiez l’adresse de l’offre depuis la barre d’adresse de votre navigateur : elle commence par https://.',
    },
    private_address: {
      what: 'Candid ne lit pas les adresses de cet ordinateur ni de son réseau local.',
      next: 'Cela empêche un lien collé d’atteindre votre box ou vos programmes locaux. Si l’offre s’y trouve vraiment, ouvrez-la dans votre navigateur et collez plutôt son HTML.',
    },
  },
};
