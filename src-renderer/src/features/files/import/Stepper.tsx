import { useTranslation } from 'react-i18next';
import type { WizardStep } from './useImportWizard';

/** Where the user is in the wizard; steps already passed can be revisited. */
export function Stepper({ steps, current, onSelect }: { steps: WizardStep[]; current: WizardStep; onSelect: (step: WizardStep) => void }) {
  const { t } = useTranslation('files');
  const currentIndex = steps.indexOf(current);
  return (
    <nav aria-label={t('imports.stepOf', { current: currentIndex + 1, total: steps.length, name: t(`imports.steps.${current}`) })}>
      <ol className="imp-stepper">
        {steps.map((step, index) => {
          const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
          const reachable = index < currentIndex && current !== 'done';
          return (
            <li key={step} className="imp-step" data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
              <button type="button" className="imp-step-button" disabled={!reachable} onClick={() => onSelect(step)}>
                <span className="imp-step-number" aria-hidden="true">
                  {index + 1}
                </span>
                {t(`imports.steps.${step}`)}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
