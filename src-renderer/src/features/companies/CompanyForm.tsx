import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { companySizes, type Company } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { Field } from '../../ui/Field';
import { FormFooter } from '../shared/FormFooter';
import { orNull, useRecordForm } from '../shared/useRecordForm';

const valuesOf = (company?: Company) => ({
  name: company?.name ?? '',
  website: company?.website ?? '',
  industry: company?.industry ?? '',
  size: company?.size ?? '',
  location: company?.location ?? '',
  notes: company?.notes ?? '',
});

/** Creates or edits a company (in a dialog). The name must be unique: the handler says so next to the field. */
export function CompanyForm({ company, onDone, onCancel }: { company?: Company; onDone: (saved: Company) => void; onCancel: () => void }) {
  const { t } = useTranslation('companies');
  const form = useRecordForm(valuesOf(company));
  const save = (event: FormEvent) => form.submit(event, async (values) => {
    const fields = {
      name: values.name,
      website: orNull(values.website),
      industry: orNull(values.industry),
      size: (values.size || null) as Company['size'],
      location: orNull(values.location),
      notes: orNull(values.notes),
    };
    const saved = company ? await invoke('companies.update', { id: company.id, patch: fields }) : await invoke('companies.create', fields);
    onDone(saved);
  });

  return (
    <form className="rec-form" onSubmit={save} noValidate>
      <Field label={t('field.name')} error={form.errors.name} className="rec-span-2">
        {(control) => <input className="input" {...control} type="text" autoComplete="off" required {...form.text('name')} />}
      </Field>
      <Field label={t('field.website')} error={form.errors.website}>
        {(control) => <input className="input" {...control} type="url" inputMode="url" autoComplete="off" placeholder={t('records:urlPlaceholder')} {...form.text('website')} />}
      </Field>
      <Field label={t('field.industry')} error={form.errors.industry}>
        {(control) => <input className="input" {...control} type="text" autoComplete="off" {...form.text('industry')} />}
      </Field>
      <Field label={t('field.size')} error={form.errors.size}>
        {(control) => (
          <select className="select" {...control} {...form.text('size')}>
            <option value="">{t('records:unspecified')}</option>
            {companySizes.map((size) => (
              <option key={size} value={size}>
                {t('sizeEmployees', { size })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('field.location')} error={form.errors.location}>
        {(control) => <input className="input" {...control} type="text" autoComplete="off" {...form.text('location')} />}
      </Field>
      <Field label={t('field.notes')} error={form.errors.notes} className="rec-span-2">
        {(control) => <textarea className="textarea" {...control} rows={4} {...form.text('notes')} />}
      </Field>
      <FormFooter error={form.formError} pending={form.pending} submitLabel={company ? t('common:actions.save') : t('form.create')} onCancel={onCancel} />
    </form>
  );
}
