import { useTranslation } from 'react-i18next';
import type { BoothPriority } from '../../../../src-shared/contract';
import { Field } from '../../ui/Field';

/** Priority and "in my plan", as the add form and the booth editor both ask them. */
export function PlanFields({
  priority,
  planned,
  onPriority,
  onPlanned,
}: {
  priority: BoothPriority | null;
  planned: boolean;
  onPriority: (priority: BoothPriority | null) => void;
  onPlanned: (planned: boolean) => void;
}) {
  const { t } = useTranslation('fairs');
  return (
    <div className="fair-form-row">
      <Field label={t('booth.priority')}>
        {(props) => (
          <select className="input" {...props} value={priority ?? ''} onChange={(event) => onPriority(event.target.value ? (Number(event.target.value) as BoothPriority) : null)}>
            <option value="">{t('booth.noPriority')}</option>
            {[1, 2, 3].map((level) => (
              <option key={level} value={level}>
                {t(`priority.${level}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="booth-check">
        <input type="checkbox" checked={planned} onChange={(event) => onPlanned(event.target.checked)} />
        {t('booth.planned')}
      </label>
    </div>
  );
}
