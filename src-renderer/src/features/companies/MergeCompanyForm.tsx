import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyDetail, MergeUndo } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import type { PickerOption } from '../shared/Combobox';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { FormError } from '../shared/FormError';
import { CompanyPicker } from '../shared/pickers';
import { useRecordForm } from '../shared/useRecordForm';

/**
 * Merges another company (a duplicate: "Société Générale" and "SG") into this one: its applications and contacts
 * move here, the empty duplicate is deleted. The form says what will happen first; the caller offers Undo after
 * with the record the merge returns (`companies.unmerge`).
 */
export function MergeCompanyForm({
  target,
  onDone,
  onCancel,
}: {
  target: CompanyDetail;
  onDone: (merged: string, undo: MergeUndo) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('companies');
  const [source, setSource] = useState<PickerOption | null>(null);
  const form = useRecordForm({ sourceIds: '' });
  const save = (event: FormEvent) => form.submit(event, async () => {
    // Nothing picked: sent as an empty list, so the handler's message lands on the picker.
    const result = await invoke('companies.merge', { targetId: target.id, sourceIds: source ? [source.id] : [] });
    onDone(source?.label ?? '', result.undo);
  });

  return (
    <form className="rec-form rec-form-single" onSubmit={save} noValidate>
      <Field label={t('merge.source')} error={form.errors.sourceIds && !source ? t('merge.sourceRequired') : form.errors.sourceIds} hint={t('merge.hint', { name: target.name })}>
        {(control) => <CompanyPicker value={source} onChange={setSource} control={control} excludeId={target.id} />}
      </Field>
      {source && (
        <p className="rec-callout" role="status">
          {t('merge.consequence', { source: source.label, target: target.name })}
        </p>
      )}
      <FormError message={form.formError} />
      <div className="rec-form-actions">
        <Button onClick={onCancel}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="submit" variant="primary" disabled={form.pending}>
          {t('merge.submit')}
        </Button>
      </div>
    </form>
  );
}
