import { z } from 'zod';
import * as applications from './applications';
import * as companies from './companies';
import * as interviews from './interviews';
import * as contacts from './contacts';
import * as tasks from './tasks';
import * as stages from './stages';
import * as tags from './tags';
import * as profile from './profile';
import * as search from './search';
import * as sources from './sources';
import type { AppInfo } from './app';
import { idInput, type Page } from './common';
import { statisticsChannelInputs, type StatisticsOutputs } from './statistics';
import { exportsChannelInputs, type ExportsOutputs } from './exports';
import { importsChannelInputs, type ImportsOutputs } from './imports';
import { documentsChannelInputs, type DocumentsOutputs } from './documents';
import { backupsChannelInputs, type BackupsOutputs } from './backups';
import { syncChannelInputs, type SyncOutputs } from './sync';
import { interactionsChannelInputs, type InteractionsOutputs } from './interactions';
import { customFieldsChannelInputs, type CustomFieldsOutputs } from './customFields';
import { automationChannelInputs, type AutomationOutputs } from './automation';
import { jobsChannelInputs, type JobsOutputs } from './jobs';
import { fairsChannelInputs, type FairsOutputs } from './fairs';
import { captureChannelInputs, type CaptureOutputs } from './capture';
import { answersChannelInputs, type AnswersOutputs } from './answers';
import { offersChannelInputs, type OffersOutputs } from './offers';
import { watchChannelInputs, type WatchOutputs } from './watch';
import { aiChannelInputs, type AiOutputs } from './ai';
import { extensionChannelInputs, type ExtensionOutputs } from './extension';

const none = z.undefined().or(z.object({}).strict()).optional();

/**
 * Every channel, `domain.action`, with the zod schema of its input. The handler table in src-main must
 * implement exactly these (checked by the type of `Handlers`), and every transport parses with them.
 */
export const channelInputs = {
  'app.info': none,

  'applications.list': applications.listApplicationsInput,
  'applications.get': applications.applicationIdInput,
  'applications.create': applications.createApplicationInput,
  'applications.update': applications.updateApplicationInput,
  'applications.delete': applications.applicationIdInput,
  'applications.restore': applications.applicationIdsInput,
  'applications.setStage': applications.setStageInput,
  'applications.undoStage': applications.stageMoveUndo,
  'applications.toggleFavorite': applications.applicationIdInput,
  'applications.bulkUpdate': applications.bulkUpdateApplicationsInput,
  'applications.bulkDelete': applications.applicationIdsInput,
  'applications.archive': applications.applicationIdsInput,
  'applications.unarchive': applications.applicationIdsInput,
  'applications.duplicates': applications.duplicatesInput,
  'applications.bulkByFilter': applications.bulkByFilterInput,

  'companies.list': companies.listCompaniesInput,
  'companies.get': companies.companyIdInput,
  'companies.create': companies.createCompanyInput,
  'companies.update': companies.updateCompanyInput,
  'companies.delete': companies.companyIdInput,
  'companies.restore': companies.companyIdInput,
  'companies.autocomplete': companies.autocompleteCompaniesInput,
  'companies.merge': companies.mergeCompaniesInput,
  'companies.unmerge': companies.unmergeCompaniesInput,

  'interviews.list': interviews.listInterviewsInput,
  'interviews.upcoming': interviews.upcomingInterviewsInput,
  'interviews.get': interviews.interviewIdInput,
  'interviews.create': interviews.createInterviewInput,
  'interviews.update': interviews.updateInterviewInput,
  'interviews.delete': interviews.interviewIdInput,
  'interviews.restore': interviews.interviewIdInput,

  'contacts.list': contacts.listContactsInput,
  'contacts.get': contacts.contactIdInput,
  'contacts.create': contacts.createContactInput,
  'contacts.update': contacts.updateContactInput,
  'contacts.delete': contacts.contactIdInput,
  'contacts.restore': contacts.contactIdInput,
  'contacts.link': contacts.linkContactInput,
  'contacts.unlink': contacts.linkContactInput,

  'tasks.list': tasks.listTasksInput,
  'tasks.create': tasks.createTaskInput,
  'tasks.update': tasks.updateTaskInput,
  'tasks.setDone': tasks.setTaskDoneInput,
  'tasks.delete': tasks.taskIdInput,
  'tasks.restore': tasks.taskIdInput,

  'stages.list': none,
  'stages.create': stages.createStageInput,
  'stages.rename': stages.renameStageInput,
  'stages.reorder': stages.reorderStagesInput,
  'stages.delete': stages.deleteStageInput,
  'stages.restore': stages.restoreStageInput,

  'tags.list': none,
  'tags.create': tags.createTagInput,
  'tags.update': tags.updateTagInput,
  'tags.delete': idInput,

  'sources.list': none,
  'sources.create': sources.createSourceInput,
  'sources.delete': sources.deleteSourceInput,

  'profile.get': none,
  'profile.update': profile.updateProfileInput,

  'search.query': search.searchInput,

  ...statisticsChannelInputs,
  ...exportsChannelInputs,
  ...importsChannelInputs,
  ...documentsChannelInputs,
  ...backupsChannelInputs,
  ...syncChannelInputs,
  ...interactionsChannelInputs,
  ...customFieldsChannelInputs,
  ...automationChannelInputs,
  ...jobsChannelInputs,
  ...fairsChannelInputs,
  ...captureChannelInputs,
  ...answersChannelInputs,
  ...offersChannelInputs,
  ...watchChannelInputs,
  ...aiChannelInputs,
  ...extensionChannelInputs,
} as const;

