import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { keepPreviousData } from '@tanstack/react-query';
import { useChannel } from '../../api/hooks';
import { useShell } from '../../shell/ShellContext';
import { Icon, type IconName } from '../../ui/Icon';
import { Kbd } from '../../ui/Kbd';
import { StageBadge } from '../../ui/StageBadge';
import { currentFilters, setFilters } from '../applications/filters/viewStore';
import type { SearchResult, StageCategory } from '../../../../src-shared/contract';
import './search.css';

interface Result {
  key: string;
  group: 'applications' | 'companies' | 'contacts' | 'all';
  label: string;
  detail?: string;
  category?: StageCategory;
  icon: IconName;
  path: string;
  /** Runs before navigating (the "all applications matching" entry sets the table's text filter). */
  before?: () => void;
}

function toResults(text: string, data: SearchResult | undefined, describeCount: (count: number) => string): Result[] {
  const results: Result[] = [];
  for (const application of data?.applications ?? []) {
    results.push({
      key: `a-${application.id}`,
      group: 'applications',
      label: application.position,
      detail: application.companyName,
      category: application.stageCategory,
      icon: 'briefcase',
      path: `/applications/${application.id}`,
    });
  }
  for (const company of data?.companies ?? []) {
    results.push({ key: `c-${company.id}`, group: 'companies', label: company.name, detail: describeCount(company.applicationCount), icon: 'building', path: `/companies/${company.id}` });
  }
  for (const contact of data?.contacts ?? []) {
    results.push({ key: `p-${contact.id}`, group: 'contacts', label: contact.name, detail: [contact.role, contact.companyName].filter(Boolean).join(' · '), icon: 'users', path: '/contacts' });
  }
  results.push({
    key: 'all',
    group: 'all',
    label: text,
    icon: 'list',
    path: '/applications',
    before: () => setFilters({ ...currentFilters(), text }),
  });
  return results;
}

/** The header's search box: applications, companies and contacts as you type (search.query), keyboard-driven. */
export function GlobalSearch() {
  const { t } = useTranslation(['shell', 'common']);
  const navigate = useNavigate();
  const { searchInputRef } = useShell();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDeferredValue(text.trim());
  const listId = useId();

  const search = useChannel('search.query', { text: query, limit: 5 }, { enabled: query.length > 0, placeholderData: keepPreviousData });
  const results = useMemo(
    () => (query ? toResults(query, search.data, (count) => t('shell:search.applicationCount', { count })) : []),
    [query, search.data, t],
  );
  const expanded = open && results.length > 0;
  const activeIndex = Math.min(active, results.length - 1);

  const choose = (result: Result | undefined) => {
    if (!result) return;
    result.before?.();
    setOpen(false);
    setText('');
    searchInputRef.current?.blur();
    navigate(result.path);
  };

  return (
    <div className="global-search" role="search">
      <Icon name="search" />
      <input
        ref={searchInputRef}
        className="global-search-input"
        type="search"
        role="combobox"
        aria-label={t('shell:search.label')}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${listId}-${activeIndex}` : undefined}
        placeholder={t('shell:search.placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive((index) => Math.min(index + 1, results.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((index) => Math.max(index - 1, 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            choose(results[activeIndex]);
          } else if (event.key === 'Escape') {
            if (text) setText('');
            else event.currentTarget.blur();
          }
        }}
      />
      {!text && <Kbd name="/" />}
      {expanded && (
        <ul className="global-search-results" role="listbox" id={listId} aria-label={t('shell:search.results')}>
          {results.map((result, index) => (
            <li
              key={result.key}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className="global-search-option"
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(result);
              }}
              onMouseMove={() => setActive(index)}
            >
              <Icon name={result.icon} />
              {result.group === 'all' ? (
                <span className="global-search-label">{t('shell:search.allApplications', { text: result.label })}</span>
              ) : (
                <>
                  <span className="global-search-label" dir="auto">{result.label}</span>
                  {result.detail && <span className="global-search-detail" dir="auto">{result.detail}</span>}
                  {result.category && <StageBadge name={null} category={result.category} />}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
