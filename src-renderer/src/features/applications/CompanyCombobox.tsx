import { useDeferredValue, useId, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { keepPreviousData } from '@tanstack/react-query';
import type { CompanySuggestion } from '../../../../src-shared/contract';
import { useChannel } from '../../api/hooks';
import { StageBadge } from '../../ui/StageBadge';

interface CompanyComboboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onSelect'> {
  /** The text in the box (the chosen company's name, or a new name being typed). */
  text: string;
  onTextChange(text: string): void;
  onSelect(company: CompanySuggestion): void;
}

/**
 * A company name box with suggestions from companies.autocomplete (ARIA combobox): arrows move, Enter picks,
 * Escape closes. Typing a name that matches nothing is allowed: the form then creates the company.
 */
export function CompanyCombobox({ text, onTextChange, onSelect, className, ...inputProps }: CompanyComboboxProps) {
  const { t } = useTranslation(['applications', 'common']);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const prefix = useDeferredValue(text.trim());
  const listId = useId();
  const suggestions = useChannel('companies.autocomplete', { prefix, limit: 8 }, { enabled: open && prefix.length > 0, placeholderData: keepPreviousData });
  const options = open && prefix ? (suggestions.data ?? []) : [];
  const expanded = options.length > 0;

  const pick = (company: CompanySuggestion | undefined) => {
    if (!company) return;
    onSelect(company);
    setOpen(false);
    setActive(-1);
  };

  return (
    <div className="combobox">
      <input
        {...inputProps}
        className={['input', className].filter(Boolean).join(' ')}
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(event) => {
          onTextChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={(event) => {
          setOpen(false);
          inputProps.onBlur?.(event);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && options.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive((index) => Math.min(index + 1, options.length - 1));
          } else if (event.key === 'ArrowUp' && options.length > 0) {
            event.preventDefault();
            setActive((index) => Math.max(index - 1, 0));
          } else if (event.key === 'Enter' && expanded && active >= 0) {
            event.preventDefault();
            pick(options[active]);
          } else if (event.key === 'Escape' && expanded) {
            event.preventDefault();
            event.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {expanded && (
        <ul className="combobox-list" role="listbox" id={listId} aria-label={t('applications:company.suggestions')}>
          {options.map((company, index) => (
            <li
              key={company.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="combobox-option"
              onMouseDown={(event) => {
                event.preventDefault();
                pick(company);
              }}
              onMouseMove={() => setActive(index)}
            >
              <span className="combobox-label" dir="auto">{company.name}</span>
              <span className="combobox-detail">{t('applications:company.applicationCount', { count: company.applicationCount })}</span>
              {company.lastCategory && <StageBadge name={null} category={company.lastCategory} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
