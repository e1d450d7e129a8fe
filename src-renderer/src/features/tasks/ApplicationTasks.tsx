/** Placeholder: the tasks of one application, with add/edit inline (embedded in the application detail). */
export function ApplicationTasks(_props: { applicationId: string }) {
  return null;
}
