import type en from '../en/tasks';

/** Textes français des écrans de tâches. */
export default {
  title: 'Tâches',
  shortcuts: 'Clavier : ↑ ↓ passer d’une tâche à l’autre · x ou Espace marque comme faite · Entrée modifie · Suppr supprime (Ctrl+Z annule).',
  form: {
    newTitle: 'Nouvelle tâche',
    placeholder: 'Relancer…, envoyer le portfolio à…',
    add: 'Ajouter la tâche',
  },
  field: {
    title: 'Tâche',
    dueOn: 'Échéance',
    application: 'Candidature (facultatif)',
    notes: 'Notes',
  },
  section: {
    today: "Aujourd’hui",
    todayEmpty: "Rien à faire aujourd’hui. Bravo.",
    upcoming: 'À venir',
    upcomingEmpty: "Rien de prévu après aujourd’hui.",
    done: 'Faites',
  },
  due: {
    none: "Pas d’échéance",
    overdue: 'En retard ({{relative}})',
    on: '{{date}} ({{relative}})',
  },
  row: {
    label: '{{title}}, {{due}}',
    labelDone: '{{title}}, faite',
    markDone: 'Faite : {{title}}',
    doneOn: 'Faite le {{date}}',
    edit: 'Modifier la tâche {{title}}',
    delete: 'Supprimer la tâche {{title}}',
  },
  empty: {
    title: 'Aucune tâche à faire',
    text: 'Les tâches sont vos relances et rappels : « rappeler mardi », « envoyer le portfolio ». Saisissez-en une ci-dessus avec une date ; elle apparaîtra dans Aujourd’hui le jour venu.',
  },
  embedded: {
    title: 'Tâches',
    empty: 'Aucune tâche pour cette candidature. Ajoutez une relance ci-dessous : elle apparaîtra dans Aujourd’hui le jour venu.',
  },
  toast: {
    done: 'Faite : {{title}}',
    deleted: 'Tâche « {{title}} » supprimée',
  },
} satisfies typeof en;
