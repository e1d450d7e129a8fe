import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { interactionChannels, type ContactDetail, type ContactInteraction } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import type { PickerOption } from '../shared/Combobox';
import { todayKey } from '../shared/dates';
import { FormFooter } from '../shared/FormFooter';
import { useFocusFirstField } from '../shared/focus';
import { ApplicationPicker } from '../shared/pickers';
import { orNull, useRecordForm } from '../shared/useRecordForm';

/**
 * Logs an interaction with a contact, or edits one. A new entry also sets the contact's next follow-up in the same
 * write (prefilled with the one planned): after a call, the user says when to call again.
 */
export function InteractionForm({
  contact,
  interaction,
  onDone,
  onCancel,
}: {
  contact: ContactDetail;
  interaction?: ContactInteraction;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('crm');
  const format = useFormat();
  const form = useRecordForm(
    {
      occurredOn: interaction?.occurredOn ?? todayKey(),
      channel: interaction?.channel ?? 'email',
      note: interaction?.note ?? '',
      nextFollowUpOn: contact.nextFollowUpOn ?? '',
    },
    { otherFields: ['applicationId'] },
  );
  const [application, setApplication] = useState<PickerOption | null>(
    interaction?.applicationId ? { id: interaction.applicationId, label: interaction.applicationLabel ?? '' } : null,
  );
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstField(ref, true);

  const save = (event: FormEvent) =>
    form.submit(
      event,
      async (values) => {
        const fields = {
          occurredOn: values.occurredOn,
          channel: values.channel as ContactInteraction['channel'],
          note: orNull(values.note),
          applicationId: application?.id ?? null,
        };
        if (interaction) {
          await invoke('interactions.update', { id: interaction.id, patch: fields });
        } else {
          const followUp = orNull(values.nextFollowUpOn);
          await invoke('interactions.create', {
            contactId: contact.id,
            ...fields,
            // Left as it was: not part of this write (another device may have changed it meanwhile).
            nextFollowUpOn: followUp === contact.nextFollowUpOn ? undefined : followUp,
          });
        }
      },
      onDone,
    );

  return (
    <form
      ref={ref}
      className="rec-form rec-form-inline"
      aria-label={interaction ? t('log.edit', { date: format.date(interaction.occurredOn) }) : t('log.add')}
      onSubmit={save}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      <Field label={t('form.occurredOn')} error={form.errors.occurredOn}>
        {(control) => <input className="input" {...control} type="date" required {...form.text('occurredOn')} />}
      </Field>
      <Field label={t('form.channel')} error={form.errors.channel}>
        {(control) => (
          <select className="select" {...control} {...form.text('channel')}>
            {interactionChannels.map((channel) => (
              <option key={channel} value={channel}>
                {t(`channel.${channel}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('form.note')} error={form.errors.note} className="rec-span-2">
        {(control) => <textarea className="textarea" {...control} rows={3} placeholder={t('form.notePlaceholder')} {...form.text('note')} />}
      </Field>
      <Field label={t('form.application')} error={form.errors.applicationId}>
        {(control) => <ApplicationPicker value={application} onChange={setApplication} control={control} />}
      </Field>
      {!interaction && (
        <Field label={t('form.nextFollowUp')} error={form.errors.nextFollowUpOn} hint={t('form.nextFollowUpHint')}>
          {(control) => <input className="input" {...control} type="date" {...form.text('nextFollowUpOn')} />}
        </Field>
      )}
      <FormFooter error={form.formError} pending={form.pending} submitLabel={interaction ? t('common:actions.save') : t('form.save')} onCancel={onCancel} />
    </form>
  );
}
