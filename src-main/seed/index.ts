/** The dataset generator: Node-only, used by `npm run seed`, the benchmarks and the tests. */
export { generateDataset, generatorVersion, historyDays, type Dataset, type DatasetOptions } from './dataset';
export { seedDatabase, holdsUserData, summarize, type SeedOptions, type SeedProgress, type SeedSummary } from './write';
export type { ApplicationPlan, TaskPlan } from './applications';
export type { CompanyPlan, ContactPlan } from './companies';
export type { InterviewPlan, StageStep } from './funnel';
export { todayUtc } from './dates';
