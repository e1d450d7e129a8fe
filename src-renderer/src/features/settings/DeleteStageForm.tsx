import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/toast';
import { Field } from '../../ui/Field';
import { FormError } from '../shared/FormError';
import { useStageName } from '../../ui/StageBadge';
import { useRecordForm } from '../shared/useRecordForm';
import { groupStages } from './stageOrder';

/** The stage that naturally takes over: another of the same category, else the first "applied" one, else any. */
function defaultReplacement(stage: Stage, stages: Stage[]): string {
  const others = stages.filter((candidate) => candidate.id !== stage.id);
  const pick = others.find((candidate) => candidate.category === stage.category) ?? others.find((candidate) => candidate.category === 'applied') ?? others[0];
  return pick?.id ?? '';
}

/**
 * Deleting a stage moves its applications, and every history event that names it, to a replacement the user
 * chooses. The form says what will happen before it happens; the toast after it offers Undo (`stages.restore`).
 */
export function DeleteStageForm({ stage, stages, onDone, onCancel }: { stage: Stage; stages: Stage[]; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('settings');
  const stageName = useStageName();
  const toast = useToast();
  const form = useRecordForm({ replacementId: defaultReplacement(stage, stages) });
  const name = stageName(stage);
  const labelOf = (id: string) => {
    const replacement = stages.find((candidate) => candidate.id === id);
    return replacement ? stageName(replacement) : '';
  };

  const save = (event: FormEvent) =>
    form.submit(
      event,
      async (values) => {
        const result = await invoke('stages.delete', { id: stage.id, replacementId: values.replacementId });
        const replacement = labelOf(values.replacementId);
        const message = result.reassigned > 0 ? t('stages.deleted', { name, count: result.reassigned, replacement }) : t('stages.deletedEmpty', { name });
        toast.showUndo(message, () => invoke('stages.restore', result.undo));
      },
      onDone,
    );

  // A category without stages could not hold applications (new ones land in the first stage of theirs).
  if (!stages.some((candidate) => candidate.id !== stage.id && candidate.category === stage.category)) {
    return (
      <div className="rec-form rec-form-single">
        <p>{t('stages.deleteLast', { name, category: t(`common:stageCategory.${stage.category}`) })}</p>
        <div className="rec-form-actions">
          <Button onClick={onCancel}>{t('stages.deleteLastClose')}</Button>
        </div>
      </div>
    );
  }

  return (
    <form className="rec-form rec-form-single" onSubmit={save} noValidate>
      <p>
        {stage.applicationCount > 0
          ? t('stages.deleteExplain', { count: stage.applicationCount, name })
          : t('stages.deleteExplainEmpty', { name })}
      </p>
      <Field label={t('stages.replacement')} error={form.errors.replacementId}>
        {(control) => (
          <select className="select" {...control} {...form.text('replacementId')}>
            {groupStages(stages.filter((candidate) => candidate.id !== stage.id))
              .filter((group) => group.stages.length > 0)
              .map((group) => (
                <optgroup key={group.category} label={t(`common:stageCategory.${group.category}`)}>
                  {group.stages.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {stageName(candidate)}
                    </option>
                  ))}
                </optgroup>
              ))}
          </select>
        )}
      </Field>
      <p className="muted">{t('stages.deleteUndoHint')}</p>
      <FormError message={form.formError} />
      <div className="rec-form-actions">
        <Button onClick={onCancel}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="submit" variant="danger" disabled={form.pending}>
          {t('stages.deleteConfirm')}
        </Button>
      </div>
    </form>
  );
}
