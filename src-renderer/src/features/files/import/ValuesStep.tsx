import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  builtInSources,
  employmentTypes,
  importLimits,
  schedules,
  stageCategories,
  valueMappedFields,
  workModes,
  type ImportPreview,
  type ImportValueChoice,
  type Stage,
  type ValueMappedField,
} from '../../../../../src-shared/contract';
import { useChannel } from '../../../api/hooks';

/** How "leave empty" travels in a select (its value must be a string). */
const emptyValue = '\u0000empty';

interface Option {
  value: string;
  label: string;
}

function optionGroups(t: TFunction, field: ValueMappedField, stages: readonly Stage[]): { label: string | null; options: Option[] }[] {
  const list = (values: readonly string[], prefix: string) => [{ label: null, options: values.map((value) => ({ value, label: t(`common:${prefix}.${value}`) })) }];
  switch (field) {
    case 'stage':
      return stageCategories.map((category) => ({
        label: t(`common:stageCategory.${category}`),
        options: stages
          .filter((stage) => stage.category === category)
          .map((stage) => ({ value: stage.id, label: stage.name ?? t(`common:stageCategory.${category}`) })),
      }));
    case 'employmentType':
      return list(employmentTypes, 'employmentType');
    case 'workMode':
      return list(workModes, 'workMode');
    case 'schedule':
      return list(schedules, 'schedule');
    case 'source':
      return list(builtInSources, 'source');
  }
}

function ValueRow({ field, choice, groups, onMap }: { field: ValueMappedField; choice: ImportValueChoice; groups: ReturnType<typeof optionGroups>; onMap: (target: string | null) => void }) {
  const { t, i18n } = useTranslation('files');
  const known = new Set(groups.flatMap((group) => group.options.map((option) => option.value)));
  // A source nothing matched is kept as typed: offered as its own option.
  const keptAsTyped = field === 'source' && typeof choice.target === 'string' && !known.has(choice.target) ? choice.target : null;
  const value = choice.target === undefined ? '' : choice.target === null ? emptyValue : choice.target;
  return (
    <tr data-resolved={choice.resolved || keptAsTyped !== null ? 'true' : 'false'}>
      <th scope="row">
        <span className="imp-value">{choice.value}</span>
        {choice.target === undefined && <span className="imp-badge-unknown">{t('imports.values.unknown')}</span>}
      </th>
      <td className="imp-count">{new Intl.NumberFormat(i18n.language).format(choice.count)}</td>
      <td>
        <select
          className="select select-sm"
          aria-label={`${t(`imports.fields.${field}`)} · ${choice.value}`}
          aria-invalid={choice.target === undefined || undefined}
          value={value}
          onChange={(event) => onMap(event.target.value === emptyValue ? null : event.target.value)}
        >
          {choice.target === undefined && (
            <option value="" disabled>
              {t('imports.values.choose')}
            </option>
          )}
          <option value={emptyValue}>{field === 'stage' ? t('imports.values.defaultStage') : t('imports.values.empty')}</option>
          {keptAsTyped !== null && <option value={keptAsTyped}>{t('imports.values.keepAsTyped', { value: keptAsTyped })}</option>}
          {groups.map((group, index) =>
            group.label ? (
              group.options.length > 0 && (
                <optgroup key={index} label={group.label}>
                  {group.options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </optgroup>
              )
            ) : (
              group.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))
            ),
          )}
        </select>
      </td>
    </tr>
  );
}

/** Step 3: each distinct value of the stage, type, work mode, schedule and source columns, and what it becomes. */
export function ValuesStep({ preview, onMap }: { preview: ImportPreview; onMap: (field: ValueMappedField, key: string, target: string | null) => void }) {
  const { t } = useTranslation('files');
  const stages = useChannel('stages.list', undefined);
  const fields = valueMappedFields.filter((field) => (preview.values[field]?.length ?? 0) > 0);

  if (fields.length === 0) {
    return (
      <section className="card imp-values">
        <h2>{t('imports.values.title')}</h2>
        <p className="muted">{t('imports.values.none')}</p>
      </section>
    );
  }
  return (
    <div className="imp-values-grid">
      <header className="imp-section-header imp-values-header">
        <h2>{t('imports.values.title')}</h2>
        <p className="muted">{t('imports.values.hint')}</p>
      </header>
      {fields.map((field) => {
        const choices = preview.values[field]!;
        const groups = optionGroups(t, field, stages.data ?? []);
        return (
          <section key={field} className="card imp-values" aria-labelledby={`imp-values-${field}`}>
            <h3 id={`imp-values-${field}`}>{t(`imports.fields.${field}`)}</h3>
            <table className="imp-value-table">
              <thead>
                <tr>
                  <th scope="col">{t('imports.values.value')}</th>
                  <th scope="col" className="imp-count">
                    {t('imports.values.count')}
                  </th>
                  <th scope="col">{t('imports.values.target')}</th>
                </tr>
              </thead>
              <tbody>
                {choices.map((choice) => (
                  <ValueRow key={choice.key} field={field} choice={choice} groups={groups} onMap={(target) => onMap(field, choice.key, target)} />
                ))}
              </tbody>
            </table>
            {choices.length >= importLimits.maxDistinctValues && <p className="muted imp-small">{t('imports.values.more', { shown: choices.length })}</p>}
          </section>
        );
      })}
    </div>
  );
}