export type Channel = keyof typeof channelInputs;
export const channels = Object.keys(channelInputs) as Channel[];

/** What each channel returns. */
export type ChannelOutputs = CoreOutputs & StatisticsOutputs & ExportsOutputs & ImportsOutputs & DocumentsOutputs & BackupsOutputs & SyncOutputs &
  InteractionsOutputs &
  CustomFieldsOutputs &
  AutomationOutputs &
  JobsOutputs &
  FairsOutputs &
  CaptureOutputs &
  AnswersOutputs &
  OffersOutputs &
  WatchOutputs &
  AiOutputs &
  ExtensionOutputs;

interface CoreOutputs {
  'app.info': AppInfo;

  'applications.list': applications.ApplicationPage;
  'applications.get': applications.ApplicationDetail;
  'applications.create': applications.ApplicationDetail;
  'applications.update': applications.ApplicationDetail;
  'applications.delete': { id: string };
  'applications.restore': applications.BulkResult;
  'applications.setStage': applications.StageMoveResult;
  'applications.undoStage': applications.ApplicationDetail;
  'applications.toggleFavorite': { id: string; favorite: boolean };
  'applications.bulkUpdate': applications.BulkResult;
  'applications.bulkDelete': applications.BulkResult;
  'applications.archive': applications.BulkResult;
  'applications.unarchive': applications.BulkResult;
  'applications.duplicates': applications.DuplicatesResult;
  'applications.bulkByFilter': applications.BulkByFilterResult;

  'companies.list': companies.CompanyPage;
  'companies.get': companies.CompanyDetail;
  'companies.create': companies.Company;
  'companies.update': companies.Company;
  'companies.delete': { id: string };
  'companies.restore': companies.Company;
  'companies.autocomplete': companies.CompanySuggestion[];
  'companies.merge': companies.MergeResult;
  'companies.unmerge': companies.UnmergeResult;

  'interviews.list': interviews.InterviewPage;
  'interviews.upcoming': interviews.Interview[];
  'interviews.get': interviews.Interview;
  'interviews.create': interviews.Interview;
  'interviews.update': interviews.Interview;
  'interviews.delete': { id: string };
  'interviews.restore': interviews.Interview;

  'contacts.list': contacts.ContactPage;
  'contacts.get': contacts.ContactDetail;
  'contacts.create': contacts.ContactDetail;
  'contacts.update': contacts.ContactDetail;
  'contacts.delete': { id: string };
  'contacts.restore': contacts.ContactDetail;
  'contacts.link': contacts.ContactDetail;
  'contacts.unlink': contacts.ContactDetail;

  'tasks.list': Page<tasks.Task>;
  'tasks.create': tasks.Task;
  'tasks.update': tasks.Task;
  'tasks.setDone': tasks.Task;
  'tasks.delete': { id: string };
  'tasks.restore': tasks.Task;

  'stages.list': stages.Stage[];
  'stages.create': stages.Stage;
  'stages.rename': stages.Stage;
  'stages.reorder': stages.Stage[];
  'stages.delete': stages.StageDeleteResult;
  'stages.restore': stages.Stage;

  'tags.list': tags.Tag[];
  'tags.create': tags.Tag;
  'tags.update': tags.Tag;
  'tags.delete': { id: string };

  'sources.list': sources.SourceList;
  'sources.create': sources.SourceList;
  'sources.delete': sources.SourceList;

  'profile.get': profile.Profile;
  'profile.update': profile.Profile;

  'search.query': search.SearchResult;
}

export type ChannelInput<C extends Channel> = z.input<(typeof channelInputs)[C]>;
export type ParsedInput<C extends Channel> = z.output<(typeof channelInputs)[C]>;
export type ChannelOutput<C extends Channel> = C extends keyof ChannelOutputs ? ChannelOutputs[C] : never;

/** Events pushed from main to the renderer. */
export interface ChangedEvent {
  tables: string[];
}
export type EventName = 'changed';

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(channelInputs, value);
}
