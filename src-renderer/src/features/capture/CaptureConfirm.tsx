import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PostingDraft, ReadPostingResult, Stage } from '../../../../src-shared/contract';
import { useAction } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { errorMessage } from '../../ui/issues';
import { useToast } from '../../ui/toast';
import { ApplicationForm } from '../applications/detail/ApplicationForm';
import { emptyValues, toCreateInput, type ApplicationFormValues } from '../applications/detail/formModel';
import { useApplicationForm } from '../applications/detail/useApplicationForm';
import { useLeaveGuard } from '../applications/detail/useLeaveGuard';
import { CapturedPostingCard } from './CapturedPostingCard';
import { capturedPostingOf, valuesFromDraft } from './draftValues';
import '../applications/detail/detail.css';

const formId = 'capture-form';

interface CaptureConfirmProps {
  result: ReadPostingResult;
  draft: PostingDraft;
  stages: Stage[];
  defaultCurrency: string;
  /** Back to the list of postings, when the page had several. */
  onOtherPostings?: () => void;
  onStartAgain(): void;
}

/** What has no field of its own, in the user's language: posted date, reference, direct apply, the company's site. */
function useNotes(draft: PostingDraft): string {
  const { t } = useTranslation('capture');
  const format = useFormat();
  return [
    draft.postedOn && t('notes.posted', { date: format.date(draft.postedOn) }),
    draft.identifier && t('notes.reference', { identifier: draft.identifier }),
    draft.directApply && t('notes.directApply'),
    draft.companyWebsite && t('notes.website', { url: draft.companyWebsite }),
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * The application form (the same one as everywhere), prefilled from the posting, with the posting's text shown
 * read-only beside it. Saving creates the application with the posting frozen on it, then opens it.
 */
export function CaptureConfirm({ result, draft, stages, defaultCurrency, onOtherPostings, onStartAgain }: CaptureConfirmProps) {
  const { t } = useTranslation(['capture', 'applications', 'common']);
  const navigate = useNavigate();
  const toast = useToast();
  const create = useAction('applications.create');
  const notes = useNotes(draft);
  // A captured posting is one the user means to look at or apply to: the wishlist, unless there is none.
  const stage = stages.find((candidate) => candidate.category === 'wishlist') ?? stages.find((candidate) => candidate.category === 'applied')!;
  const [initial] = useMemo(
    () => [valuesFromDraft(emptyValues({ salaryCurrency: defaultCurrency, stage }), draft, result.pageUrl, notes)],
    // The values are fixed when the form opens; a language switch later does not rewrite what the user edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const captured = useMemo(() => capturedPostingOf(draft, result), [draft, result]);
  const { form, showServerError } = useApplicationForm({ initial });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  /** Creates the application; its id, or null when refused (the errors are then shown next to the fields). */
  const save = useCallback(
    async (values: ApplicationFormValues): Promise<string | null> => {
      try {
        const created = await create.mutateAsync({ ...toCreateInput(values), capturedPosting: captured });
        toast.show(t('form.saved', { position: created.position, company: created.companyName }));
        return created.id;
      } catch (error) {
        if (!showServerError(error)) toast.show(errorMessage(t, error));
        return null;
      }
    },
    [captured, create, showServerError, t, toast],
  );
  const saveFromGuard = () =>
    new Promise<boolean>((resolve) => {
      void form.handleSubmit(
        async (values) => resolve((await save(values)) !== null),
        () => resolve(false),
      )();
    });
  const { allowNavigation, dialog: leaveDialog } = useLeaveGuard(form.formState.isDirty, saveFromGuard);
  const onSubmit = useCallback(
    async (values: ApplicationFormValues) => {
      const id = await save(values);
      if (!id) return;
      allowNavigation();
      navigate(`/applications/${id}`);
    },
    [allowNavigation, navigate, save],
  );

  return (
    <div className="capture-confirm">
      <div className="page-header capture-confirm-header">
        <div>
          <h2 ref={heading} tabIndex={-1}>
            {t('form.title')}
          </h2>
          <p className="muted">{t('form.hint', { origin: t(`form.origin.${draft.origin}`) })}</p>
        </div>
        <div className="capture-confirm-actions">
          {onOtherPostings && <Button onClick={onOtherPostings}>{t('form.otherPostings')}</Button>}
          <Button onClick={onStartAgain}>{t('form.startAgain')}</Button>
          <Button type="submit" form={formId} variant="primary" icon="save" disabled={form.formState.isSubmitting} aria-keyshortcuts="Control+S Meta+S">
            {t('form.save')}
          </Button>
        </div>
      </div>
      <div className="capture-confirm-layout">
        <ApplicationForm id={formId} form={form} stages={stages} onSubmit={onSubmit} />
        <CapturedPostingCard posting={captured} />
      </div>
      {leaveDialog}
    </div>
  );
}
