import type en from '../en/interviews';

/** Textes français des écrans d'entretiens. */
export default {
  title: 'Entretiens',
  subtitle: 'Votre agenda : tous vos entretiens, jour par jour.',
  new: 'Nouvel entretien',
  filter: {
    period: 'Afficher',
    upcoming: 'À venir',
    past: 'Passés',
    statuses: 'Statuts affichés',
  },
  agenda: {
    today: "Aujourd’hui · {{date}}",
    tomorrow: 'Demain · {{date}}',
    yesterday: 'Hier · {{date}}',
  },
  empty: {
    upcomingTitle: 'Aucun entretien à venir',
    upcomingText: "Quand une entreprise vous convoque, ajoutez l’entretien ici ou depuis la candidature : il apparaîtra dans cet agenda, jour par jour.",
    pastTitle: 'Aucun entretien passé',
    pastText: 'Les entretiens apparaissent ici une fois leur jour passé, avec leur statut et leur résultat.',
    filtered: 'Aucun entretien ne correspond aux statuts choisis. Cochez d’autres statuts ci-dessus pour en voir plus.',
  },
  card: {
    interview: 'Entretien',
    label: '{{title}}, {{application}}, {{when}}',
    duration_one: '{{count}} min',
    duration_other: '{{count}} min',
    joinMeeting: 'Rejoindre la réunion',
    with: 'Avec {{people}}',
    markCompleted: 'Marquer comme passé',
    editLabel: "Modifier l’entretien {{title}} du {{when}}",
    deleteLabel: "Supprimer l’entretien {{title}} du {{when}}",
  },
  dialog: {
    newTitle: 'Nouvel entretien',
    editTitle: "Modifier l’entretien",
  },
  form: {
    add: "Ajouter l’entretien",
    applicationRequired: 'Choisissez la candidature concernée par cet entretien.',
    forApplication: 'Pour {{application}}',
    interviewersHint: 'Noms et rôles, par ex. « Anna Martin (RH), Paul Durand (CTO) ».',
  },
  field: {
    application: 'Candidature',
    scheduledAt: 'Date et heure',
    durationMinutes: 'Durée (minutes)',
    type: 'Type',
    format: 'Format',
    location: 'Lieu',
    meetingUrl: 'Lien de la réunion',
    interviewers: 'Recruteurs',
    status: 'Statut',
    outcome: 'Résultat',
    notes: 'Notes',
  },
  embedded: {
    title: 'Entretiens',
    add: 'Ajouter un entretien',
    empty: "Pas encore d’entretien. Ajoutez-en un quand l’entreprise vous convoque.",
  },
  toast: {
    deleted: 'Entretien du {{when}} supprimé',
    completed: 'Entretien marqué comme passé',
  },
} satisfies typeof en;
