import { builtInSources, type ExportLanguage } from '../../src-shared/contract';
import { resources } from '../../src-shared/i18n';

type Common = (typeof resources)['en']['common'];
type Files = (typeof resources)['en']['files'];
export type ColumnKey = keyof Files['exports']['columns'];
export type SheetKey = keyof Files['exports']['sheets'];

/** Looks a stored enum value up in one of the common catalogues; unknown values are shown as stored. */
function lookup<T extends Record<string, string>>(catalogue: T, value: string | null): string | null {
  if (value === null) return null;
  return Object.prototype.hasOwnProperty.call(catalogue, value) ? catalogue[value as keyof T] : value;
}

/** Fills `{{name}}` placeholders the way i18next does, for catalogue strings used outside i18next. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/**
 * The words an export writes, in one language, from the very catalogues the interface uses (src-shared/i18n),
 * so a stage is called the same in the app and in the file.
 */
export function exportLabels(language: ExportLanguage) {
  const common: Common = resources[language].common;
  const files: Files = resources[language].files;
  const sources = new Set<string>(builtInSources);
  return {
    language,
    files,
    column: (key: ColumnKey) => files.exports.columns[key],
    sheet: (key: SheetKey) => files.exports.sheets[key],
    yesNo: (value: boolean) => (value ? files.exports.yes : files.exports.no),
    /** A stage: its own name when the user gave one, else the name of its category. */
    stage: (name: string | null, category: string | null) => name ?? lookup(common.stageCategory, category),
    stageCategory: (value: string | null) => lookup(common.stageCategory, value),
    employmentType: (value: string | null) => lookup(common.employmentType, value),
    schedule: (value: string | null) => lookup(common.schedule, value),
    workMode: (value: string | null) => lookup(common.workMode, value),
    /** Built-in sources are keys; sources the user added are stored as their name. */
    source: (value: string | null) => (value !== null && sources.has(value) ? lookup(common.source, value) : value),
    salaryPeriod: (value: string | null) => lookup(common.salaryPeriod, value),
    interviewType: (value: string | null) => lookup(common.interviewType, value),
    interviewFormat: (value: string | null) => lookup(common.interviewFormat, value),
    interviewStatus: (value: string | null) => lookup(common.interviewStatus, value),
    interviewOutcome: (value: string | null) => lookup(common.interviewOutcome, value),
  };
}

export type ExportLabels = ReturnType<typeof exportLabels>;
