import type { CustomFieldChoice, ParsedInput } from '../../src-shared/contract';
import { nameKey } from '../../src-shared/text';
import { AppError, notFound } from '../../src-shared/errors';
import { newId } from '../changes/ids';
import type { WriteContext } from '../changes/writer';
import type { Database } from '../db/connection';
import { defineHandlers } from '../handler';
import { requireLive } from '../shared/require';
import { getCustomField, listCustomFields, liveField } from './queries';
import { checkValue, valueRowId } from './values';

/** Names are unique among live fields, case and accents ignored: two "Referral" columns would be one too many. */
function requireUniqueName(db: Database, name: string, exceptId?: string): void {
  const taken = (db.sql(`SELECT id, name FROM custom_fields WHERE deleted_at IS NULL`).all() as { id: string; name: string }[]).some(
    (field) => field.id !== exceptId && nameKey(field.name) === nameKey(name),
  );
  if (taken) {
    throw new AppError('CONFLICT', `A custom field named ${name} already exists`, {
      issues: [{ path: 'name', code: 'duplicate', message: 'already exists' }],
    });
  }
}

/** An edited list of options: known ids keep theirs (renamed or moved), new options get one. */
function editedChoices(current: CustomFieldChoice[], edited: ParsedInput<'customFields.update'>['patch']['choices'] & object): CustomFieldChoice[] {
  return edited.map((choice, index) => {
    if (choice.id === undefined) return { id: newId(), label: choice.label };
    if (!current.some((known) => known.id === choice.id)) {
      throw new AppError('VALIDATION', `Invalid input: patch.choices.${index}.id: not a choice of this field`, {
        issues: [{ path: `patch.choices.${index}.id`, code: 'invalid_value', message: 'not a choice of this field' }],
      });
    }
    return { id: choice.id, label: choice.label };
  });
}

export const customFieldHandlers = defineHandlers({
  'customFields.list': (_input, { db }) => listCustomFields(db),
  'customFields.create': (input, { db, changes }) => {
    const id = changes.write((write) => {
      requireUniqueName(db, input.name);
      const position = db.sql(`SELECT coalesce(max(position) + 1, 0) FROM custom_fields WHERE deleted_at IS NULL`).pluck().get() as number;
      const choices = (input.choices ?? []).map((label) => ({ id: newId(), label }));
      return write.insert('custom_fields', { name: input.name, kind: input.kind, choices: JSON.stringify(choices), position });
    });
    return getCustomField(db, id);
  },
  'customFields.update': (input, { db, changes }) => {
    changes.write((write) => {
      const field = liveField(db, input.id);
      const fields: Record<string, string> = {};
      if (input.patch.name !== undefined) {
        requireUniqueName(db, input.patch.name, input.id);
        fields.name = input.patch.name;
      }
      if (input.patch.choices !== undefined) {
        if (field.kind !== 'choice') {
          throw new AppError('VALIDATION', 'Invalid input: patch.choices: only a choice field has choices', {
            issues: [{ path: 'patch.choices', code: 'invalid_value', message: 'only a choice field has choices' }],
          });
        }
        fields.choices = JSON.stringify(editedChoices(field.choices, input.patch.choices));
      }
      write.update('custom_fields', input.id, fields);
    });
    return getCustomField(db, input.id);
  },
  'customFields.reorder': (input, { db, changes }) => {
    changes.write((write) => {
      for (const id of input.ids) liveField(db, id);
      const live = db.sql(`SELECT id FROM custom_fields WHERE deleted_at IS NULL`).pluck().all() as string[];
      if (new Set(input.ids).size !== input.ids.length || live.length !== input.ids.length) {
        throw new AppError('VALIDATION', 'Invalid input: ids: must list every custom field once', {
          issues: [{ path: 'ids', code: 'invalid_value', message: 'must list every custom field once' }],
        });
      }
      input.ids.forEach((id, position) => write.update('custom_fields', id, { position }));
    });
    return listCustomFields(db);
  },
  'customFields.delete': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'custom_fields', input.id);
      write.softDelete('custom_fields', input.id);
    });
    return { id: input.id };
  },
  'customFields.restore': (input, { db, changes }) => {
    changes.write((write) => {
      const row = db.sql(`SELECT name FROM custom_fields WHERE id = ?`).get(input.id) as { name: string } | undefined;
      if (!row) throw notFound('Custom field', input.id);
      if (write.restore('custom_fields', input.id)) requireUniqueName(db, row.name, input.id);
    });
    return getCustomField(db, input.id);
  },
  'customFields.setValue': (input, { db, changes }) => {
    const value = changes.write((write) => {
      requireLive(db, 'applications', input.applicationId);
      const stored = checkValue(liveField(db, input.fieldId), input.value);
      setValue(db, write, input.applicationId, input.fieldId, stored);
      return stored;
    });
    return { applicationId: input.applicationId, fieldId: input.fieldId, value };
  },
});

/** Stores one value (already checked) in its row, created the first time; null keeps the row with no value. */
export function setValue(
  db: Database,
  write: WriteContext,
  applicationId: string,
  fieldId: string,
  value: string | number | null,
): void {
  const id = valueRowId(applicationId, fieldId);
  const existing = db.sql(`SELECT deleted_at FROM application_field_values WHERE id = ?`).get(id) as { deleted_at: string | null } | undefined;
  if (!existing) {
    if (value !== null) write.insert('application_field_values', { application_id: applicationId, field_id: fieldId, value }, id);
    return;
  }
  write.update('application_field_values', id, { value });
  if (existing.deleted_at !== null) write.restore('application_field_values', id);
}

