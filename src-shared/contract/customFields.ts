import { z } from 'zod';
import { calendarDate, id, idInput, requiredText, type RowTimes } from './common';

/**
 * Custom fields: fields of the user's own (text, number, date, choice) on every application, defined in
 * Settings, shown as optional table columns, filtered and sorted, edited on the detail page, carried through
 * exports, imports, backups and sync (one stored row per application and field, so sync merges per value).
 */

export const customFieldKinds = ['text', 'number', 'date', 'choice'] as const;
export type CustomFieldKind = (typeof customFieldKinds)[number];

export const customFieldLimits = { fields: 50, choices: 100, text: 2000, number: 1e12 } as const;

/** One option of a choice field: its id stays when its label is renamed, so stored values follow the rename. */
export interface CustomFieldChoice {
  id: string;
  label: string;
}

const choiceLabel = requiredText(80);
const choiceLabels = z
  .array(choiceLabel)
  .max(customFieldLimits.choices)
  .refine((labels) => new Set(labels.map((label) => label.toLocaleLowerCase())).size === labels.length, 'choices must be distinct');

export const createCustomFieldInput = z
  .object({
    name: requiredText(60),
    kind: z.enum(customFieldKinds),
    /** The options of a choice field, in order. */
    choices: choiceLabels.optional(),
  })
  .strict()
  .refine((value) => value.kind !== 'choice' || (value.choices?.length ?? 0) > 0, { message: 'a choice field needs choices', path: ['choices'] })
  .refine((value) => value.kind === 'choice' || value.choices === undefined, { message: 'only a choice field has choices', path: ['choices'] });
export type CreateCustomFieldInput = z.input<typeof createCustomFieldInput>;

/** A choice field's options after an edit: existing ones keep their id (renamed or moved), new ones have none. */
const editedChoices = z
  .array(z.object({ id: id.optional(), label: choiceLabel }).strict())
  .min(1)
  .max(customFieldLimits.choices)
  .refine((choices) => new Set(choices.map((choice) => choice.label.toLocaleLowerCase())).size === choices.length, 'choices must be distinct');

export const updateCustomFieldInput = z
  .object({ id, patch: z.object({ name: requiredText(60), choices: editedChoices }).partial().strict() })
  .strict();

export const reorderCustomFieldsInput = z.object({ ids: z.array(id).min(1).max(customFieldLimits.fields) }).strict();

/** A value as the channels carry it: text, a number, a date `YYYY-MM-DD`, or a choice's id; null clears it. */
export const customFieldValue = z.union([z.string().max(customFieldLimits.text), z.number().finite(), z.null()]);
export type CustomFieldValue = z.infer<typeof customFieldValue>;

export const setCustomValueInput = z.object({ applicationId: id, fieldId: id, value: customFieldValue }).strict();

/** The custom-field part of the application filters (see applicationFilters). */
export const customFieldFilter = z
  .object({
    fieldId: id,
    /** Text fields: contains (case ignored for ASCII letters). */
    text: z.string().trim().min(1).max(200).optional(),
    /** Number fields: at least / at most. */
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    /** Date fields: on or after / on or before. */
    from: calendarDate.optional(),
    to: calendarDate.optional(),
    /** Choice fields: one of these options. */
    choices: z.array(id).min(1).max(customFieldLimits.choices).optional(),
    /** true: no value; false: any value. */
    empty: z.boolean().optional(),
  })
  .strict();
export type CustomFieldFilter = z.input<typeof customFieldFilter>;

export const customFieldsChannelInputs = {
  'customFields.list': z.undefined().or(z.object({}).strict()).optional(),
  'customFields.create': createCustomFieldInput,
  'customFields.update': updateCustomFieldInput,
  'customFields.reorder': reorderCustomFieldsInput,
  'customFields.delete': idInput,
  'customFields.restore': idInput,
  'customFields.setValue': setCustomValueInput,
} as const;

export interface CustomField extends RowTimes {
  id: string;
  name: string;
  kind: CustomFieldKind;
  /** Options of a choice field, in order (empty for the other kinds). */
  choices: CustomFieldChoice[];
  position: number;
  /** How many live applications have a value. */
  valueCount: number;
}

export interface CustomValueResult {
  applicationId: string;
  fieldId: string;
  value: string | number | null;
}

export interface CustomFieldsOutputs {
  'customFields.list': CustomField[];
  'customFields.create': CustomField;
  'customFields.update': CustomField;
  'customFields.reorder': CustomField[];
  'customFields.delete': { id: string };
  'customFields.restore': CustomField;
  'customFields.setValue': CustomValueResult;
}
