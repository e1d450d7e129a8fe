import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Controller, type UseFormReturn } from 'react-hook-form';
import type { Stage } from '../../../../../src-shared/contract';
import { employmentTypes, salaryPeriods, schedules, workModes } from '../../../../../src-shared/contract/enums';
import { useChannel } from '../../../api/hooks';
import { ChipsInput } from '../../../ui/ChipsInput';
import { ExternalLink } from '../../../ui/ExternalLink';
import { Field } from '../../../ui/Field';
import { Icon } from '../../../ui/Icon';
import { RatingInput } from '../../../ui/RatingInput';
import { CompanyCombobox } from '../CompanyCombobox';
import { StageSelect } from '../StageSelect';
import { useSourceOptions } from '../vocabulary';
import { DuplicateWarning } from './DuplicateWarning';
import { defaultAppliedOn, type ApplicationFormValues } from './formModel';

interface ApplicationFormProps {
  form: UseFormReturn<ApplicationFormValues>;
  /** Present when editing: duplicates exclude it, the stage is changed from the history instead. */
  applicationId?: string;
  stages: Stage[];
  onSubmit(values: ApplicationFormValues): void;
  id: string;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card form-section">
      <h2 className="section-title">{title}</h2>
      <div className="form-grid">{children}</div>
    </section>
  );
}

