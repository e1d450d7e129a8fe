import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactDetail } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import type { PickerOption } from '../shared/Combobox';
import { Field } from '../../ui/Field';
import { FormFooter } from '../shared/FormFooter';
import { useFocusFirstField } from '../shared/focus';
import { CompanyPicker } from '../shared/pickers';
import { orNull, useRecordForm } from '../shared/useRecordForm';

const valuesOf = (contact?: Contact) => ({
  name: contact?.name ?? '',
  role: contact?.role ?? '',
  email: contact?.email ?? '',
  phone: contact?.phone ?? '',
  linkedinUrl: contact?.linkedinUrl ?? '',
  notes: contact?.notes ?? '',
  nextFollowUpOn: contact?.nextFollowUpOn ?? '',
});

/**
 * Creates or edits a contact. `company` preselects the company (a contact met through an application usually
 * works there); `applicationId` links the new contact to that application in the same write.
 */
export function ContactForm({
  contact,
  company,
  applicationId,
  inline = false,
  onDone,
  onCancel,
}: {
  contact?: Contact;
  company?: PickerOption | null;
  applicationId?: string;
  inline?: boolean;
  onDone: (saved: ContactDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('contacts');
  const form = useRecordForm(valuesOf(contact), { otherFields: ['companyId'] });
  const [companyOption, setCompanyOption] = useState<PickerOption | null>(
    contact?.companyId ? { id: contact.companyId, label: contact.companyName ?? '' } : (company ?? null),
  );
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstField(ref, inline);

  const save = (event: FormEvent) => form.submit(event, async (values) => {
    const fields = {
      name: values.name,
      role: orNull(values.role),
      email: orNull(values.email),
      phone: orNull(values.phone),
      linkedinUrl: orNull(values.linkedinUrl),
      notes: orNull(values.notes),
      nextFollowUpOn: orNull(values.nextFollowUpOn),
      companyId: companyOption?.id ?? null,
    };
    const saved = contact
      ? await invoke('contacts.update', { id: contact.id, patch: fields })
      : await invoke('contacts.create', { ...fields, applicationIds: applicationId ? [applicationId] : undefined });
    onDone(saved);
  });

  return (
    <form
      ref={ref}
      className={`rec-form${inline ? ' rec-form-inline' : ''}`}
      onSubmit={save}
      onKeyDown={(event) => {
        if (inline && event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      <Field label={t('field.name')} error={form.errors.name}>
        {(control) => <input className="input" {...control} type="text" autoComplete="off" required {...form.text('name')} />}
      </Field>
      <Field label={t('field.role')} error={form.errors.role}>
        {(control) => <input className="input" {...control} type="text" autoComplete="off" {...form.text('role')} />}
      </Field>
      <Field label={t('field.company')} error={form.errors.companyId}>
        {(control) => <CompanyPicker value={companyOption} onChange={setCompanyOption} control={control} />}
      </Field>
      <Field label={t('field.email')} error={form.errors.email}>
        {(control) => <input className="input" {...control} type="email" autoComplete="off" {...form.text('email')} />}
      </Field>
      <Field label={t('field.phone')} error={form.errors.phone}>
        {(control) => <input className="input" {...control} type="tel" autoComplete="off" {...form.text('phone')} />}
      </Field>
      <Field label={t('field.linkedinUrl')} error={form.errors.linkedinUrl}>
        {(control) => <input className="input" {...control} type="url" inputMode="url" autoComplete="off" placeholder={t('records:urlPlaceholder')} {...form.text('linkedinUrl')} />}
      </Field>
      <Field label={t('crm:followUp.label')} error={form.errors.nextFollowUpOn} hint={t('crm:form.nextFollowUpHint')}>
        {(control) => <input className="input" {...control} type="date" {...form.text('nextFollowUpOn')} />}
      </Field>
      <Field label={t('field.notes')} error={form.errors.notes} className="rec-span-2">
        {(control) => <textarea className="textarea" {...control} rows={3} {...form.text('notes')} />}
      </Field>
      <FormFooter error={form.formError} pending={form.pending} submitLabel={contact ? t('common:actions.save') : t('form.create')} onCancel={onCancel} />
    </form>
  );
}
