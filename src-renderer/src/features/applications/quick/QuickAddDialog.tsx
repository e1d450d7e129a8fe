import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Stage } from '../../../../../src-shared/contract';
import { invoke } from '../../../api/client';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { errorMessage } from '../../../ui/issues';
import { useStageName } from '../../../ui/StageBadge';
import { useToast } from '../../../ui/toast';
import { errorsByField } from '../../shared/fieldErrors';
import { FormError } from '../../shared/FormError';
import { todayKey } from '../../shared/dates';
import { CompanyCombobox } from '../CompanyCombobox';
import { newApplicationPath } from '../../../shell/navigation';
import { StageSelect } from '../StageSelect';
import { useStages } from '../vocabulary';
import type { QuickAddDraft } from './draft';
import './quickAdd.css';

/** The stage a quick add starts in when none is given: the first "applied" one, as applications.create does. */
function defaultStage(stages: Stage[]): string {
  return stages.find((stage) => stage.category === 'applied')?.id ?? stages[0]?.id ?? '';
}

/**
 * The quick way in: company, position, link and stage, Enter saves. Opened from anywhere (N, the palette, the
 * "+" of a board column, which presets its stage); "Full form" carries what was typed to the whole form.
 */
export function QuickAddDialog({ open, stageId, onClose }: { open: boolean; stageId: string | null; onClose(): void }) {
  const { t } = useTranslation(['quickAdd', 'applications', 'common']);
  return (
    <Dialog open={open} onClose={onClose} title={t('quickAdd:title')} width="min(560px, calc(100vw - 48px))">
      <QuickAddForm initialStageId={stageId} onClose={onClose} />
    </Dialog>
  );
}

function QuickAddForm({ initialStageId, onClose }: { initialStageId: string | null; onClose(): void }) {
  const { t } = useTranslation(['quickAdd', 'applications', 'common']);
  const navigate = useNavigate();
  const toast = useToast();
  const stageName = useStageName();
  const stages = useStages();
  const [draft, setDraft] = useState<QuickAddDraft>({ companyId: '', companyName: '', position: '', postingUrl: '', stageId: initialStageId ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const stageId = draft.stageId || defaultStage(stages);
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused save, the keyboard goes to the first field to fix once the errors are committed to the page
  // (an effect, as useRecordForm does, not an animation frame: a page the browser is not drawing gets no frames).
  const [fixRequest, setFixRequest] = useState(0);
  useEffect(() => {
    if (fixRequest > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fixRequest]);
  useEffect(() => {
    // After the dialog has opened (it focuses its first control, the close button): start on the company.
    const frame = requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>('input[name="companyName"]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  const set = (change: Partial<QuickAddDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !(field in change))));
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const stage = stages.find((candidate) => candidate.id === stageId);
    setPending(true);
    setErrors({});
    setFormError(null);
    try {
      const created = await invoke('applications.create', {
        ...(draft.companyId ? { companyId: draft.companyId } : { companyName: draft.companyName }),
        position: draft.position,
        postingUrl: draft.postingUrl.trim() || null,
        stageId: stageId || undefined,
        // Out of the wishlist, adding it means applying: today (the full form lets the user backdate).
        appliedOn: stage && stage.category !== 'wishlist' ? todayKey() : null,
      });
      onClose();
      toast.showUndo(
        t('quickAdd:added', { position: created.position, company: created.companyName, stage: stage ? stageName(stage) : '' }),
        () => invoke('applications.delete', { id: created.id }),
      );
    } catch (error) {
      const fields = errorsByField(t, error);
      // A company is either picked (companyId) or typed (companyName): one box shows either error.
      if (fields.companyId && !fields.companyName) fields.companyName = fields.companyId;
      setErrors(fields);
      const shown = ['companyName', 'position', 'postingUrl', 'stageId'];
      if (!Object.keys(fields).some((field) => shown.includes(field))) setFormError(errorMessage(t, error));
      setFixRequest((count) => count + 1);
    } finally {
      setPending(false);
    }
  };

  const fullForm = () => {
    onClose();
    navigate(newApplicationPath, { state: { quickAddDraft: { ...draft, stageId } } });
  };

  return (
    <form ref={formRef} className="quick-add" onSubmit={(event) => void save(event)} noValidate>
      <Field label={t('applications:fields.company')} error={errors.companyName}>
        {(control) => (
          <CompanyCombobox
            {...control}
            name="companyName"
            text={draft.companyName}
            onTextChange={(companyName) => set({ companyName, companyId: '' })}
            onSelect={(company) => set({ companyName: company.name, companyId: company.id })}
          />
        )}
      </Field>
      <Field label={t('applications:fields.position')} error={errors.position}>
        {(control) => <input className="input" {...control} name="position" autoComplete="off" value={draft.position} onChange={(event) => set({ position: event.target.value })} />}
      </Field>
      <Field label={t('applications:fields.postingUrl')} error={errors.postingUrl}>
        {(control) => (
          <input
            className="input"
            {...control}
            name="postingUrl"
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder={t('records:urlPlaceholder')}
            value={draft.postingUrl}
            onChange={(event) => set({ postingUrl: event.target.value })}
          />
        )}
      </Field>
      <Field label={t('applications:fields.stage')} error={errors.stageId}>
        {(control) => <StageSelect {...control} stages={stages} value={stageId} onChange={(value) => set({ stageId: value })} />}
      </Field>
      <FormError message={formError} />
      <p className="muted quick-add-hint">{t('quickAdd:hint')}</p>
      <div className="quick-add-actions">
        <Button variant="ghost" onClick={fullForm}>
          {t('quickAdd:fullForm')}
        </Button>
        <span className="quick-add-spacer" />
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={pending}>
          {t('quickAdd:save')}
        </Button>
      </div>
    </form>
  );
}
