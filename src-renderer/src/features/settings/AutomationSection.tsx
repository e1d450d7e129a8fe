import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ruleLimits, weekdays, type AutomationSettings, type UpdateAutomationInput } from '../../../../src-shared/contract';
import { AppError } from '../../../../src-shared/errors';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { errorMessage, issueMessage } from '../../ui/issues';
import { useToast } from '../../ui/toast';
import { browserNotificationsAvailable } from '../notifications/useBrowserNotifications';
import { FormError } from '../shared/FormError';
import { SettingsSection } from './SettingsSection';
import './automation.css';

type Switches = 'followUp' | 'ghost' | 'archive' | 'interviewReminders' | 'taskReminders' | 'deadlineReminders' | 'goalReminders' | 'weeklySummary';

interface Values {
  enabled: Record<Switches, boolean>;
  followUpDays: string;
  followUpAgainDays: string;
  ghostDays: string;
  archiveMonths: string;
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  systemNotifications: boolean;
  firstWeekday: string;
}

const switches: Switches[] = ['followUp', 'ghost', 'archive', 'interviewReminders', 'taskReminders', 'deadlineReminders', 'goalReminders', 'weeklySummary'];

function valuesOf(settings: AutomationSettings): Values {
  return {
    enabled: Object.fromEntries(switches.map((name) => [name, settings[name].enabled])) as Record<Switches, boolean>,
    followUpDays: String(settings.followUp.days),
    followUpAgainDays: String(settings.followUp.againDays),
    ghostDays: String(settings.ghost.days),
    archiveMonths: String(settings.archive.months),
    quiet: settings.quietHours.enabled,
    quietStart: settings.quietHours.start,
    quietEnd: settings.quietHours.end,
    systemNotifications: settings.systemNotifications,
    firstWeekday: settings.firstWeekday === null ? '' : String(settings.firstWeekday),
  };
}

/** The input of automation.update; numbers as typed (a wrong one comes back as a VALIDATION issue on its field). */
function inputOf(values: Values): UpdateAutomationInput {
  const toggle = (name: Switches) => ({ enabled: values.enabled[name] });
  return {
    followUp: { ...toggle('followUp'), days: Number(values.followUpDays), againDays: Number(values.followUpAgainDays) },
    ghost: { ...toggle('ghost'), days: Number(values.ghostDays) },
    archive: { ...toggle('archive'), months: Number(values.archiveMonths) },
    interviewReminders: toggle('interviewReminders'),
    taskReminders: toggle('taskReminders'),
    deadlineReminders: toggle('deadlineReminders'),
    goalReminders: toggle('goalReminders'),
    weeklySummary: toggle('weeklySummary'),
    quietHours: { enabled: values.quiet, start: values.quietStart, end: values.quietEnd },
    systemNotifications: values.systemNotifications,
    firstWeekday: values.firstWeekday === '' ? null : (Number(values.firstWeekday) as UpdateAutomationInput['firstWeekday']),
  };
}

/** An on/off switch (a checkbox with the switch role) with its label and what it does. */
function Switch({ checked, onChange, label, hint }: { checked: boolean; onChange: (checked: boolean) => void; label: string; hint: string }) {
  return (
    <label className="au-switch">
      <input type="checkbox" role="switch" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span className="au-switch-text">
        <span className="au-switch-label">{label}</span>
        <span className="au-switch-hint">{hint}</span>
      </span>
    </label>
  );
}

