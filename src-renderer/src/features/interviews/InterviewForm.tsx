import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../../src-shared/contract';
import { interviewFormats, interviewOutcomes, interviewStatuses, interviewTypes } from '../../../../src-shared/contract/enums';
import { invoke } from '../../api/client';
import type { PickerOption } from '../shared/Combobox';
import { addDays, fromDateTimeLocal, todayKey, toDateTimeLocal } from '../shared/dates';
import { Field } from '../../ui/Field';
import { FormFooter } from '../shared/FormFooter';
import { useFocusFirstField } from '../shared/focus';
import { applicationLabel } from '../shared/labels';
import { ApplicationPicker } from '../shared/pickers';
import { integerOrNull, orNull, useRecordForm } from '../shared/useRecordForm';

function initialValues(interview?: Interview) {
  return {
    scheduledAt: interview ? toDateTimeLocal(interview.scheduledAt) : `${addDays(todayKey(), 1)}T10:00`,
    durationMinutes: interview ? String(interview.durationMinutes ?? '') : '60',
    type: interview?.type ?? '',
    format: interview?.format ?? '',
    location: interview?.location ?? '',
    meetingUrl: interview?.meetingUrl ?? '',
    interviewers: interview?.interviewers ?? '',
    status: interview?.status ?? 'planned',
    outcome: interview?.outcome ?? '',
    notes: interview?.notes ?? '',
  };
}
type Values = ReturnType<typeof initialValues>;

function toFields(values: Values) {
  return {
    scheduledAt: fromDateTimeLocal(values.scheduledAt),
    durationMinutes: integerOrNull(values.durationMinutes),
    type: (values.type || null) as Interview['type'],
    format: (values.format || null) as Interview['format'],
    location: orNull(values.location),
    meetingUrl: orNull(values.meetingUrl),
    interviewers: orNull(values.interviewers),
    status: values.status as Interview['status'],
    outcome: (values.outcome || null) as Interview['outcome'],
    notes: orNull(values.notes),
  };
}

/**
 * Creates or edits one interview. With `applicationId` the application is fixed (embedded in its detail);
 * otherwise the user picks it. Editing never moves an interview to another application (the contract forbids it).
 */
export function InterviewForm({
  interview,
  applicationId,
  onDone,
  onCancel,
  inline = false,
}: {
  interview?: Interview;
  applicationId?: string;
  /** Shown in place in a list (not in a dialog): takes the focus when it appears. */
  inline?: boolean;
  onDone: (saved: Interview) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('interviews');
  const form = useRecordForm(initialValues(interview), { otherFields: ['applicationId'] });
  const [application, setApplication] = useState<PickerOption | null>(null);
  const choosesApplication = !interview && !applicationId;
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstField(ref, inline);

  const save = (event: FormEvent) => form.submit(event, async (values) => {
    const saved = interview
      ? await invoke('interviews.update', { id: interview.id, patch: toFields(values) })
      : // No application picked: sent as missing, so the handler's "required" lands on the picker.
        await invoke('interviews.create', { applicationId: (applicationId ?? application?.id) as string, ...toFields(values) });
    onDone(saved);
  });

  return (
    <form
      ref={ref}
      className={`rec-form iv-form${inline ? ' rec-form-inline' : ''}`}
      onSubmit={save}
      onKeyDown={(event) => {
        // In place, Escape abandons the edit (a dialog handles Escape itself).
        if (inline && event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      {choosesApplication && (
        <Field
          label={t('field.application')}
          error={form.errors.applicationId && !application ? t('form.applicationRequired') : form.errors.applicationId}
          className="rec-span-2"
        >
          {(control) => <ApplicationPicker value={application} onChange={setApplication} control={control} />}
        </Field>
      )}
      {interview && !applicationId && (
        <p className="rec-span-2 muted">{t('form.forApplication', { application: applicationLabel(t, interview) })}</p>
      )}
      <Field label={t('field.scheduledAt')} error={form.errors.scheduledAt}>
        {(control) => <input className="input" {...control} type="datetime-local" required {...form.text('scheduledAt')} />}
      </Field>
      <Field label={t('field.durationMinutes')} error={form.errors.durationMinutes}>
        {(control) => <input className="input" {...control} type="number" min={1} max={1440} step={5} inputMode="numeric" {...form.text('durationMinutes')} />}
      </Field>
      <Field label={t('field.type')} error={form.errors.type}>
        {(control) => (
          <select className="select" {...control} {...form.text('type')}>
            <option value="">{t('records:unspecified')}</option>
            {interviewTypes.map((type) => (
              <option key={type} value={type}>
                {t(`common:interviewType.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('field.format')} error={form.errors.format}>
        {(control) => (
          <select className="select" {...control} {...form.text('format')}>
            <option value="">{t('records:unspecified')}</option>
            {interviewFormats.map((format) => (
              <option key={format} value={format}>
                {t(`common:interviewFormat.${format}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('field.location')} error={form.errors.location}>
        {(control) => <input className="input" {...control} type="text" autoComplete="off" {...form.text('location')} />}
      </Field>
      <Field label={t('field.meetingUrl')} error={form.errors.meetingUrl}>
        {(control) => <input className="input" {...control} type="url" inputMode="url" autoComplete="off" placeholder={t('records:urlPlaceholder')} {...form.text('meetingUrl')} />}
      </Field>
      <Field label={t('field.interviewers')} error={form.errors.interviewers} hint={t('form.interviewersHint')} className="rec-span-2">
        {(control) => <input className="input" {...control} type="text" autoComplete="off" {...form.text('interviewers')} />}
      </Field>
      <Field label={t('field.status')} error={form.errors.status}>
        {(control) => (
          <select className="select" {...control} {...form.text('status')}>
            {interviewStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`common:interviewStatus.${status}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('field.outcome')} error={form.errors.outcome}>
        {(control) => (
          <select className="select" {...control} {...form.text('outcome')}>
            <option value="">{t('records:unspecified')}</option>
            {interviewOutcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`common:interviewOutcome.${outcome}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('field.notes')} error={form.errors.notes} className="rec-span-2">
        {(control) => <textarea className="textarea" {...control} rows={3} {...form.text('notes')} />}
      </Field>
      <FormFooter error={form.formError} pending={form.pending} submitLabel={interview ? t('common:actions.save') : t('form.add')} onCancel={onCancel} />
    </form>
  );
}
