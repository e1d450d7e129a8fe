import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineGranularity } from '../../../../src-shared/contract';
import { rangeError, rangePresets, type RangeChoice, type RangePreset } from './range';

export interface DashboardSettings {
  range: RangeChoice;
  includeArchived: boolean;
  granularity: TimelineGranularity | 'auto';
}

/** A labelled control: the label names the control alone (a wrapping label would also read out every option). */
function Control({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="dash-control">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/** The period (a preset or two dates), whether archived applications count, and the timeline's step. */
export function DashboardControls({ value, onChange }: { value: DashboardSettings; onChange: (value: DashboardSettings) => void }) {
  const { t } = useTranslation('dashboard');
  const errorId = useId();
  const error = rangeError(value.range);
  const setRange = (range: Partial<RangeChoice>) => onChange({ ...value, range: { ...value.range, ...range } });
  return (
    <div className="dash-controls">
      <Control label={t('range.label')}>
        {(id) => (
          <select id={id} className="select select-sm" value={value.range.preset} onChange={(event) => setRange({ preset: event.target.value as RangePreset })}>
            {rangePresets.map((preset) => (
              <option key={preset} value={preset}>
                {t(`range.${preset}`)}
              </option>
            ))}
          </select>
        )}
      </Control>
      {value.range.preset === 'custom' &&
        (['from', 'to'] as const).map((end) => (
          <Control key={end} label={t(`range.${end}`)}>
            {(id) => (
              <input
                id={id}
                className="input input-sm"
                type="date"
                value={value.range[end]}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                onChange={(event) => setRange({ [end]: event.target.value })}
              />
            )}
          </Control>
        ))}
      <Control label={t('timeline.granularity')}>
        {(id) => (
          <select
            id={id}
            className="select select-sm"
            value={value.granularity}
            onChange={(event) => onChange({ ...value, granularity: event.target.value as DashboardSettings['granularity'] })}
          >
            {(['auto', 'day', 'week', 'month'] as const).map((granularity) => (
              <option key={granularity} value={granularity}>
                {t(`timeline.granularities.${granularity}`)}
              </option>
            ))}
          </select>
        )}
      </Control>
      <label className="check dash-check">
        <input type="checkbox" checked={value.includeArchived} onChange={(event) => onChange({ ...value, includeArchived: event.target.checked })} />
        {t('includeArchived')}
      </label>
      {error && (
        <p id={errorId} className="field-error dash-range-error" role="alert">
          {t('range.inverted')}
        </p>
      )}
    </div>
  );
}
