/** English strings of the contacts screens (list and details, the application's contacts). */
export default {
  title: 'Contacts',
  new: 'New contact',
  count_one: '{{formatted}} contact',
  count_other: '{{formatted}} contacts',
  search: 'Search by name, role, e-mail or company',
  listLabel: 'Contacts',
  empty: {
    title: 'No contacts yet',
    text: 'Keep the recruiters, hiring managers and referrals you talk to, with how to reach them and the applications they are part of.',
    search: 'Nobody matches "{{text}}".',
  },
  field: {
    name: 'Name',
    role: 'Role',
    company: 'Company',
    email: 'E-mail',
    phone: 'Phone',
    linkedinUrl: 'LinkedIn',
    notes: 'Notes',
  },
  form: {
    create: 'Create contact',
  },
  dialog: {
    newTitle: 'New contact',
    editTitle: 'Edit contact',
  },
  detail: {
    pick: 'Choose someone in the list to see their details and applications.',
    gone: 'This contact no longer exists.',
    roleAt: '{{role}} at',
    applications: 'Applications',
    noApplications: 'Not linked to any application yet. Link them from an application’s page.',
  },
  picker: {
    placeholder: 'Type a name…',
    noMatch: 'Nobody matches. Create a new contact instead.',
    noneAtCompany: 'Nobody known at this company yet: type to search everyone.',
  },
  embedded: {
    title: 'Contacts',
    create: 'New contact',
    link: 'Link a contact',
    unlink: 'Unlink',
    unlinkLabel: 'Unlink {{name}} from this application',
    empty: 'No contact for this application yet. Link someone you know, or create a new contact.',
  },
  toast: {
    deleted: 'Contact {{name}} deleted',
    unlinked: '{{name}} unlinked from this application',
  },
};
