/**
 * English strings shared by the record screens (interviews, tasks, companies, contacts, settings): the pickers,
 * paging, and how an application is named. Buttons use common:actions.
 */
export default {
  unspecified: 'Not specified',
  urlPlaceholder: 'https://…',
  showMore: 'Show more ({{shown}} of {{total}})',
  applicationLabel: '{{company}} — {{position}}',
  picker: {
    loading: 'Searching…',
    noResults: 'No match',
    applicationPlaceholder: 'Type a company or a position…',
    noApplications: 'No application matches. Add the application first, from Applications.',
    companyPlaceholder: 'Type a company name…',
    noCompanies: 'No company matches.',
    applicationCount_one: '{{count}} application',
    applicationCount_other: '{{count}} applications',
  },
};
