/** Placeholder: the interviews of one application, with add/edit inline (embedded in the application detail). */
export function ApplicationInterviews(_props: { applicationId: string }) {
  return null;
}
