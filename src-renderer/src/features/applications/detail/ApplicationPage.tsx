import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseFormReturn } from 'react-hook-form';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { ApplicationDetail, Stage } from '../../../../../src-shared/contract';
import { useAction, useChannel } from '../../../api/hooks';
import { Button, IconButton } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { ExternalLink } from '../../../ui/ExternalLink';
import { useFormat } from '../../../ui/format';
import { Icon } from '../../../ui/Icon';
import { errorMessage } from '../../../ui/issues';
import { useStageName } from '../../../ui/StageBadge';
import { useToast } from '../../../ui/toast';
import { ApplicationContacts } from '../../contacts/ApplicationContacts';
import { ApplicationDocuments } from '../../documents/ApplicationDocuments';
import { ApplicationAnswers } from '../../answers/ApplicationAnswers';
import { ApplicationInterviews } from '../../interviews/ApplicationInterviews';
import { ApplicationTasks } from '../../tasks/ApplicationTasks';
import { CustomValuesCard } from '../../customFields/CustomValuesCard';
import { CapturedPostingCard } from '../../capture/CapturedPostingCard';
import { AnalyseButton } from '../../ai/AnalyseButton';
import { StageSelect } from '../StageSelect';
import { useApplicationActions } from '../useApplicationActions';
import { useStages } from '../vocabulary';
import { ApplicationForm } from './ApplicationForm';
import { draftOf, type QuickAddDraft } from '../quick/draft';
import { emptyValues, toCreateInput, toPatch, valuesOf, type ApplicationFormValues } from './formModel';
import { StageTimeline } from './StageTimeline';
import { useApplicationForm } from './useApplicationForm';
import { useLeaveGuard } from './useLeaveGuard';
import './detail.css';

const formId = 'application-form';

/** Validates the form as its Save button would, then runs `save`; false when the form is refused or not saved. */
function submitted(form: UseFormReturn<ApplicationFormValues>, save: (values: ApplicationFormValues) => Promise<boolean>): Promise<boolean> {
  return new Promise((resolve) => {
    void form.handleSubmit(
      async (values) => resolve(await save(values)),
      () => resolve(false),
    )();
  });
}

/** `/applications/new` creates; `/applications/:id` shows and edits one application with its history. */
export default function ApplicationPage() {
  const { id } = useParams();
  const stages = useStages();
  const profile = useChannel('profile.get', undefined);
  const draft = draftOf(useLocation().state);
  if (!id || id === 'new') {
    const firstApplied = stages.find((stage) => stage.category === 'applied');
    if (!profile.data || !firstApplied) return <Loading />;
    // The quick add's stage when it carried one over (its applied date then follows that stage's rule).
    const stage = (draft && stages.find((candidate) => candidate.id === draft.stageId)) || firstApplied;
    const initial = emptyValues({ salaryCurrency: profile.data.defaultCurrency, stage });
    return <NewApplication stages={stages} initial={draft ? withDraft(initial, draft) : initial} />;
  }
  return <ExistingApplication id={id} stages={stages} />;
}

/** The form's values with what the quick add carried over. */
function withDraft(initial: ApplicationFormValues, draft: QuickAddDraft): ApplicationFormValues {
  return { ...initial, companyId: draft.companyId, companyName: draft.companyName, position: draft.position, postingUrl: draft.postingUrl };
}

function Loading() {
  const { t } = useTranslation('common');
  return (
    <div className="loading-screen" role="status">
      {t('loading')}
    </div>
  );
}

function NewApplication({ stages, initial }: { stages: Stage[]; initial: ApplicationFormValues }) {
  const { t } = useTranslation(['applications', 'common']);
  const navigate = useNavigate();
  const toast = useToast();
  const create = useAction('applications.create');
  const { form, showServerError } = useApplicationForm({ initial });

  /** Creates the application; its id, or null when refused (the errors are then shown). */
  const save = useCallback(
    async (values: ApplicationFormValues): Promise<string | null> => {
      try {
        const created = await create.mutateAsync(toCreateInput(values));
        toast.show(t('toast.created', { position: created.position, company: created.companyName }));
        return created.id;
      } catch (error) {
        if (!showServerError(error)) toast.show(errorMessage(t, error));
        return null;
      }
    },
    [create, showServerError, t, toast],
  );
  const { allowNavigation, dialog: leaveDialog } = useLeaveGuard(form.formState.isDirty, () =>
    submitted(form, async (values) => (await save(values)) !== null),
  );
  const onSubmit = useCallback(
    async (values: ApplicationFormValues) => {
      const id = await save(values);
      if (!id) return;
      allowNavigation();
      navigate(`/applications/${id}`, { replace: true });
    },
    [allowNavigation, navigate, save],
  );

  return (
    <div className="page application-page">
      <div className="page-header">
        <Link to="/applications" className="back-link">
          <Icon name="chevronLeft" />
          {t('title')}
        </Link>
      </div>
      <div className="page-header">
        <h1>{t('new')}</h1>
        <Button onClick={() => navigate('/applications')}>{t('common:actions.cancel')}</Button>
        <Button type="submit" form={formId} variant="primary" disabled={form.formState.isSubmitting}>
          {t('form.create')}
        </Button>
      </div>
      <div className="detail-layout detail-layout-single">
        <ApplicationForm id={formId} form={form} stages={stages} onSubmit={onSubmit} />
      </div>
      {leaveDialog}
    </div>
  );
}

