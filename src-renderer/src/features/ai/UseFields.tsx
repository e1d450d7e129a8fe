import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AiAnalysis, Application, ApplicationPatch } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { Button } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { errorMessage } from '../../ui/issues';
import { useToast } from '../../ui/toast';
import { mergedPatches, suggestionsOf, type FieldSuggestion } from './useFields';

/** A field's value as text, for the list of choices. */
function useValueText() {
  const { t } = useTranslation('common');
  const format = useFormat();
  return (patch: ApplicationPatch): string => {
    if (patch.requiredSkills) return patch.requiredSkills.join(', ');
    if (patch.preferredSkills) return patch.preferredSkills.join(', ');
    if ('experienceYears' in patch) return patch.experienceYears == null ? '' : format.number(patch.experienceYears);
    if ('workMode' in patch) return patch.workMode ? t(`workMode.${patch.workMode}`) : '';
    return format.salary({ salaryMin: patch.salaryMin ?? null, salaryMax: patch.salaryMax ?? null, salaryCurrency: patch.salaryCurrency ?? null, salaryPeriod: patch.salaryPeriod ?? null });
  };
}

/**
 * "Use these fields": fills the application's empty fields from the analysis through `applications.update`, with
 * Undo. A field the user already filled is offered unticked, with its current value: replaced only when ticked.
 */
export function UseFields({ analysis, application, blocked, onDone }: { analysis: AiAnalysis; application: Application; blocked: boolean; onDone: () => void }) {
  const { t } = useTranslation('ai');
  const toast = useToast();
  const valueText = useValueText();
  const suggestions = suggestionsOf(analysis.fields, application);
  const [chosen, setChosen] = useState(() => new Set(suggestions.filter((suggestion) => !suggestion.filled).map((suggestion) => suggestion.field)));
  const [pending, setPending] = useState(false);

  if (suggestions.length === 0) return <p className="muted">{t('use.nothing')}</p>;
  const toggle = (suggestion: FieldSuggestion, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(suggestion.field);
      else next.delete(suggestion.field);
      return next;
    });
  const apply = async () => {
    const picked = suggestions.filter((suggestion) => chosen.has(suggestion.field));
    const { patch, undo } = mergedPatches(picked);
    setPending(true);
    try {
      await invoke('applications.update', { id: application.id, patch });
      toast.showUndo(t('use.applied', { count: picked.length }), () => invoke('applications.update', { id: application.id, patch: undo }));
      onDone();
    } catch (error) {
      toast.show(errorMessage(t, error));
    } finally {
      setPending(false);
    }
  };

  return (
    <fieldset className="ai-use">
      <legend>{t('use.title')}</legend>
      <p className="muted">{t('use.intro')}</p>
      <ul className="ai-use-list">
        {suggestions.map((suggestion) => (
          <li key={suggestion.field}>
            <label className="check">
              <input type="checkbox" checked={chosen.has(suggestion.field)} disabled={blocked} onChange={(event) => toggle(suggestion, event.target.checked)} />
              <span>
                <strong>{t(`use.fields.${suggestion.field}`)}</strong> {valueText(suggestion.patch)}
                {suggestion.filled && <span className="muted ai-use-current"> ({t('use.current', { value: valueText(suggestion.previous) })})</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {blocked && (
        <p className="notice ai-use-blocked" role="status">
          {t('use.saveFirst')}
        </p>
      )}
      <Button variant="primary" icon="check" disabled={blocked || pending || chosen.size === 0} onClick={() => void apply()}>
        {t('use.apply')}
      </Button>
    </fieldset>
  );
}
