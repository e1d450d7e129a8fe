import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import type { PickerOption } from '../shared/Combobox';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { FormError } from '../shared/FormError';
import { useFocusFirstField } from '../shared/focus';
import { ApplicationPicker } from '../shared/pickers';
import { orNull, useRecordForm } from '../shared/useRecordForm';

const emptyValues = (task?: Task) => ({ title: task?.title ?? '', dueOn: task?.dueOn ?? '', notes: task?.notes ?? '' });

/**
 * Adds or edits a task. `quick` is the one-line form at the top of a list: it stays open and clears itself after
 * each task, for typing several in a row. Editing shows every field, in place of the task's row.
 * With `applicationId` the task belongs to that application and no picker is shown.
 */
export function TaskForm({
  task,
  applicationId,
  defaultDueOn = '',
  quick = false,
  onDone,
  onCancel,
}: {
  task?: Task;
  applicationId?: string;
  defaultDueOn?: string;
  quick?: boolean;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('tasks');
  const initial = { ...emptyValues(task), dueOn: task ? (task.dueOn ?? '') : defaultDueOn };
  const form = useRecordForm(initial, { otherFields: ['applicationId'] });
  const [application, setApplication] = useState<PickerOption | null>(
    task?.applicationId ? { id: task.applicationId, label: task.applicationLabel ?? '' } : null,
  );
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstField(ref, !quick);

  const save = (event: FormEvent) =>
    form.submit(
      event,
      async (values) => {
        const fields = {
          title: values.title,
          dueOn: orNull(values.dueOn),
          applicationId: applicationId ?? application?.id ?? null,
          notes: orNull(values.notes),
        };
        if (task) await invoke('tasks.update', { id: task.id, patch: fields });
        else await invoke('tasks.create', fields);
      },
      () => {
        if (quick) {
          form.reset(initial);
          ref.current?.querySelector<HTMLInputElement>('input[name="title"]')?.focus();
        }
        onDone?.();
      },
    );

  return (
    <form
      ref={ref}
      className={quick ? 'tk-quick' : 'rec-form rec-form-inline tk-form'}
      onSubmit={save}
      onKeyDown={(event) => {
        if (onCancel && event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      <Field label={quick ? t('form.newTitle') : t('field.title')} error={form.errors.title} className="tk-title-field">
        {(control) => <input className="input" {...control} type="text" autoComplete="off" placeholder={quick ? t('form.placeholder') : undefined} {...form.text('title')} />}
      </Field>
      <Field label={t('field.dueOn')} error={form.errors.dueOn}>
        {(control) => <input className="input" {...control} type="date" {...form.text('dueOn')} />}
      </Field>
      {!applicationId && (
        <Field label={t('field.application')} error={form.errors.applicationId} className="tk-application-field">
          {(control) => <ApplicationPicker value={application} onChange={setApplication} control={control} />}
        </Field>
      )}
      {!quick && (
        <Field label={t('field.notes')} error={form.errors.notes} className="rec-span-2">
          {(control) => <textarea className="textarea" {...control} rows={3} {...form.text('notes')} />}
        </Field>
      )}
      <div className={quick ? 'tk-quick-actions' : 'rec-form-actions rec-span-2'}>
        <FormError message={form.formError} />
        {onCancel && (
          <Button onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={form.pending}>
          {task ? t('common:actions.save') : t('form.add')}
        </Button>
      </div>
    </form>
  );
}
