/** English strings of the tasks screens (Today list, the application's tasks). */
export default {
  title: 'Tasks',
  shortcuts: 'Keyboard: ↑ ↓ move between tasks · x or Space marks done · Enter edits · Delete removes (Ctrl+Z undoes).',
  form: {
    newTitle: 'New task',
    placeholder: 'Follow up with…, send the portfolio to…',
    add: 'Add task',
  },
  field: {
    title: 'Task',
    dueOn: 'Due',
    application: 'Application (optional)',
    notes: 'Notes',
  },
  section: {
    today: 'Today',
    todayEmpty: 'Nothing due today. Well done.',
    upcoming: 'Upcoming',
    upcomingEmpty: 'Nothing planned after today.',
    done: 'Done',
  },
  due: {
    none: 'No due date',
    overdue: 'Overdue ({{relative}})',
    on: '{{date}} ({{relative}})',
  },
  row: {
    label: '{{title}}, {{due}}',
    labelDone: '{{title}}, done',
    markDone: 'Done: {{title}}',
    doneOn: 'Done on {{date}}',
    edit: 'Edit the task {{title}}',
    delete: 'Delete the task {{title}}',
  },
  empty: {
    title: 'No tasks to do',
    text: 'Tasks are your follow-ups and reminders: "call back on Tuesday", "send the portfolio". Type one above and give it a date; it shows in Today when it is due.',
  },
  embedded: {
    title: 'Tasks',
    empty: 'No task for this application. Add a follow-up below so it shows in your Today list when it is due.',
  },
  toast: {
    done: 'Done: {{title}}',
    deleted: 'Task "{{title}}" deleted',
  },
};
