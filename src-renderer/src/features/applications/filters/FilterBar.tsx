import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationFilters } from '../../../../../src-shared/contract';
import { Button } from '../../../ui/Button';
import { useFormat } from '../../../ui/format';
import { Icon } from '../../../ui/Icon';
import { Popover } from '../../../ui/Popover';
import { useStageName } from '../../../ui/StageBadge';
import { useSourceLabel, useStages } from '../vocabulary';
import { filterChips } from './chips';
import { FilterPanel } from './FilterPanel';
import { useCompanyName } from './useCompanyName';
import { activeFilterCount } from './viewStore';
import { customFilterChips } from '../../customFields/filters';
import { useCustomFields } from '../../customFields/model';
import './filters.css';

const textDelayMs = 200;

/**
 * The filters of the applications table and the board (one component, one shared filter set): a text search,
 * a panel with every filter, and the active ones as removable chips.
 */
export function FilterBar({ filters, onChange }: { filters: ApplicationFilters; onChange(filters: ApplicationFilters): void }) {
  const { t } = useTranslation(['applications', 'common']);
  const format = useFormat();
  const stages = useStages();
  const stageName = useStageName();
  const sourceLabel = useSourceLabel();
  const companyName = useCompanyName(filters.companyId);
  const [text, setText] = useState(filters.text ?? '');
  const [shownText, setShownText] = useState(filters.text);
  // A text set from elsewhere (the global search, clearing a chip) shows up in the box.
  if (filters.text !== shownText) {
    setShownText(filters.text);
    if (text.trim() !== (filters.text ?? '')) setText(filters.text ?? '');
  }
  // Typing waits a moment before filtering.
  useEffect(() => {
    if (text.trim() === (filters.text ?? '')) return;
    const timer = setTimeout(() => onChange({ ...filters, text: text.trim() || undefined }), textDelayMs);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  const change = (patch: Partial<ApplicationFilters>) => onChange({ ...filters, ...patch });
  const customFields = useCustomFields();
  const chips = [...filterChips(filters, { t, format, stages, stageName, sourceLabel, companyName }), ...customFilterChips(filters, customFields, t, format)];
  const panelCount = activeFilterCount({ ...filters, text: undefined });

  return (
    <div className="filter-bar">
      <div className="filter-search">
        <Icon name="search" size={14} />
        <input
          type="search"
          className="filter-search-input"
          aria-label={t('filters.searchLabel')}
          placeholder={t('filters.searchPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onChange({ ...filters, text: text.trim() || undefined });
          }}
        />
      </div>
      <Popover
        label={t('filters.title')}
        className="filter-popover"
        trigger={(props) => (
          <Button icon="filter" {...props}>
            {t('filters.button')}
            {panelCount > 0 && <span className="count-badge">{panelCount}</span>}
          </Button>
        )}
      >
        <FilterPanel filters={filters} onChange={change} />
      </Popover>
      {chips.length > 0 && (
        <ul className="filter-chips" aria-label={t('filters.active')}>
          {chips.map((chip) => (
            <li key={chip.id ?? chip.keys.join()} className="chip">
              <span>{chip.label}</span>
              <button
                type="button"
                aria-label={t('filters.remove', { filter: chip.label })}
                title={t('filters.remove', { filter: chip.label })}
                onClick={() => (chip.clear ? onChange(chip.clear(filters)) : change(Object.fromEntries(chip.keys.map((key) => [key, undefined]))))}
              >
                <Icon name="close" size={12} />
              </button>
            </li>
          ))}
          <li>
            <Button size="sm" variant="ghost" onClick={() => onChange({})}>
              {t('filters.clearAll')}
            </Button>
          </li>
        </ul>
      )}
    </div>
  );
}
