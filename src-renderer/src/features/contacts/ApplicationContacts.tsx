/** Placeholder: the contacts of one application, link/unlink/create inline (embedded in the application detail). */
export function ApplicationContacts(_props: { applicationId: string; companyId: string }) {
  return null;
}
