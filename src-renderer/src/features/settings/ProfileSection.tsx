import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/toast';
import { Field } from '../../ui/Field';
import { FormError } from '../shared/FormError';
import { integerOrNull, orNull, useRecordForm } from '../shared/useRecordForm';
import { SettingsSection } from './SettingsSection';

/** Skills are typed as one line, separated by commas or semicolons. */
const parseSkills = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((skill) => skill.trim())
    .filter(Boolean);

function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const form = useRecordForm({
    name: profile.name ?? '',
    skills: profile.skills.join(', '),
    weeklyGoal: profile.weeklyGoal === null ? '' : String(profile.weeklyGoal),
  });
  const save = (event: FormEvent) =>
    form.submit(
      event,
      (values) => invoke('profile.update', { name: orNull(values.name), skills: parseSkills(values.skills), weeklyGoal: integerOrNull(values.weeklyGoal) }),
      () => toast.show(t('profile.saved')),
    );
  return (
    <form className="rec-form" onSubmit={save} noValidate>
      <Field label={t('profile.name')} error={form.errors.name}>
        {(control) => <input className="input" {...control} type="text" autoComplete="name" {...form.text('name')} />}
      </Field>
      <Field label={t('profile.weeklyGoal')} error={form.errors.weeklyGoal} hint={t('profile.weeklyGoalHint')}>
        {(control) => <input className="input" {...control} type="number" min={0} max={500} inputMode="numeric" {...form.text('weeklyGoal')} />}
      </Field>
      <Field label={t('profile.skills')} error={form.errors.skills} hint={t('profile.skillsHint')} className="rec-span-2">
        {(control) => <textarea className="textarea" {...control} rows={2} {...form.text('skills')} />}
      </Field>
      <div className="rec-span-2">
        <FormError message={form.formError} />
      </div>
      <div className="rec-form-actions rec-span-2">
        <Button type="submit" variant="primary" disabled={form.pending}>
          {t('profile.save')}
        </Button>
      </div>
    </form>
  );
}

export function ProfileSection() {
  const { t } = useTranslation('settings');
  const profile = useChannel('profile.get', undefined);
  return (
    <SettingsSection id="profile" title={t('profile.title')} description={t('profile.description')}>
      {/* Not keyed by the saved version: saving the theme or language must not wipe what is being typed here. */}
      {profile.data && <ProfileForm profile={profile.data} />}
    </SettingsSection>
  );
}
