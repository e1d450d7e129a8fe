import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldControlProps } from '../../ui/Field';

export interface PickerOption {
  id: string;
  label: string;
  /** A second, quieter line (stage, company…). */
  detail?: string;
}

/**
 * An editable combobox with a list popup (WAI-ARIA 1.2 pattern): type to search, arrows to move, Enter to pick,
 * Escape to close. The parent owns the search: it receives the typed text and gives back the options.
 */
export function Combobox({
  value,
  onChange,
  options,
  onQueryChange,
  placeholder,
  loading = false,
  emptyText,
  control,
}: {
  value: PickerOption | null;
  onChange: (option: PickerOption | null) => void;
  options: PickerOption[];
  onQueryChange: (text: string) => void;
  placeholder?: string;
  loading?: boolean;
  emptyText?: string;
  control: FieldControlProps;
}) {
  const { t } = useTranslation('records');
  const listId = useId();
  const [text, setText] = useState('');
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shown = editing ? text : (value?.label ?? '');
  const activeIndex = Math.min(active, options.length - 1);
  const optionId = (index: number) => `${listId}-${index}`;

  const pick = (option: PickerOption) => {
    onChange(option);
    setEditing(false);
    setOpen(false);
  };
  const openList = () => {
    if (!editing) {
      setText(value?.label ?? '');
      onQueryChange('');
    }
    setEditing(true);
    setOpen(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return openList();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (options.length === 0 ? 0 : (Math.max(0, current) + step + options.length) % options.length));
    } else if (event.key === 'Enter' && open) {
      // Enter picks; it must not submit the surrounding form meanwhile.
      event.preventDefault();
      if (options[activeIndex]) pick(options[activeIndex]);
    } else if (event.key === 'Escape' && open) {
      // Close the list only, not the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setEditing(false);
    }
  };

  return (
    <div className="rec-combobox">
      <input
        {...control}
        type="text"
        className="input"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && options[activeIndex] ? optionId(activeIndex) : undefined}
        placeholder={placeholder}
        value={shown}
        onChange={(event) => {
          setText(event.target.value);
          setEditing(true);
          setOpen(true);
          setActive(0);
          onQueryChange(event.target.value);
          if (event.target.value === '') onChange(null);
        }}
        onClick={openList}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setEditing(false);
        }}
      />
      <ul id={listId} role="listbox" className="rec-combobox-list" hidden={!open}>
        {options.map((option, index) => (
          <li
            key={option.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className="rec-combobox-option"
            // mousedown, not click: picking must happen before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(option);
            }}
            onMouseEnter={() => setActive(index)}
          >
            <span>{option.label}</span>
            {option.detail && <span className="muted">{option.detail}</span>}
          </li>
        ))}
        {options.length === 0 && (
          <li className="rec-combobox-empty" role="presentation">
            {loading ? t('picker.loading') : (emptyText ?? t('picker.noResults'))}
          </li>
        )}
      </ul>
    </div>
  );
}
