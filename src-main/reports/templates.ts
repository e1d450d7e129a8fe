import type { ExportLanguage, SearchReportTemplate } from '../../src-shared/contract';
import { resources } from '../../src-shared/i18n';
import type { SearchActivity } from './activities';

export type ReportColumn = 'date' | 'activity' | 'employer' | 'address' | 'contactPerson' | 'position' | 'method' | 'outcome';

/**
 * The columns of each form, in its order, with their share of a landscape page's width:
 * - France Travail's "actes positifs de recherche d'emploi": date, kind of action, company, position, how, result;
 * - a German job centre's Nachweis der Eigenbemühungen: Datum, Arbeitgeber, Anschrift, Stelle, Art der Bewerbung,
 *   Ansprechpartner, Ergebnis (the names stay German, glossed in the user's language: the centre reads German);
 * - a US state's work-search log: date, employer, address or website, person contacted, position, method, type
 *   of activity, result.
 */
export const templateColumns: Record<SearchReportTemplate, { column: ReportColumn; width: number }[]> = {
  franceTravail: [
    { column: 'date', width: 1.1 },
    { column: 'activity', width: 1.4 },
    { column: 'employer', width: 1.8 },
    { column: 'position', width: 1.8 },
    { column: 'method', width: 1.1 },
    { column: 'outcome', width: 2 },
  ],
  jobcentre: [
    { column: 'date', width: 1.1 },
    { column: 'employer', width: 1.6 },
    { column: 'address', width: 1.5 },
    { column: 'position', width: 1.6 },
    { column: 'method', width: 1.3 },
    { column: 'contactPerson', width: 1.3 },
    { column: 'outcome', width: 1.8 },
  ],
  usWorkSearch: [
    { column: 'date', width: 1 },
    { column: 'employer', width: 1.5 },
    { column: 'address', width: 1.4 },
    { column: 'contactPerson', width: 1.2 },
    { column: 'position', width: 1.5 },
    { column: 'method', width: 1 },
    { column: 'activity', width: 1.2 },
    { column: 'outcome', width: 1.6 },
  ],
};

/** Where dates are written the local way: the US log in the US order, the others in the European one. */
function dateLocale(language: ExportLanguage, template: SearchReportTemplate): string {
  if (language === 'fr') return 'fr-FR';
  return template === 'usWorkSearch' ? 'en-US' : 'en-GB';
}

/** The words of a report in one language, from the catalogue the interface uses. */
export function reportText(language: ExportLanguage, template: SearchReportTemplate) {
  const words = resources[language].searchReport;
  const dates = new Intl.DateTimeFormat(dateLocale(language, template), { dateStyle: 'medium', timeZone: 'UTC' });
  const formatDay = (day: string) => dates.format(new Date(`${day}T00:00:00Z`));
  const header = (column: ReportColumn): string =>
    template === 'jobcentre' && column in words.germanColumns ? words.germanColumns[column as keyof typeof words.germanColumns] : words.columns[column];
  const cell = (activity: SearchActivity, column: ReportColumn, dateStyle: 'local' | 'iso'): string => {
    switch (column) {
      case 'date':
        return dateStyle === 'iso' ? activity.date : formatDay(activity.date);
      case 'activity':
        return words.activity[activity.kind];
      case 'employer':
        return activity.employer;
      case 'address':
        return activity.address ?? '';
      case 'contactPerson':
        return activity.contactPerson ?? '';
      case 'position':
        return activity.position ?? '';
      case 'method':
        return words.method[activity.method];
      case 'outcome':
        if (activity.outcome === null) return '';
        return 'key' in activity.outcome ? words.outcome[activity.outcome.key] : activity.outcome.text;
    }
  };
  return { words, formatDay, header, cell, columns: templateColumns[template], title: words.documentTitle[template] };
}

export type ReportText = ReturnType<typeof reportText>;