/** Every field of an application, in sections; validation messages come from the contract, translated. */
export function ApplicationForm({ form, applicationId, stages, onSubmit, id }: ApplicationFormProps) {
  const { t } = useTranslation(['applications', 'common', 'moves']);
  const { register, control, formState, handleSubmit, setValue, watch } = form;
  const errors = formState.errors;
  const sources = useSourceOptions();
  const tags = useChannel('tags.list', undefined).data ?? [];
  const source = watch('source');
  const postingUrl = watch('postingUrl');
  const [stageId, appliedOn, deadline] = watch(['stageId', 'appliedOn', 'deadline']);
  // A wishlist item has not been sent: a new one starts without an applied date, any other with today's, until the
  // user types one.
  const appliedOnTyped = useRef(false);
  useEffect(() => {
    if (applicationId || appliedOnTyped.current) return;
    const stage = stages.find((candidate) => candidate.id === stageId);
    if (stage) setValue('appliedOn', defaultAppliedOn(stage));
  }, [applicationId, setValue, stageId, stages]);
  const deadlineWarning = deadline && appliedOn && deadline < appliedOn ? t('moves:deadlineBeforeApplied') : undefined;
  const sourceOptions = source && !sources.some((option) => option.value === source) ? [...sources, { value: source, label: source }] : sources;

  const error = (field: keyof ApplicationFormValues) => errors[field]?.message as string | undefined;

  // Ctrl/Cmd+S saves from anywhere on the page.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void handleSubmit(onSubmit)();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handleSubmit, onSubmit]);

  return (
    <form id={id} className="application-form" noValidate onSubmit={handleSubmit(onSubmit)}>
      {errors.root?.message && (
        <p className="notice notice-error" role="alert">
          {errors.root.message}
        </p>
      )}
      <Section title={t('form.sections.job')}>
        <Field label={t('fields.company')} error={error('companyName')} className="span-2" hint={t('company.hint')}>
          {(props) => (
            <Controller
              control={control}
              name="companyName"
              render={({ field }) => (
                <CompanyCombobox
                  {...props}
                  aria-required="true"
                  text={field.value}
                  onBlur={field.onBlur}
                  onTextChange={(text) => {
                    field.onChange(text);
                    setValue('companyId', '', { shouldDirty: true });
                  }}
                  onSelect={(company) => {
                    field.onChange(company.name);
                    setValue('companyId', company.id, { shouldDirty: true });
                  }}
                />
              )}
            />
          )}
        </Field>
        <Field label={t('fields.position')} error={error('position')} className="span-2">
          {(props) => <input className="input" aria-required="true" {...props} {...register('position')} />}
        </Field>
        <div className="span-4">
          <DuplicateWarning control={control} excludeId={applicationId} />
        </div>
        <Field label={t('fields.postingUrl')} error={error('postingUrl')} className="span-4">
          {(props) => (
            <div className="input-with-action">
              <input className="input" type="url" inputMode="url" placeholder={t('form.urlPlaceholder')} {...props} {...register('postingUrl')} />
              {/^https?:\/\/\S+$/i.test(postingUrl.trim()) && (
                <ExternalLink href={postingUrl.trim()} className="btn">
                  <Icon name="external" />
                  {t('form.openPosting')}
                </ExternalLink>
              )}
            </div>
          )}
        </Field>
        <Field label={t('fields.location')} error={error('location')} className="span-2">
          {(props) => <input className="input" {...props} {...register('location')} />}
        </Field>
        <Field label={t('fields.workMode')} error={error('workMode')}>
          {(props) => (
            <select className="select" {...props} {...register('workMode')}>
              <option value="">{t('form.none')}</option>
              {workModes.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`common:workMode.${mode}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields.schedule')} error={error('schedule')}>
          {(props) => (
            <select className="select" {...props} {...register('schedule')}>
              <option value="">{t('form.none')}</option>
              {schedules.map((schedule) => (
                <option key={schedule} value={schedule}>
                  {t(`common:schedule.${schedule}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields.employmentType')} error={error('employmentType')} className="span-2">
          {(props) => (
            <select className="select" {...props} {...register('employmentType')}>
              <option value="">{t('form.none')}</option>
              {employmentTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`common:employmentType.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields.source')} error={error('source')} className="span-2">
          {(props) => (
            <select className="select" {...props} {...register('source')}>
              <option value="">{t('form.none')}</option>
              {sourceOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </Section>

      <Section title={t('form.sections.progress')}>
        {!applicationId && (
          <Field label={t('form.initialStage')} error={error('stageId')} className="span-2">
            {(props) => (
              <Controller
                control={control}
                name="stageId"
                render={({ field }) => <StageSelect {...props} stages={stages} value={field.value} onChange={field.onChange} />}
              />
            )}
          </Field>
        )}
        <Field label={t('fields.appliedOn')} error={error('appliedOn')}>
          {(props) => <input className="input" type="date" {...props} {...register('appliedOn', { onChange: () => (appliedOnTyped.current = true) })} />}
        </Field>
        <Field label={t('fields.deadline')} error={error('deadline')} warning={deadlineWarning}>
          {(props) => <input className="input" type="date" {...props} {...register('deadline')} />}
        </Field>
        <Field label={t('fields.firstResponseOn')} error={error('firstResponseOn')} hint={t('form.firstResponseHint')}>
          {(props) => <input className="input" type="date" {...props} {...register('firstResponseOn')} />}
        </Field>
        <Controller
          control={control}
          name="priority"
          render={({ field }) => <RatingInput legend={t('fields.priority')} value={field.value} onChange={field.onChange} error={error('priority')} />}
        />
        <Controller
          control={control}
          name="excitement"
          render={({ field }) => <RatingInput legend={t('fields.excitement')} value={field.value} onChange={field.onChange} error={error('excitement')} />}
        />
        <div className="form-checks">
          <label className="check">
            <input type="checkbox" {...register('favorite')} />
            {t('fields.favorite')}
          </label>
          <label className="check">
            <input type="checkbox" {...register('archived')} />
            {t('fields.archived')}
          </label>
        </div>
      </Section>

      <Section title={t('form.sections.salary')}>
        <Field label={t('fields.salaryMin')} error={error('salaryMin')}>
          {(props) => <input className="input numeric" type="number" min={0} step={1} inputMode="numeric" {...props} {...register('salaryMin')} />}
        </Field>
        <Field label={t('fields.salaryMax')} error={error('salaryMax')}>
          {(props) => <input className="input numeric" type="number" min={0} step={1} inputMode="numeric" {...props} {...register('salaryMax')} />}
        </Field>
        <Field label={t('fields.salaryCurrency')} error={error('salaryCurrency')}>
          {(props) => (
            <input
              className="input"
              maxLength={3}
              autoCapitalize="characters"
              placeholder={t('filters.currencyPlaceholder')}
              {...props}
              {...register('salaryCurrency', { setValueAs: (value: string) => value.toUpperCase() })}
            />
          )}
        </Field>
        <Field label={t('fields.salaryPeriod')} error={error('salaryPeriod')}>
          {(props) => (
            <select className="select" {...props} {...register('salaryPeriod')}>
              <option value="">{t('form.none')}</option>
              {salaryPeriods.map((period) => (
                <option key={period} value={period}>
                  {t(`common:salaryPeriod.${period}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </Section>

      <Section title={t('form.sections.skills')}>
        <Field label={t('fields.requiredSkills')} error={error('requiredSkills')} className="span-4" hint={t('form.chipsHint')}>
          {(props) => (
            <Controller
              control={control}
              name="requiredSkills"
              render={({ field }) => <ChipsInput {...props} values={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
            />
          )}
        </Field>
        <Field label={t('fields.preferredSkills')} error={error('preferredSkills')} className="span-4">
          {(props) => (
            <Controller
              control={control}
              name="preferredSkills"
              render={({ field }) => <ChipsInput {...props} values={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
            />
          )}
        </Field>
        <Field label={t('fields.experienceYears')} error={error('experienceYears')}>
          {(props) => <input className="input numeric" type="number" min={0} max={60} step={1} {...props} {...register('experienceYears')} />}
        </Field>
        <Field label={t('fields.resumeVersion')} error={error('resumeVersion')} className="span-3">
          {(props) => <input className="input" {...props} {...register('resumeVersion')} />}
        </Field>
      </Section>

      <Section title={t('form.sections.notes')}>
        <Field label={t('fields.tags')} error={error('tags')} className="span-4">
          {(props) => (
            <Controller
              control={control}
              name="tags"
              render={({ field }) => (
                <ChipsInput {...props} values={field.value} onChange={field.onChange} onBlur={field.onBlur} suggestions={tags.map((tag) => tag.name)} />
              )}
            />
          )}
        </Field>
        <Field label={t('fields.notes')} error={error('notes')} className="span-4">
          {(props) => <textarea className="textarea" rows={4} {...props} {...register('notes')} />}
        </Field>
        <Field label={t('fields.description')} error={error('description')} className="span-4" hint={t('form.descriptionHint')}>
          {(props) => <textarea className="textarea" rows={8} {...props} {...register('description')} />}
        </Field>
      </Section>
    </form>
  );
}
