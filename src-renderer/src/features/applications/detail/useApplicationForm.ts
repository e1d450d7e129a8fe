import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm, type FieldError, type FieldErrors, type Resolver } from 'react-hook-form';
import { AppError } from '../../../../../src-shared/errors';
import { fieldErrors } from '../../../ui/issues';
import { toCreateInput, toPatch, type ApplicationFormValues } from './formModel';

/** The form fields an issue may name; anything else (a whole-input issue) is shown above the form. */
export const formFieldNames = new Set<string>([
  'companyId', 'companyName', 'position', 'employmentType', 'schedule', 'workMode', 'location', 'source', 'appliedOn',
  'postingUrl', 'description', 'salaryMin', 'salaryMax', 'salaryCurrency', 'salaryPeriod', 'requiredSkills',
  'preferredSkills', 'experienceYears', 'resumeVersion', 'notes', 'tags', 'favorite', 'priority', 'excitement',
  'deadline', 'archived', 'firstResponseOn', 'stageId',
]);

function asFormErrors(messages: Record<string, string>): FieldErrors<ApplicationFormValues> {
  const errors: Record<string, FieldError> = {};
  for (const [field, message] of Object.entries(messages)) {
    // The company is one box: an issue about its id or its name shows there.
    const target = field === 'companyId' ? 'companyName' : formFieldNames.has(field) ? field : 'root';
    errors[target] ??= { type: 'validation', message };
  }
  return errors as FieldErrors<ApplicationFormValues>;
}

/**
 * react-hook-form over the contract's own zod schemas: the values are turned into the exact input the channel
 * takes and parsed by the same schema the handler uses, so the form and the handler can never disagree.
 */
export function useApplicationForm(options: { initial: ApplicationFormValues; applicationId?: string }) {
  const { t } = useTranslation(['applications', 'common']);
  const { initial, applicationId } = options;

  const resolver = useCallback<Resolver<ApplicationFormValues>>(
    async (values) => {
      // The contract's schemas load with the first check, not with the app: building them is most of its start.
      const { createApplicationInput, updateApplicationInput } = await import('../../../../../src-shared/contract');
      const result = applicationId
        ? updateApplicationInput.safeParse({ id: applicationId, patch: toPatch(values, initial) })
        : createApplicationInput.safeParse(toCreateInput(values));
      if (result.success) return { values, errors: {} };
      return { values: {}, errors: asFormErrors(fieldErrors(t, result.error.issues, ['patch'])) };
    },
    [applicationId, initial, t],
  );

  const form = useForm<ApplicationFormValues>({ defaultValues: initial, resolver, mode: 'onSubmit', reValidateMode: 'onChange' });

  /** Puts a handler's validation issues next to their fields; returns false when the error was not about fields. */
  const showServerError = useCallback(
    (error: unknown): boolean => {
      if (!(error instanceof AppError) || !error.issues?.length) return false;
      const errors = asFormErrors(fieldErrors(t, error.issues, ['patch']));
      for (const [field, fieldError] of Object.entries(errors)) {
        form.setError(field as keyof ApplicationFormValues | 'root', { type: 'server', message: (fieldError as FieldError).message });
      }
      return true;
    },
    [form, t],
  );

  return useMemo(() => ({ form, showServerError }), [form, showServerError]);
}