function NumberField({ label, value, onChange, error, disabled, min, max }: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled: boolean;
  min: number;
  max: number;
}) {
  return (
    <Field label={label} error={error} className="au-number">
      {(control) => (
        <input className="input" {...control} type="number" inputMode="numeric" min={min} max={max} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}

function BrowserPermission() {
  const { t } = useTranslation('automation');
  const [permission, setPermission] = useState(() => (browserNotificationsAvailable() ? Notification.permission : null));
  if (window.candid) return null;
  if (permission === null) return <p className="muted au-permission">{t('settings.systemNotifications.unsupported')}</p>;
  if (permission === 'granted') return <p className="muted au-permission">{t('settings.systemNotifications.allowed')}</p>;
  if (permission === 'denied') return <p className="muted au-permission">{t('settings.systemNotifications.denied')}</p>;
  return (
    <Button size="sm" icon="bell" className="au-permission" onClick={() => void Notification.requestPermission().then(setPermission)}>
      {t('settings.systemNotifications.allow')}
    </Button>
  );
}

function AutomationForm({ settings }: { settings: AutomationSettings }) {
  const { t } = useTranslation(['automation', 'common']);
  const toast = useToast();
  const [values, setValues] = useState(() => valuesOf(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));
  const setEnabled = (name: Switches, enabled: boolean) => set({ enabled: { ...values.enabled, [name]: enabled } });

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    setErrors({});
    setFormError(null);
    try {
      setValues(valuesOf(await invoke('automation.update', inputOf(values))));
      toast.show(t('settings.saved'));
    } catch (error) {
      // Issues name nested fields (`followUp.days`): each goes next to its own input.
      const byPath: Record<string, string> = {};
      if (error instanceof AppError) for (const issue of error.issues ?? []) byPath[issue.path] ??= issueMessage(t, issue);
      setErrors(byPath);
      if (Object.keys(byPath).length === 0) setFormError(errorMessage(t, error));
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } finally {
      setPending(false);
    }
  };

  const rule = (name: Switches, numbers?: ReactNode) => (
    <div className="au-rule" key={name}>
      <Switch checked={values.enabled[name]} onChange={(checked) => setEnabled(name, checked)} label={t(`settings.${name}.label`)} hint={t(`settings.${name}.hint`)} />
      {numbers && <div className="au-numbers">{numbers}</div>}
    </div>
  );
  const weekdayName = (day: number) => t(`weekdays.${day}`);

  return (
    <form className="au-form" onSubmit={(event) => void save(event)} noValidate>
      {rule(
        'followUp',
        <>
          <NumberField label={t('settings.followUp.days')} value={values.followUpDays} onChange={(followUpDays) => set({ followUpDays })} error={errors['followUp.days']} disabled={!values.enabled.followUp} {...ruleLimits.followUpDays} />
          <NumberField label={t('settings.followUp.againDays')} value={values.followUpAgainDays} onChange={(followUpAgainDays) => set({ followUpAgainDays })} error={errors['followUp.againDays']} disabled={!values.enabled.followUp} {...ruleLimits.followUpAgainDays} />
        </>,
      )}
      {rule('ghost', <NumberField label={t('settings.ghost.days')} value={values.ghostDays} onChange={(ghostDays) => set({ ghostDays })} error={errors['ghost.days']} disabled={!values.enabled.ghost} {...ruleLimits.ghostDays} />)}
      {rule('archive', <NumberField label={t('settings.archive.months')} value={values.archiveMonths} onChange={(archiveMonths) => set({ archiveMonths })} error={errors['archive.months']} disabled={!values.enabled.archive} {...ruleLimits.archiveMonths} />)}
      {(['interviewReminders', 'taskReminders', 'deadlineReminders', 'goalReminders', 'weeklySummary'] as const).map((name) => rule(name))}
      <div className="au-rule">
        <Switch checked={values.quiet} onChange={(quiet) => set({ quiet })} label={t('settings.quietHours.label')} hint={t('settings.quietHours.hint')} />
        <div className="au-numbers">
          <Field label={t('settings.quietHours.start')} error={errors['quietHours.start']} className="au-number">
            {(control) => <input className="input" {...control} type="time" value={values.quietStart} disabled={!values.quiet} onChange={(event) => set({ quietStart: event.target.value })} />}
          </Field>
          <Field label={t('settings.quietHours.end')} error={errors['quietHours.end']} className="au-number">
            {(control) => <input className="input" {...control} type="time" value={values.quietEnd} disabled={!values.quiet} onChange={(event) => set({ quietEnd: event.target.value })} />}
          </Field>
        </div>
      </div>
      <div className="au-rule">
        <Switch
          checked={values.systemNotifications}
          onChange={(systemNotifications) => set({ systemNotifications })}
          label={t('settings.systemNotifications.label')}
          hint={window.candid ? t('settings.systemNotifications.hintDesktop') : t('settings.systemNotifications.hintBrowser')}
        />
        {values.systemNotifications && <BrowserPermission />}
      </div>
      <Field label={t('settings.firstWeekday.label')} hint={t('settings.firstWeekday.hint')} error={errors.firstWeekday} className="au-weekday">
        {(control) => (
          <select className="select" {...control} value={values.firstWeekday} onChange={(event) => set({ firstWeekday: event.target.value })}>
            <option value="">{t('settings.firstWeekday.automatic', { day: weekdayName(settings.effectiveFirstWeekday) })}</option>
            {weekdays.map((day) => (
              <option key={day} value={String(day)}>
                {weekdayName(day)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormError message={formError} />
      <div className="rec-form-actions">
        <Button type="submit" variant="primary" disabled={pending}>
          {t('common:actions.save')}
        </Button>
      </div>
    </form>
  );
}

/** Settings ▸ Automation: each rule with its switch and its number, quiet hours, pop-ups, the first day of the week. */
export function AutomationSection() {
  const { t } = useTranslation('automation');
  const settings = useChannel('automation.settings', undefined);
  return (
    <SettingsSection id="automation" title={t('settings.title')} description={t('settings.intro')}>
      {/* Keyed by nothing: a save elsewhere (the profile's language) must not wipe what is being changed here. */}
      {settings.data && <AutomationForm settings={settings.data} />}
    </SettingsSection>
  );
}