function ExistingApplication({ id, stages }: { id: string; stages: Stage[] }) {
  const { t } = useTranslation(['applications', 'common']);
  const query = useChannel('applications.get', { id });
  if (query.error) {
    return (
      <div className="page">
        <EmptyState icon="alert" title={errorMessage(t, query.error)} actions={<Link className="btn" to="/applications">{t('backToList')}</Link>} />
      </div>
    );
  }
  if (!query.data) return <Loading />;
  return <ApplicationDetailView key={id} application={query.data} stages={stages} />;
}

function ApplicationDetailView({ application, stages }: { application: ApplicationDetail; stages: Stage[] }) {
  const { t } = useTranslation(['applications', 'common']);
  const navigate = useNavigate();
  const toast = useToast();
  const format = useFormat();
  const stageName = useStageName();
  const actions = useApplicationActions();
  const update = useAction('applications.update');
  const initial = useMemo(() => valuesOf(application), [application]);
  const { form, showServerError } = useApplicationForm({ initial, applicationId: application.id });
  const { isDirty, isSubmitting } = form.formState;

  // Changes made elsewhere (board, bulk action, another window) show up unless the user is editing.
  useEffect(() => {
    if (!form.formState.isDirty) form.reset(initial);
  }, [initial, form]);

  /** Saves what changed; whether it was saved (a refusal shows its errors next to the fields). */
  const save = useCallback(
    async (values: ApplicationFormValues): Promise<boolean> => {
      const patch = toPatch(values, initial);
      if (Object.keys(patch).length === 0) return true;
      try {
        const saved = await update.mutateAsync({ id: application.id, patch });
        form.reset(valuesOf(saved));
        toast.show(t('toast.saved'));
        return true;
      } catch (error) {
        if (!showServerError(error)) toast.show(errorMessage(t, error));
        return false;
      }
    },
    [application.id, form, initial, showServerError, t, toast, update],
  );
  const onSubmit = useCallback((values: ApplicationFormValues) => void save(values), [save]);
  const { allowNavigation, dialog: leaveDialog } = useLeaveGuard(isDirty, () => submitted(form, save));

  const remove = async () => {
    if (!(await actions.remove([application.id]))) return;
    allowNavigation();
    navigate('/applications');
  };

  return (
    <div className="page application-page">
      <div className="page-header">
        <Link to="/applications" className="back-link">
          <Icon name="chevronLeft" />
          {t('title')}
        </Link>
      </div>
      <header className="detail-header">
        <div className="detail-title">
          <h1>{application.position}</h1>
          <p className="detail-subtitle">
            <Link to={`/companies/${application.companyId}`}>{application.companyName}</Link>
            {application.location && <span>· {application.location}</span>}
            {application.appliedOn && <span>· {t('detail.appliedOn', { date: format.date(application.appliedOn) })}</span>}
          </p>
        </div>
        <div className="detail-actions">
          <IconButton
            icon="star"
            filled={application.favorite}
            className={application.favorite ? 'star-button is-on' : 'star-button'}
            label={application.favorite ? t('detail.unfavorite') : t('detail.favorite')}
            aria-pressed={application.favorite}
            onClick={() => void actions.toggleFavorite(application.id)}
          />
          <span className={`stage-cell detail-stage cat-${application.stageCategory}`}>
            <span className="dot" aria-hidden="true" />
            <StageSelect
              stages={stages}
              value={application.stageId}
              aria-label={t('detail.currentStage')}
              onChange={(stageId) => {
                const stage = stages.find((candidate) => candidate.id === stageId);
                void actions.setStage(application.id, stageId, stage ? stageName(stage) : '');
              }}
            />
          </span>
          {application.postingUrl && (
            <ExternalLink href={application.postingUrl} className="btn">
              <Icon name="external" />
              {t('form.openPosting')}
            </ExternalLink>
          )}
          {(application.capturedPosting?.text || application.description) && (
            <AnalyseButton input={{ applicationId: application.id }} application={application} applicationDirty={isDirty} />
          )}
          <Button icon="trash" variant="danger" onClick={() => void remove()}>
            {t('common:actions.delete')}
          </Button>
        </div>
      </header>
      <div className="detail-layout">
        <div className="detail-main">
          <ApplicationForm id={formId} form={form} applicationId={application.id} stages={stages} onSubmit={onSubmit} />
          <CustomValuesCard application={application} />
          {application.capturedPosting && <CapturedPostingCard posting={application.capturedPosting} />}
        </div>
        <aside className="detail-side" aria-label={t('detail.related')}>
          <StageTimeline application={application} stages={stages} />
          <ApplicationInterviews applicationId={application.id} />
          <ApplicationTasks applicationId={application.id} />
          <ApplicationContacts applicationId={application.id} companyId={application.companyId} />
          <ApplicationDocuments applicationId={application.id} />
          <ApplicationAnswers applicationId={application.id} />
        </aside>
      </div>
      {isDirty && (
        <div className="save-bar" role="region" aria-label={t('form.unsaved')}>
          <span>{t('form.unsaved')}</span>
          <Button onClick={() => form.reset(initial)}>{t('form.discard')}</Button>
          <Button type="submit" form={formId} variant="primary" disabled={isSubmitting} aria-keyshortcuts="Control+S Meta+S">
            {t('form.save')}
          </Button>
        </div>
      )}
      {leaveDialog}
    </div>
  );
}
