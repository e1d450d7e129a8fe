import enCommon from './en/common';
import frCommon from './fr/common';
import enDocuments from './en/documents';
import frDocuments from './fr/documents';
import enInterviews from './en/interviews';
import frInterviews from './fr/interviews';
import enTasks from './en/tasks';
import frTasks from './fr/tasks';
import enCompanies from './en/companies';
import frCompanies from './fr/companies';
import enContacts from './en/contacts';
import frContacts from './fr/contacts';
import enSettings from './en/settings';
import frSettings from './fr/settings';
import enRecords from './en/records';
import frRecords from './fr/records';
import enFiles from './en/files';
import frFiles from './fr/files';
import enShell from './en/shell';
import frShell from './fr/shell';
import enApplications from './en/applications';
import frApplications from './fr/applications';
import enBoard from './en/board';
import frBoard from './fr/board';
import enDashboard from './en/dashboard';
import frDashboard from './fr/dashboard';
import enSync from './en/sync';
import frSync from './fr/sync';
import enImports from './en/imports';
import frImports from './fr/imports';
import enMoves from './en/moves';
import enLayout from './en/layout';
import frLayout from './fr/layout';
import frMoves from './fr/moves';
import enCrm from './en/crm';
import frCrm from './fr/crm';
import enQuickAdd from './en/quickAdd';
import frQuickAdd from './fr/quickAdd';
import enGrid from './en/grid';
import frGrid from './fr/grid';
import enCustomFields from './en/customFields';
import frCustomFields from './fr/customFields';
import enAutomation from './en/automation';
import frAutomation from './fr/automation';
import enLaunch from './en/launch';
import frLaunch from './fr/launch';
import enJobs from './en/jobs';
import frJobs from './fr/jobs';
import enFairs from './en/fairs';
import frFairs from './fr/fairs';
import enAnswers from './en/answers';
import frAnswers from './fr/answers';
import enSearchReport from './en/searchReport';
import frSearchReport from './fr/searchReport';
import enOffers from './en/offers';
import frOffers from './fr/offers';
import enAccountMode from './en/accountMode';
import frAccountMode from './fr/accountMode';
import enSyncDates from './en/syncDates';
import frSyncDates from './fr/syncDates';
import enWatch from './en/watch';
import frWatch from './fr/watch';
import enCapture from './en/capture';
import frCapture from './fr/capture';
import enAi from './en/ai';
import frAi from './fr/ai';
import enExtension from './en/extension';
import frExtension from './fr/extension';

/**
 * Every catalogue, by language and namespace. Each feature owns its namespace files (en/<ns>.ts, fr/<ns>.ts);
 * add new ones here. Shared by the renderer (i18next) and main (exports, dialogs), so labels agree.
 */
export const resources = {
  en: { common: enCommon, documents: enDocuments, interviews: enInterviews, tasks: enTasks, companies: enCompanies, contacts: enContacts, settings: enSettings, records: enRecords, files: enFiles, shell: enShell, applications: enApplications, board: enBoard, dashboard: enDashboard, sync: enSync, imports: enImports, moves: enMoves, layout: enLayout, crm: enCrm, quickAdd: enQuickAdd, grid: enGrid, customFields: enCustomFields, automation: enAutomation, launch: enLaunch, jobs: enJobs, fairs: enFairs, answers: enAnswers, searchReport: enSearchReport, offers: enOffers, accountMode: enAccountMode, watch: enWatch, syncDates: enSyncDates, capture: enCapture, ai: enAi, extension: enExtension },
  fr: { common: frCommon, documents: frDocuments, interviews: frInterviews, tasks: frTasks, companies: frCompanies, contacts: frContacts, settings: frSettings, records: frRecords, files: frFiles, shell: frShell, applications: frApplications, board: frBoard, dashboard: frDashboard, sync: frSync, imports: frImports, moves: frMoves, layout: frLayout, crm: frCrm, quickAdd: frQuickAdd, grid: frGrid, customFields: frCustomFields, automation: frAutomation, launch: frLaunch, jobs: frJobs, fairs: frFairs, answers: frAnswers, searchReport: frSearchReport, offers: frOffers, accountMode: frAccountMode, watch: frWatch, syncDates: frSyncDates, capture: frCapture, ai: frAi, extension: frExtension },
} as const;

export type Language = keyof typeof resources;
export const languages = Object.keys(resources) as Language[];
export const namespaces = Object.keys(resources.en) as (keyof (typeof resources)['en'])[];

/** The language to use for a BCP 47 tag such as `fr-CA`: French for any French locale, else English. */
export function languageOf(tag: string | null | undefined): Language {
  return tag?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
